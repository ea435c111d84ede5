import { describe, expect, it } from 'vitest';
import { runLoad } from './run';
import type { LoadScenario } from './spec';

const load = (options: LoadScenario['options'], arrivalsPerSecond: number, holdMs: number): LoadScenario => ({
  level: 'production',
  options,
  seed: 2,
  load: { arrivalsPerSecond, holdMs, hold: 'exponential', arrivals: 3000 },
});

describe('the share of the pool away from the shelf', () => {
  it('is the pool’s real load with costs on, where utilization counts only callers’ holds', () => {
    // The case, smaller: every caller waits for the one object, which is mostly being
    // handed over, checked and reset — not held. Utilization reads near 0; the pool is never idle.
    const out = runLoad(load({ maxSize: 1, acquireTimeout: 1_000_000_000 }, 1_000_000, 0.001));
    expect(out.waited).toBeGreaterThan(0.9);
    expect(out.utilization).toBeLessThan(0.01);
    expect(out.awayFromShelf).toBeGreaterThan(0.95);
    expect(out.awayFromShelf).toBeLessThanOrEqual(1);
  });

  it('equals utilization on a textbook pool, where nothing but holding keeps an object away', () => {
    const textbook = { maxSize: 4, minSize: 4, acquireTimeout: 0, costs: { reuseMs: 0, validateMs: 0, resetMs: 0 } };
    const out = runLoad(load(textbook, 30, 100));
    expect(out.utilization).toBeGreaterThan(0.3);
    expect(out.awayFromShelf).toBeCloseTo(out.utilization, 9);
  });
});
