/**
 * Deep links to the production page:
 *
 *   ?level=production&scenario=pick-order&off=lock,reset&choices=1,0&step=12
 *
 * - `scenario`: a scenario button's id (absent: the page's first scenario);
 * - `off`: the fixes switched off, by their names in scenario files (`maxSize`, `lock`, `reset`,
 *   `validate`, `timeout`, `cleanup`), comma-separated; absent: every fix on;
 * - `choices`: the hand-picked interleaving, the option taken at each choice point in turn (0 is
 *   the scheduler's own), comma-separated; absent: the scheduler chooses;
 * - `step`: the moment on the timeline (0 is the start); absent: the end of the run. (The name is
 *   kept so that links already shared still work.)
 *
 * Reading one never fails: whatever is wrong in it, the nearest valid view opens and a notice says
 * what was ignored. `parseProductionLink` checks the words; `fitProductionRun` runs the scenario
 * to check what only a run can tell (whether the choices fit its choice points, how long it is).
 */
import { runScenario } from '../engine';
import { ScenarioError } from '../engine';
import { parseScenario } from '../engine';
import type { FixName, Scenario } from '../engine';
import { FIX_NAMES } from './fixes';
import { SWITCHED_LEVEL } from './levels';

export interface ProductionView {
  /** A scenario button's id. */
  readonly scenario: string;
  /** The fixes switched off, in FIX_NAMES. */
  readonly off: readonly FixName[];
  /** The hand-picked interleaving, or null for the scheduler's own order. */
  readonly choices: readonly number[] | null;
  /** The moment on the timeline (the link's `step`), or null for the end of the run. */
  readonly moment: number | null;
}

export interface ProductionLinkContext {
  /** The scenario ids the page has. */
  readonly scenarios: readonly string[];
  /** Where a link with no (or no valid) scenario lands. */
  readonly defaultScenario: string;
  /** A scenario's button label, for notices. */
  readonly labelOf?: (id: string) => string;
}

export interface ParsedProductionLink {
  readonly view: ProductionView;
  /** One plain sentence per thing the link asked for and did not get. */
  readonly notices: readonly string[];
}

/** No run has this many choice points; a longer list is not a list of picks. */
const MAX_CHOICES = 500;
const MAX_OPTION = 99;
const MAX_MOMENT = 1_000_000;

export function parseProductionLink(search: string, ctx: ProductionLinkContext): ParsedProductionLink {
  const params = new URLSearchParams(search);
  const notices: string[] = [];
  const label = (id: string) => ctx.labelOf?.(id) ?? id;

  let scenario = ctx.defaultScenario;
  const rawScenario = params.get('scenario');
  if (rawScenario !== null && rawScenario.trim() !== '') {
    const wanted = rawScenario.trim();
    if (ctx.scenarios.includes(wanted)) scenario = wanted;
    else
      notices.push(
        `The production pool has no scenario called "${clip(rawScenario)}", so it opened “${label(scenario)}”.`,
      );
  }

  const off = new Set<FixName>();
  const unknown: string[] = [];
  for (const word of (params.get('off') ?? '').split(',')) {
    const w = word.trim();
    if (w === '') continue;
    const fix = FIX_NAMES.find((f) => f.toLowerCase() === w.toLowerCase());
    if (fix) off.add(fix);
    else unknown.push(`"${clip(w)}"`);
  }
  if (unknown.length > 0) {
    const them =
      unknown.length === 1 ? `${unknown[0]}, which is not a fix` : `${unknown.join(' and ')}, which are not fixes`;
    notices.push(
      `The link asked to switch off ${them} (the fixes are ${FIX_NAMES.join(', ')}); every other switch is as the link says.`,
    );
  }

  const choices = parseChoices(params.get('choices'), notices);

  let moment: number | null = null;
  const rawMoment = params.get('step');
  if (rawMoment !== null && rawMoment.trim() !== '') {
    const n = Number(rawMoment.trim());
    if (!/^\d+$/.test(rawMoment.trim()) || !Number.isSafeInteger(n))
      notices.push(`"${clip(rawMoment)}" is not a moment on the timeline, so the run is shown to its end.`);
    else moment = Math.min(n, MAX_MOMENT);
  }

  return { view: { scenario, off: FIX_NAMES.filter((f) => off.has(f)), choices, moment }, notices };
}

