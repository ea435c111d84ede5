/**
 * The Load lab's window onto the engine's one work estimate: what a load from the form will cost
 * before it runs, in the same units and against the same limit as every file (src/engine/work).
 */
import { estimateLoad, UNITS_PER_SECOND, WORK_LIMIT, workProblem, type LoadScenario } from '../engine';

/** What a load will cost before it runs, in the same units and against the same limit as every file. */
export interface LoadWork {
  /** The estimate, in work units. */
  readonly units: number;
  /** Real seconds on the machine the limit was measured on (`npm run calibrate`). */
  readonly seconds: number;
  /** The most a run may do, in units, and in those seconds. */
  readonly limit: number;
  readonly limitSeconds: number;
  /** Callers alive at once, at most, roughly. */
  readonly live: number;
  /**
   * Objects the callers keep away from the shelf on average if every one is served (Erlangs): the
   * arrival rate times the hold plus every cost on the way back to the shelf.
   */
  readonly offered: number;
  /** Why it will not run (too heavy), with what to lower; null when it fits. */
  readonly problem: string | null;
}

/**
 * The engine's one work estimate for a load from the form: the page can show "about N s" from it
 * (scaled by the speed it has measured, if it likes: `seconds × UNITS_PER_SECOND / its units per
 * second`) and says `problem` instead of running. `loadProblems` already includes the same refusal.
 */
export function loadWork(scenario: LoadScenario): LoadWork {
  const work = estimateLoad(scenario);
  return {
    units: work.units,
    seconds: work.seconds,
    limit: WORK_LIMIT,
    limitSeconds: WORK_LIMIT / UNITS_PER_SECOND,
    live: work.load!.live,
    offered: work.load!.offered,
    problem: workProblem(work, { count: scenario.load.arrivals, name: 'the number of arrivals' }),
  };
}
