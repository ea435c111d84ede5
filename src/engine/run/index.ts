/**
 * A scenario run and its report: what the lab draws and what `npm run simulate` prints.
 */
export { reportOf, simulateText } from './report';
export { openRun, runScenario } from './run';
export type { OpenRun, RunOptions, RunResult } from './run';
