/**
 * A run on the page as a scenario file: what "Save this run as a file" writes, and what a link
 * carries in its fragment. The CLI replays it (`npm run simulate`), and opened as a link it gives
 * the same view: the same steps, switches and picks.
 */
import { ALL_FIXES, FIX_NAMES, levelInfo } from '../engine';
import type { FixName, Fixes, Scenario, ScenarioFile } from '../engine';

/** The scenario with these fixes switched off and these picks, as a file holds it. */
export function runFile(
  scenario: Scenario,
  off: readonly FixName[],
  choices: readonly number[] | null,
  schema?: string,
): ScenarioFile {
  const fixes: Fixes = { ...ALL_FIXES, ...Object.fromEntries(off.map((f) => [f, false])) };
  const switched = levelInfo(scenario.level)?.options.fixes !== undefined;
  const options = { ...scenario.options, ...(switched ? { fixes } : {}) };
  return {
    ...(schema === undefined ? {} : { $schema: schema }),
    level: scenario.level,
    options,
    seed: scenario.seed,
    steps: [...scenario.steps],
    ...(choices && choices.length > 0 ? { choices: [...choices] } : {}),
  } as ScenarioFile;
}

/** A file name for a run: `pool-lab-pick-order-lock-off.json`. */
export function runFileName(name: string, off: readonly FixName[]): string {
  const slug =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'run';
  const switched = FIX_NAMES.filter((f) => off.includes(f)).map((f) => f.toLowerCase());
  return `pool-lab-${slug}${switched.length > 0 ? `-${switched.join('-')}-off` : ''}.json`;
}
