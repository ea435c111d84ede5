/**
 * The engine's public surface: everything the store, the workers, the CLI and the scripts may use.
 * Files outside `src/engine/` import from here, never from a file inside, so the engine can arrange
 * its own parts without touching its users. Named re-exports only.
 */
export { MAX_READERS, runAnalogy } from './analogy';
export { ScenarioError } from './core';
export {
  ALL_FIXES,
  boundOf,
  LEVELS,
  levelInfo,
  MAX_POOL_SIZE,
  MAX_TIME_MS,
  resolveOptions,
  startSizeOf,
} from './levels';
export type {
  CountOption,
  FixesOption,
  LevelInfo,
  OptionName,
  OptionSpec,
  OptionSpecs,
  ThingWords,
  TimeOption,
} from './levels';
export { runFreshPerCaller } from './load/fresh';
export type { FreshOutput } from './load/fresh';
export { createLoadRun, runLoad } from './load/run';
export type { LoadOutput, LoadRun } from './load/run';
export { estimateSeconds, LOAD_LIMITS, loadProblems, NOMINAL_ARRIVALS_PER_SECOND, parseLoadSpec } from './load/spec';
export type { HoldDistribution, LoadScenario, LoadSpec } from './load/spec';
export { niceStep } from './load/stats';
export type { Interval, WaitHistogram } from './load/stats';
export { theoryFor } from './load/theory';
export type { LoadTheory } from './load/theory';
export {
  ADVISOR_MAX_POOL,
  erlangB,
  erlangC,
  hikariDeadlockMinimum,
  hikariRuleOfThumb,
  impatientSystem,
  lossSystem,
  meanWaitMs,
  offeredLoad,
  smallestPoolForRefusal,
  smallestPoolForWait,
  waitingSystem,
} from './load/queueing';
export { reportOf, runScenario, simulateText } from './run';
export type { RunResult } from './run';
export { jsonLine, LIMITS, nameOf, oneLine, parseOptions, parseScenario, parseStep, quote } from './scenario';
export { FIX_NAMES, LEVEL_IDS, WARNINGS } from './types';
export {
  estimateLoad,
  estimateScenario,
  LIVE_WEIGHT,
  UNITS_PER_SECOND,
  unitsOf,
  WEIGHTS,
  WORK_LIMIT,
  workDone,
  workProblem,
} from './work';
export type { RunKind, WorkCounts, WorkEstimate } from './work';
export type {
  BoundKind,
  ClientStatus,
  ClientView,
  EventBody,
  EventType,
  FixName,
  Fixes,
  LevelId,
  Lends,
  LevelOptions,
  LineId,
  ObjectView,
  PoolEvent,
  Scenario,
  Step,
  StepKind,
  StepOutcome,
  WarningKind,
  World,
} from './types';
