/**
 * The load lab's worker: runs load jobs off the page's thread, so the page never freezes. It runs
 * in slices of ~40 ms; between slices it posts progress and lets a "cancel" message in.
 */
/// <reference lib="webworker" />
import { createJobRunner, messageOf } from './jobs';
import type { FromWorker, ToWorker } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const SLICE_MS = 40;
const cancelled = new Set<number>();
const post = (m: FromWorker) => self.postMessage(m);

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const msg = e.data;
  if (msg.type === 'cancel') {
    cancelled.add(msg.id);
    return;
  }
  const { id, jobs } = msg;
  const started = performance.now();
  let runner: ReturnType<typeof createJobRunner>;
  try {
    runner = createJobRunner(jobs, () => performance.now());
  } catch (error) {
    post({ type: 'failed', id, message: messageOf(error) });
    return;
  }
  const slice = () => {
    if (cancelled.delete(id)) {
      post({ type: 'cancelled', id });
      return;
    }
    let finished: boolean;
    try {
      finished = runner.step(SLICE_MS);
    } catch (error) {
      post({ type: 'failed', id, message: messageOf(error) });
      return;
    }
    const seconds = (performance.now() - started) / 1000;
    if (finished) {
      post({ type: 'done', id, results: runner.results, seconds });
      return;
    }
    post({ type: 'progress', id, done: runner.done, total: runner.total, rate: runner.done / Math.max(seconds, 1e-3) });
    setTimeout(slice, 0);
  };
  slice();
};
