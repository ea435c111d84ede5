/**
 * A caller the production pool would refuse at once is turned away by the load run itself, not by
 * a thrown error (run.ts): the figures are the same as calling the pool every time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLoadRun, runLoad } from './run';
import type { LoadScenario } from './types';

/** A fix on, mostly (a fix off is the rarer case, and refuses nobody at once). */
const mostly = fc.constantFrom(true, true, true, false);

const scenarioArb: fc.Arbitrary<LoadScenario> = fc.record({
  level: fc.constant('production' as const),
  options: fc
    .record({
      maxSize: fc.integer({ min: 1, max: 6 }),
      acquireTimeout: fc.constantFrom(0, 0, 0, 30, null),
      fixes: fc.record({ maxSize: mostly, timeout: mostly, cleanup: mostly, lock: mostly }),
      costs: fc.constantFrom(undefined, { reuseMs: 0, validateMs: 0, resetMs: 0 }),
    })
    .chain((o) =>
      fc.integer({ min: 0, max: o.maxSize }).map((minSize) => {
        const { costs, ...rest } = o;
        return costs === undefined ? { ...rest, minSize } : { ...rest, minSize, costs };
      }),
    ),
  seed: fc.integer({ min: 1, max: 1000 }),
  load: fc.record({
    arrivalsPerSecond: fc.integer({ min: 5, max: 80 }),
    holdMs: fc.integer({ min: 20, max: 300 }),
    hold: fc.constantFrom('exponential' as const, 'fixed' as const),
    arrivals: fc.integer({ min: 50, max: 1500 }),
  }),
});

describe('callers refused at once', () => {
  it('give the figures of calling the pool every time', () => {
    let refused = 0;
    fc.assert(
      fc.property(scenarioArb, (s) => {
        let direct;
        try {
          direct = runLoad(s, { refuseAtOnce: false, tailMs: [10, 100] });
        } catch {
          return; // a load that cannot run (refused by its checks) either way
        }
        const shortcut = runLoad(s, { tailMs: [10, 100] });
        expect(shortcut).toEqual(direct);
        refused += shortcut.refused > 0 ? 1 : 0;
      }),
      { numRuns: 80, seed: 16 },
    );
    // Enough of the loads refused callers for this to check something.
    expect(refused).toBeGreaterThan(10);
  });

  it('count the same work, in slices too', () => {
    const s: LoadScenario = {
      level: 'production',
      options: { maxSize: 2, minSize: 2, acquireTimeout: 0, costs: { reuseMs: 0, validateMs: 0, resetMs: 0 } },
      seed: 3,
      load: { arrivalsPerSecond: 40, holdMs: 100, hold: 'exponential', arrivals: 3000 },
    };
    const a = createLoadRun(s);
    while (!a.advance(97));
    const b = createLoadRun(s, { refuseAtOnce: false });
    while (!b.advance(97));
    expect(a.result()).toEqual(b.result());
    expect([a.steps, a.runtime.eventCount, a.runtime.sim.fired, a.runtime.sim.spawned]).toEqual([
      b.steps,
      b.runtime.eventCount,
      b.runtime.sim.fired,
      b.runtime.sim.spawned,
    ]);
  });
});
