/**
 * The engine's public surface: everything the store, the workers, the CLI and the scripts may use.
 * Files outside `src/engine/` import from here, never from a file inside, so the engine can arrange
 * its own parts without touching its users. Named re-exports only.
 */
export { MAX_READERS, runAnalogy } from './analogy';
export { levelInfo } from './levels';
export { ALL_FIXES } from './levels/production';
export { coverage, truthOf } from './load/coverage';
export type { Coverage, TextbookSystem } from './load/coverage';
export { comparePool, runFreshPerCaller } from './load/fresh';
export type { FreshOutput, PoolComparison, Side } from './load/fresh';
export { recommend } from './load/advice';
export type { Recommendation, RecommendationCase } from './load/advice';
export {
  erlangB,
  erlangC,
  impatientSystem,
  lossSystem,
  meanWaitMs,
  offeredLoad,
  waitExceeds,
  waitingSystem,
  waitQuantileMs,
} from './load/queueing';
export { createLoadRun, runLoad } from './load/run';
export type { LoadOutput, LoadRun } from './load/run';
export { estimateSeconds, LOAD_LIMITS, loadProblems, NOMINAL_ARRIVALS_PER_SECOND, parseLoadSpec } from './load/spec';
export type { HoldDistribution, LoadScenario, LoadSpec } from './load/spec';
export { niceStep } from './load/stats';
export type { Estimate, Interval } from './load/intervals';
export type { WaitHistogram } from './load/stats';
export {
  ADVISOR_MAX_POOL,
  hikariDeadlockMinimum,
  hikariRuleOfThumb,
  predicted,
  smallestPoolFor,
  TAIL,
} from './load/sizing';
export type { Target, TargetKind } from './load/sizing';
export { theoryFor } from './load/theory';
export type { LoadTheory } from './load/theory';
export { checkScenario, judge, verdictOf } from './load/verdict';
export type { Check, Verdict } from './load/verdict';
export { simulateText } from './report';
export { runScenario } from './run';
export type { RunResult } from './run';
export { ScenarioError } from './runtime';
export { LIMITS, parseOptions, parseScenario, parseStep } from './scenario';
export { LEVELS, WARNINGS } from './types';
export type {
  ClientStatus,
  ClientView,
  EventBody,
  EventType,
  Fixes,
  LevelId,
  LevelOptions,
  ObjectView,
  PoolEvent,
  Scenario,
  Step,
  StepId,
  StepKind,
  StepOutcome,
  WarningKind,
  World,
} from './types';
