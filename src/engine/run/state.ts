/**
 * What the parts of a scenario run share: the runtime and the pool, the steps' reports, and the
 * few facts about the run as a whole that they read and set.
 */
import type { ScenarioError, Task } from '../core';
import type { RunnablePool } from '../levels';
import type { Runtime } from '../world';
import type { StepProgress, StepReports } from './records';

export interface RunState {
  readonly rt: Runtime;
  readonly pool: RunnablePool;
  /** The steps and their reports as they stand, written in place. */
  readonly reports: StepReports;
  /** What the scheduler keeps about each step beyond its report (when it may start, how far it got). */
  readonly progress: StepProgress;
  /** The pool's start-up filling is done: steps may start. */
  initDone: boolean;
  /** The scenario's first bad step, if it had one: the run stops there. */
  fatal: ScenarioError | null;
  /** The step started last: a warning raised outside any step's task belongs to it. */
  lastStarted: number;
  /** Everything has finished: warnings from now on belong to no step. */
  finishing: boolean;
  /** A `close` step has called the pool's close(). */
  closeCalled: boolean;
  /** Steps given a warning since the run last reported (a run that grows reports only what changed). */
  readonly warned: number[];
}

/** The index of the scenario step a task plays, if it plays one. */
export function stepOf(state: RunState, task: Task | null): number | undefined {
  return state.rt.scratchOf(task)?.index;
}
