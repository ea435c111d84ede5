/**
 * The load lab's seam to the engine: what the page needs to check its form, draw the formulas'
 * curves and size a pool on its own thread (cheap arithmetic), named one by one. Load runs
 * themselves go to the worker (`src/workers/loadClient.ts`), which reaches the engine on its own.
 */
export {
  ADVISOR_MAX_POOL,
  erlangB,
  erlangC,
  estimateSeconds,
  hikariDeadlockMinimum,
  hikariRuleOfThumb,
  impatientSystem,
  LIMITS,
  LOAD_LIMITS,
  loadProblems,
  meanWaitMs,
  niceStep,
  offeredLoad,
  smallestPoolForRefusal,
  smallestPoolForWait,
} from '../engine';
export type { FreshOutput, Interval, LoadOutput, LoadScenario, WaitHistogram } from '../engine';
