/**
 * Save a run as a scenario file (what `npm run simulate` replays, and a link opens): the browser
 * downloads it, named after the run, and naming the lab's JSON Schema so an editor checks it.
 */
import type { FixName, Scenario } from '../../engine';
import { runFile, runFileName } from '../../store/runFile';

export function saveRunFile(
  scenario: Scenario,
  name: string,
  off: readonly FixName[] = [],
  choices: readonly number[] | null = null,
): void {
  const schema = new URL('scenario.schema.json', document.baseURI).href;
  const text = `${JSON.stringify(runFile(scenario, off, choices, schema), null, 2)}\n`;
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = runFileName(name, off);
  a.click();
  URL.revokeObjectURL(url);
}
