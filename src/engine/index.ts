/**
 * The engine's public surface: everything the store, the workers, the CLI and the scripts may use.
 * Files outside `src/engine/` import from here, never from a file inside, so the engine can arrange
 * its own parts without touching its users. Named re-exports only.
 */
export { MAX_READERS, READ_MS, runAnalogy } from './analogy';
export type { Analogy, Arrival } from './analogy';
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
export { recommend } from './load/advice';
export type { Recommendation, RecommendationCase } from './load/advice';
export { coverage, truthOf } from './load/coverage';
export type { Coverage, TextbookSystem } from './load/coverage';
export { comparePool, runFreshPerCaller } from './load/fresh';
export type { FreshOutput, PoolComparison, Side } from './load/fresh';
export type { Estimate, Interval } from './load/intervals';
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
export { LOAD_LIMITS, loadProblems } from './load/spec';
export type { HoldDistribution, LoadScenario, LoadSpec } from './load/spec';
export { niceStep } from './load/stats';
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
export { ordinal } from './monitor';
export { innermostLine, linesOf } from './world';
export { openRun, reportOf, runScenario, simulateText } from './run';
export type { OpenRun, RunResult } from './run';
export type { ScenarioFile } from './scenario';
export {
  decodeUtf8,
  jsonLine,
  LIMITS,
  nameOf,
  oneLine,
  parseJson,
  parseLoadSpec,
  parseOptions,
  parseScenario,
  parseScenarioText,
  parseStep,
  quote,
} from './scenario';
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
  ErrorKind,
  EventType,
  FixName,
  Fixes,
  LevelId,
  Lends,
  LevelOptions,
  LegacyPlace,
  LineId,
  ObjectView,
  Place,
  PlaceName,
  PoolEvent,
  PoolView,
  ReaderState,
  Scenario,
  Step,
  StepKind,
  StepOutcome,
  WarningKind,
  World,
} from './types';
