/**
 * The load lab's worker: runs load jobs off the page's thread, so the page never freezes. It runs
 * in slices of ~40 ms (session.ts); between slices it posts progress and lets a "cancel" message in.
 */
/// <reference lib="webworker" />
import { runSession } from './session';
import type { FromWorker, ToWorker } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const SLICE_MS = 40;

// Between slices the worker lets its messages in (a "cancel"). A `setTimeout(fn, 0)` would do, but
// timers nested more than five deep wait at least 4 ms: 4 ms lost every 40 ms slice. A message to
// itself comes back as soon as the worker is free, after whatever message was already waiting.
const channel = new MessageChannel();
const next: (() => void)[] = [];
channel.port1.onmessage = () => next.shift()?.();
const later = (fn: () => void) => {
  next.push(fn);
  channel.port2.postMessage(null);
};
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
    later,
    cancelled: () => cancelled.delete(id),
    sliceMs: SLICE_MS,
  });
};
