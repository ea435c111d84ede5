/**
 * Hand-picked interleaving: with `choices` (or `choose`), at each instant where more than one
 * client could go on, the run takes the option picked (0 is the scheduler's own) and records the
 * choice points, so a lab can offer them. The scenario plus the list of choices replays the run.
 */
import { ScenarioError, type ChoiceOption, type Sim } from '../core';

/** A moment where more than one client could go on, and which one did. */
export interface ChoicePoint {
  /** 0, 1, 2… in the order the run met them; `choices[n]` picks at point n. */
  readonly n: number;
  readonly t: number;
  /** The index of the next event: the choice decides what happens from there on. */
  readonly seq: number;
  /** Option 0 is what the scheduler would run by itself. */
  readonly options: readonly ChoiceOption[];
  readonly picked: number;
}

export interface ChoiceOptions {
  /** The option to take at each choice point in turn (missing: 0). */
  readonly choices?: readonly number[];
  /** Or decide at each choice point as the run goes (after `choices` run out). */
  readonly choose?: (point: Omit<ChoicePoint, 'picked'>) => number;
}

/**
 * Install a chooser on the scheduler when the run asks for one; returns the choice points it will
 * record. A pick out of range is bad input: `onBadPick` is told, and option 0 is taken.
 */
export function recordChoices(
  sim: Sim,
  options: ChoiceOptions,
  nextSeq: () => number,
  onBadPick: (error: ScenarioError) => void,
): readonly ChoicePoint[] {
  const points: ChoicePoint[] = [];
  if (options.choices === undefined && options.choose === undefined) return points;
  const given = options.choices ?? [];
  sim.chooser = (offered, t) => {
    const k = points.length;
    const point = { n: k, t, seq: nextSeq(), options: offered };
    let picked = k < given.length ? given[k]! : (options.choose?.(point) ?? 0);
    if (!Number.isInteger(picked) || picked < 0 || picked >= offered.length) {
      onBadPick(
        new ScenarioError(
          `choice ${k + 1} is ${picked}, but that moment offers ${offered.length} options (0 to ${offered.length - 1})`,
        ),
      );
      picked = 0;
    }
    points.push({ ...point, picked });
    return picked;
  };
  return points;
}
