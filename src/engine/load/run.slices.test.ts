import { describe, expect, it } from 'vitest';
import { createLoadRun, runLoad } from './run';
import type { LoadScenario } from './spec';

/** The drain-heavy load, smaller: every caller arrives long before most are served. */
const drainHeavy: LoadScenario = {
  level: 'production',
  options: { maxSize: 1, acquireTimeout: 1_000_000_000 },
  seed: 1,
  load: { arrivalsPerSecond: 1_000_000, holdMs: 0.001, hold: 'exponential', arrivals: 2000 },
};

describe('advancing a load run in slices', () => {
  it('never runs more than its slice of steps, also once every caller has arrived', () => {
    const run = createLoadRun(drainHeavy);
    let slicesAfterLastArrival = 0;
    let finishedBefore = 0;
    for (;;) {
      const before = run.steps;
      const done = run.advance(50);
      expect(run.steps - before).toBeLessThanOrEqual(50);
      expect(run.steps - before).toBeGreaterThan(0);
      if (run.arrived === run.total && !done) {
        slicesAfterLastArrival++;
        // Callers still queued are finishing, slice by slice.
        expect(run.finished).toBeGreaterThanOrEqual(finishedBefore);
      }
      finishedBefore = run.finished;
      if (done) break;
    }
    expect(run.finished).toBe(run.total);
    expect(slicesAfterLastArrival).toBeGreaterThan(10);
    expect(run.result()).toEqual(runLoad(drainHeavy));
  });
});
