/**
 * A scenario run and its report: what the lab draws and what `npm run simulate` prints.
 */
export type { ChoicePoint } from './choices';
export type { StepReport } from './records';
export { describeError, reportOf, simulateText } from './report';
export type { LoadLine, ScenarioOutput, SimulateResult, StepLine } from './report';
export { runScenario } from './run';
export type { RunOptions, RunResult } from './run';