/** The picks up to the first word that is not one (the scheduler chooses from there). */
function parseChoices(raw: string | null, notices: string[]): number[] | null {
  if (raw === null || raw.trim() === '') return null;
  const words = raw.split(',').map((w) => w.trim());
  const out: number[] = [];
  for (const w of words) {
    if (out.length === MAX_CHOICES) {
      notices.push(`The link picks at more than ${MAX_CHOICES} choice points; only the first ${MAX_CHOICES} are used.`);
      break;
    }
    if (!/^\d{1,2}$/.test(w) || Number(w) > MAX_OPTION) {
      notices.push(
        `"${clip(w)}" is not a choice (choices are option numbers, like 1,0), so ${out.length === 0 ? 'the scheduler chooses throughout' : `only the first ${out.length} ${out.length === 1 ? 'pick is' : 'picks are'} used`}.`,
      );
      break;
    }
    out.push(Number(w));
  }
  return out.length > 0 ? out : null;
}

/**
 * The query string for a view. Commas stay commas and the names are plain, so the link reads as
 * it is: `?level=production&scenario=dirty&off=reset&step=7` (`step` is the moment).
 */
export function formatProductionLink(view: ProductionView): string {
  const parts = [`level=${SWITCHED_LEVEL}`, `scenario=${encodeURIComponent(view.scenario)}`];
  if (view.off.length > 0) parts.push(`off=${FIX_NAMES.filter((f) => view.off.includes(f)).join(',')}`);
  if (view.choices && view.choices.length > 0) parts.push(`choices=${view.choices.join(',')}`);
  if (view.moment !== null) parts.push(`step=${view.moment}`);
  return `?${parts.join('&')}`;
}

export interface FittedRun {
  /** The longest start of the link's choices that the run can follow (null: none). */
  readonly choices: readonly number[] | null;
  /** The moment, at most the run's last (null: the end). */
  readonly moment: number | null;
  readonly notices: readonly string[];
}

/**
 * Check a link's choices and moment against the run they ask for: `file` is the scenario as the
 * page runs it (its switches set). Choices that a choice point does not offer, or more choices than
 * the run has choice points, are cut back to what fits; a moment past the end becomes the last.
 */
export function fitProductionRun(file: unknown, choices: readonly number[] | null, moment: number | null): FittedRun {
  let scenario: Scenario;
  try {
    scenario = parseScenario(file).scenario;
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    return { choices: null, moment: null, notices: [`That scenario can't run: ${e.message}.`] };
  }
  const notices: string[] = [];
  const runWith = (picks: readonly number[]) => runScenario(scenario, { choices: picks, record: false });

  let picks = choices ?? [];
  let run = runWith(picks);
  if (run.error) {
    // The longest start of the list that runs; the scheduler chooses from there.
    let k = picks.length - 1;
    for (; k >= 0; k--) {
      run = runWith(picks.slice(0, k));
      if (!run.error) break;
    }
    if (k < 0)
      return {
        choices: null,
        moment: null,
        notices: [`That scenario can't run: ${run.error?.message ?? 'unknown error'}.`],
      };
    const offered = run.choicePoints[k]?.options.length;
    notices.push(
      offered === undefined
        ? `The link's choices from number ${k + 1} on do not fit this run, so the scheduler chooses from there.`
        : `Choice ${k + 1} in the link is ${picks[k]}, but at that choice point only options 0 to ${offered - 1} exist, so the scheduler chooses from there.`,
    );
    picks = picks.slice(0, k);
  }
  if (picks.length > run.choicePoints.length) {
    const n = run.choicePoints.length;
    notices.push(
      n === 0
        ? 'In this run no two readers can go on at the same instant, so the link’s choices were ignored.'
        : `This run has ${n} ${n === 1 ? 'choice point' : 'choice points'}, so the link’s choices after the first ${n} were ignored.`,
    );
    picks = picks.slice(0, n);
  }

  let fitted = moment;
  const last = run.eventCount - 1;
  if (moment !== null && moment > last) {
    notices.push(`The link asked for moment ${moment}, but this run ends at moment ${last}; showing the end.`);
    fitted = null;
  }
  return { choices: picks.length > 0 ? picks : null, moment: fitted, notices };
}

/** Quote at most 40 characters of what the link said. */
function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
