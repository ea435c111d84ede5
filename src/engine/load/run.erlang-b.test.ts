/**
 * Statistical test: the production pool refusing at once is Erlang's loss system.
 *
 * Why these sizes. A run of n arrivals estimates a probability p with a relative standard error of
 * roughly √((1−p)/(p·n)), inflated by the correlation between neighbouring callers. At p ≈ 0.2 and
 * n = 10⁶ our runs' own batch-means 95 % intervals are ±0.4–0.7 %, so a 2 % band is more than four
 * standard errors wide: a correct engine fails it about once in ten thousand runs, and a wrong one
 * (off by a few per cent) fails it for every seed. At p = 1 % the same band would need about 2·10⁷
 * arrivals per run (the interval shrinks only with √n), which is too slow for a unit test; the
 * ~1 % case below is checked against its own interval instead. Several seeds, not one: each seed is
 * a different sequence of callers.
 */
import { describe, expect, it } from 'vitest';
import { runLoad, type LoadOutput } from './run';
import type { LoadScenario } from './spec';
import { erlangB } from './queueing';

const ARRIVALS = 1_000_000;

function lossRun(seed: number, poolSize: number, arrivalsPerSecond: number, hold: 'exponential' | 'fixed'): LoadOutput {
  const scenario: LoadScenario = {
    level: 'production',
    options: {
      maxSize: poolSize,
      minSize: poolSize,
      acquireTimeout: 0,
      costs: { reuseMs: 0, validateMs: 0, resetMs: 0 },
    },
    seed,
    load: { arrivalsPerSecond, holdMs: 100, hold, arrivals: ARRIVALS },
  };
  return runLoad(scenario);
}

const relative = (measured: number, theory: number) => Math.abs(measured - theory) / theory;
const halfWidth = ([lo, hi]: readonly [number, number], theory: number) => (hi - lo) / 2 / theory;

describe('Erlang B on the production pool', { timeout: 180_000 }, () => {
  // 40 callers a second holding 100 ms each: 4 Erlangs offered to 5 connections, B ≈ 19.9 %.
  const theory = erlangB(4, 5);

  it.each([1, 2, 3])('agrees within 2 per cent with exponential holds, seed %i', (seed) => {
    const out = lossRun(seed, 5, 40, 'exponential');
    expect(out.theory?.formula).toBe('erlang-b');
    expect(out.theory?.refused).toBeCloseTo(theory, 12);
    expect(halfWidth(out.ci.refused.interval, theory)).toBeLessThan(0.01);
    expect(relative(out.refused, theory)).toBeLessThan(0.02);
    expect(relative(out.utilization, out.theory!.utilization)).toBeLessThan(0.02);
    expect(out.waited).toBe(0);
    expect(out.meanWaitMs).toBe(0);
  });

  it.each([1, 2])(
    'still agrees within 2 per cent when every hold is exactly 100 ms (insensitivity), seed %i',
    (seed) => {
      const out = lossRun(seed, 5, 40, 'fixed');
      expect(halfWidth(out.ci.refused.interval, theory)).toBeLessThan(0.01);
      expect(relative(out.refused, theory)).toBeLessThan(0.02);
    },
  );

  it('lands within its own interval near 1 %', () => {
    // 3.5 Erlangs on 8 connections: B ≈ 1.5 %. The 95 % interval here is about ±3 %.
    const out = lossRun(4, 8, 35, 'exponential');
    const b = erlangB(3.5, 8);
    expect(b).toBeGreaterThan(0.01);
    const [lo, hi] = out.ci.refused.interval;
    const slack = (hi - lo) * 0.3; // 95 % → 99.9 %: the half-width × 1.6
    expect(b).toBeGreaterThan(lo - slack);
    expect(b).toBeLessThan(hi + slack);
  });
});
