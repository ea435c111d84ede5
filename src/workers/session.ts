/**
 * One run of the worker, slice by slice: the worker's loop without the worker, so that Node tests
 * can drive it. Before every slice it looks for Cancel; a cancelled run answers "cancelled" and
 * nothing else, never "done". Between slices it reports progress: work done and in all (see
 * jobs.ts) and the speed over the last few seconds, so that "time left" follows the part of the
 * run now going (a queue draining is slower per unit than callers arriving).
 */
import { createJobRunner, messageOf, type JobRunner } from './jobs';
import type { FromWorker, Job } from './protocol';

export interface SessionDeps {
  /** Real time, ms. */
  now(): number;
  post(message: FromWorker): void;
  /** Run `fn` after the messages waiting have been read. */
  later(fn: () => void): void;
  /** Whether Cancel has come for this run (read before every slice). */
  cancelled(): boolean;
  readonly sliceMs: number;
}

/** How far back the speed is measured, ms. */
const RATE_WINDOW_MS = 3000;

export function runSession(id: number, jobs: readonly Job[], deps: SessionDeps): void {
  const started = deps.now();
  let runner: JobRunner;
  try {
    runner = createJobRunner(jobs, deps.now);
  } catch (error) {
    deps.post({ type: 'failed', id, message: messageOf(error) });
    return;
  }
  const samples: { t: number; done: number }[] = [{ t: started, done: 0 }];
  const slice = () => {
    if (deps.cancelled()) {
      deps.post({ type: 'cancelled', id });
      return;
    }
    let finished: boolean;
    try {
      finished = runner.step(deps.sliceMs);
    } catch (error) {
      deps.post({ type: 'failed', id, message: messageOf(error) });
      return;
    }
    const t = deps.now();
    if (finished) {
      deps.post({ type: 'done', id, results: runner.results, seconds: (t - started) / 1000 });
      return;
    }
    samples.push({ t, done: runner.done });
    while (samples.length > 2 && t - samples[1]!.t >= RATE_WINDOW_MS) samples.shift();
    const first = samples[0]!;
    const rate = ((runner.done - first.done) / Math.max(t - first.t, 1)) * 1000;
    deps.post({
      type: 'progress',
      id,
      done: runner.done,
      total: runner.total,
      arrived: runner.arrived,
      through: runner.through,
      rate,
    });
    deps.later(slice);
  };
  slice();
}
