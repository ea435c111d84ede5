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
import { FIX_NAMES, fixesOff } from './fixes';
import { andList } from './format';
import { quoted, readLink, writeLink, type LinkedFile } from './link';
import { runFile } from './runFile';
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
  /** A file the link carries: the run to show (`scenario` is then FILE_SCENARIO). */
  readonly file?: LinkedFile | null;
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

/** The scenario id of a view that shows a file from the link rather than one of the page's scenarios. */
export const FILE_SCENARIO = 'file';

export function parseProductionLink(search: string, ctx: ProductionLinkContext, hash = ''): ParsedProductionLink {
  const { words, faults, notices: general } = readLink(search, hash);
  const notices: string[] = [...general];
  const label = (id: string) => ctx.labelOf?.(id) ?? id;

  // A file in the link is the run itself: its own steps, switches and picks.
  const file = words.file?.load === undefined && words.file?.scenario.level === SWITCHED_LEVEL ? words.file : null;
  if (words.file && !file)
    notices.push(
      words.file.load === undefined
        ? `The link’s file is a ${words.file.scenario.level} run, not one of the production pool, so it was not opened.`
        : 'The link’s file is a load run; run it with npm run simulate, or give its numbers to the Load lab’s form.',
    );

  let scenario = ctx.defaultScenario;
  if (words.scenario !== null) {
    if (file) notices.push(`The link carries a file, so the scenario ${quoted(words.scenario)} was ignored.`);
    else if (ctx.scenarios.includes(words.scenario)) scenario = words.scenario;
    else
      notices.push(
        `The production pool has no scenario called ${quoted(words.scenario)}, so it opened “${label(scenario)}”.`,
      );
  }

  if (faults.off) {
    const shown = faults.off.slice(0, 3).map((w) => quoted(w));
    const more = faults.off.length - shown.length;
    const named = more > 0 ? `${shown.join(', ')} and ${more} more` : andList(shown);
    const them = faults.off.length === 1 ? `${named}, which is not a fix` : `${named}, which are not fixes`;
    notices.push(
      `The link asked to switch off ${them} (the fixes are ${FIX_NAMES.join(', ')}); every other switch is as the link says.`,
    );
  }

  if (faults.choice) {
    const n = faults.choice.before;
    notices.push(
      `${quoted(faults.choice.word)} is not a choice (choices are option numbers, like 1,0), so ${n === 0 ? 'the scheduler chooses throughout' : `only the first ${n} ${n === 1 ? 'pick is' : 'picks are'} used`}.`,
    );
  }

  if (faults.moment !== undefined)
    notices.push(`${quoted(faults.moment)} is not a moment on the timeline, so the run is shown to its end.`);

  if (file && (words.off !== null || words.choices !== null))
    notices.push('The link carries a file, so its switches and picks are the file’s; off and choices were ignored.');
  const view: ProductionView = file
    ? {
        scenario: FILE_SCENARIO,
        off: fixesOff(file.scenario.options.fixes ?? {}),
        choices: file.scenario.choices && file.scenario.choices.length > 0 ? file.scenario.choices : null,
        moment: words.moment,
        file,
      }
    : { scenario, off: words.off ?? [], choices: words.choices, moment: words.moment };
  return { view, notices };
}

/**
 * The address for a view. Commas stay commas and the names are plain, so the link reads as it is:
 * `?level=production&scenario=dirty&off=reset&step=7` (`step` is the moment). A view of a file
 * carries the file in the fragment, with the switches and picks in it: `?level=production&step=7#file=…`.
 */
export function formatProductionLink(view: ProductionView): string {
  if (view.file)
    return writeLink({
      level: SWITCHED_LEVEL,
      moment: view.moment,
      file: runFile(view.file.scenario, view.off, view.choices),
    });
  return writeLink({
    level: SWITCHED_LEVEL,
    scenario: view.scenario,
    off: view.off,
    choices: view.choices,
    moment: view.moment,
  });
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
        ? `The link’s choices from number ${k + 1} on do not fit this run, so the scheduler chooses from there.`
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
