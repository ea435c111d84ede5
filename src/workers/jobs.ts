/**
 * Running a list of load jobs in slices: the part of the worker that knows nothing of workers, so
 * that it can be tested in Node. `step()` runs for about `sliceMs` of real time and says whether
 * everything is done; between slices the worker reports progress and reads its messages. Every
 * call into the engine is bounded by a number of engine steps, so a slice ends on time even while
 * the callers queued after the last arrival drain.
 *
 * Work is counted per caller twice: once on arrival and once when it is through (served and
 * gone, refused or given up). Callers still queued are work left, so progress does not read 99 %
 * while most of the run is still ahead.
 */
import { createLoadRun, runFreshPerCaller, ScenarioError, type LoadRun } from '../engine';
import type { Job, JobResult } from './protocol';

export interface JobRunner {
  /** Run for about `sliceMs` real ms; true when every job is done. */
  step(sliceMs: number): boolean;
  /** Work done: callers arrived plus callers through, over every job. */
  readonly done: number;
  /** Work in all: two units per caller. */
  readonly total: number;
  /** Callers arrived so far, over every job. */
  readonly arrived: number;
  /** Callers through so far, over every job. */
  readonly through: number;
  readonly results: readonly JobResult[];
}

/** Bounds on the engine steps of one call: never unbounded, never so few that messages dominate. */
export const MIN_STEPS = 100;
export const MAX_STEPS = 200_000;

export function createJobRunner(jobs: readonly Job[], now: () => number): JobRunner {
  const total = 2 * jobs.reduce((s, j) => s + j.scenario.load.arrivals, 0);
  const results: JobResult[] = [];
  let index = 0;
  let finishedWork = 0;
  let run: LoadRun | null = null;
  // Engine steps per call, tuned as we go so that a call lasts a fraction of sliceMs.
  let batch = 2000;

  return {
    get done() {
      return finishedWork + (run ? run.arrived + run.finished : 0);
    },
    get arrived() {
      return finishedWork / 2 + (run?.arrived ?? 0);
    },
    get through() {
      return finishedWork / 2 + (run?.finished ?? 0);
    },
    total,
    results,
    step(sliceMs: number): boolean {
      const end = now() + sliceMs;
      while (index < jobs.length) {
        const job = jobs[index]!;
        if (job.kind === 'fresh') {
          // No pool: a plain loop, quick enough to run in one go.
          results.push({ kind: 'fresh', output: runFreshPerCaller(job.scenario) });
          finishedWork += 2 * job.scenario.load.arrivals;
          index++;
        } else {
          run ??= createLoadRun(job.scenario, job.tailMs ? { tailMs: job.tailMs } : {});
          const t0 = now();
          const finished = run.advance(batch);
          const spent = now() - t0;
          if (spent < sliceMs / 4) batch = Math.min(batch * 2, MAX_STEPS);
          else if (spent > sliceMs / 2) batch = Math.max(MIN_STEPS, Math.floor(batch / 2));
          if (finished) {
            results.push({ kind: 'load', output: run.result() });
            finishedWork += 2 * job.scenario.load.arrivals;
            run = null;
            index++;
          }
        }
        if (now() >= end) return index >= jobs.length;
      }
      return true;
    },
  };
}

/** A message for the page from whatever a job threw. */
export function messageOf(error: unknown): string {
  if (error instanceof ScenarioError) return error.message;
  return `The run failed: ${error instanceof Error ? error.message : String(error)}`;
}
