/**
 * The load lab's worker: runs load jobs off the page's thread, so the page never freezes. It runs
 * in slices of ~40 ms (session.ts); between slices it posts progress and lets a "cancel" message in.
 */
/// <reference lib="webworker" />
import { runSession } from './session';
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
  runSession(id, jobs, {
    now: () => performance.now(),
    post,
    later: (fn) => setTimeout(fn, 0),
    cancelled: () => cancelled.delete(id),
    sliceMs: SLICE_MS,
  });
};
