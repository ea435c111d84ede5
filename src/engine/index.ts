/**
 * The engine's public surface: everything the store, the workers, the CLI and the scripts may use.
 * Files outside `src/engine/` import from here, never from a file inside, so the engine can arrange
 * its own parts without touching its users. Named re-exports only.
 */
export { MAX_READERS, runAnalogy } from './analogy';
export { boundOf, LEVELS, levelInfo, resolveOptions, startSizeOf } from './levels';
export type { LevelInfo, ThingWords } from './levels';
export { MAX_POOL_SIZE, MAX_TIME_MS } from './levels/options';
export type { CountOption, FixesOption, OptionName, OptionSpec, OptionSpecs, TimeOption } from './levels/options';
export { ALL_FIXES } from './levels/production';
export {
  createLoadRun,
  estimateSeconds,
  LOAD_LIMITS,
  loadProblems,
  NOMINAL_ARRIVALS_PER_SECOND,
  parseLoadSpec,
  runFreshPerCaller,
  runLoad,
  theoryFor,
} from './load';
export type {
  FreshOutput,
  HoldDistribution,
  Interval,
  LoadOutput,
  LoadRun,
  LoadScenario,
  LoadSpec,
  LoadTheory,
  WaitHistogram,
} from './load';
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
} from './queueing';
export { reportOf, simulateText } from './report';
export { runScenario } from './run';
export type { RunResult } from './run';
export { ScenarioError } from './runtime';
export { LIMITS, parseOptions, parseScenario, parseStep } from './scenario';
export { FIX_NAMES, LEVEL_IDS, WARNINGS } from './types';
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
