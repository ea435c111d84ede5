import { describe, expect, it } from 'vitest';
import type { LoadScenario } from '../engine';
import { runSession } from './session';
import type { FromWorker } from './protocol';

/** The drain-heavy load, smaller: one object, callers arriving far faster than it is handed over. */
const drainHeavy: LoadScenario = {
  level: 'production',
  options: { maxSize: 1, acquireTimeout: 1_000_000_000 },
  seed: 1,
  load: { arrivalsPerSecond: 1_000_000, holdMs: 0.001, hold: 'exponential', arrivals: 3000 },
};

/** A worker's loop by hand: slices run only when the test says, and Cancel can come between. */
function drive() {
  const posted: FromWorker[] = [];
  const queue: (() => void)[] = [];
  let t = 0;
  let cancel = false;
  runSession(1, [{ kind: 'load', scenario: drainHeavy }], {
    // Each read of the clock moves 1 ms: a slice of 2 ms ends after a few calls into the engine.
    now: () => t++,
    post: (m) => posted.push(m),
    later: (fn) => queue.push(fn),
    cancelled: () => cancel,
    sliceMs: 2,
  });
  return {
    posted,
    next: () => queue.shift()?.(),
    pending: () => queue.length,
    cancel: () => void (cancel = true),
  };
}

type ProgressMessage = Extract<FromWorker, { type: 'progress' }>;

describe('a worker session', () => {
  it('reports work left while queued callers drain after the last arrival', () => {
    const s = drive();
    while (s.pending() > 0) s.next();
    const progress = s.posted.filter((m): m is ProgressMessage => m.type === 'progress');
    expect(s.posted.at(-1)?.type).toBe('done');
    const afterLastArrival = progress.filter((p) => p.arrived === 3000);
    // Slices kept ending after every caller had arrived, and the work said so: not nearly done.
    expect(afterLastArrival.length).toBeGreaterThan(3);
    expect(afterLastArrival[0]!.through).toBeLessThan(3000);
    expect(afterLastArrival[0]!.done).toBe(3000 + afterLastArrival[0]!.through);
    expect(afterLastArrival[0]!.done / afterLastArrival[0]!.total).toBeLessThan(0.9);
    const done = progress.map((p) => p.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
  });

  it('stops at Cancel between slices and says cancelled, never done', () => {
    const s = drive();
    // Run until every caller has arrived: the part that used to run in one go.
    while (!s.posted.some((m) => m.type === 'progress' && m.arrived === 3000)) s.next();
    s.cancel();
    s.next();
    expect(s.pending()).toBe(0);
    expect(s.posted.at(-1)).toEqual({ type: 'cancelled', id: 1 });
    expect(s.posted.some((m) => m.type === 'done')).toBe(false);
  });
});
