/**
 * Running a list of load jobs in slices: the part of the worker that knows nothing of workers, so
 * that it can be tested in Node. `step()` runs for about `sliceMs` of real time and says whether
 * everything is done; between slices the worker reports progress and reads its messages.
 */
import { createLoadRun, runFreshPerCaller, ScenarioError, type LoadRun } from '../engine';
import type { Job, JobResult } from './protocol';

export interface JobRunner {
  /** Run for about `sliceMs` real ms; true when every job is done. */
  step(sliceMs: number): boolean;
  readonly done: number;
  readonly total: number;
  readonly results: readonly JobResult[];
}

export function createJobRunner(jobs: readonly Job[], now: () => number): JobRunner {
  const total = jobs.reduce((s, j) => s + j.scenario.load.arrivals, 0);
  const results: JobResult[] = [];
  let index = 0;
  let finishedArrivals = 0;
  let run: LoadRun | null = null;
  // Arrivals per slice, tuned as we go so that a slice lasts about sliceMs.
  let batch = 2000;

  return {
    get done() {
      return finishedArrivals + (run?.arrived ?? 0);
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
          finishedArrivals += job.scenario.load.arrivals;
          index++;
        } else {
          run ??= createLoadRun(job.scenario, job.tailMs ? { tailMs: job.tailMs } : {});
          const t0 = now();
          const finished = run.advance(batch);
          const spent = now() - t0;
          if (spent < sliceMs / 4) batch = Math.min(batch * 2, 1_000_000);
          else if (spent > sliceMs) batch = Math.max(100, Math.floor(batch / 2));
          if (finished) {
            results.push({ kind: 'load', output: run.result() });
            finishedArrivals += job.scenario.load.arrivals;
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
