/**
 * Statistical test: the production pool whose callers wait forever, with exponential holds, is
 * M/M/c — Erlang C. Sizes as in load.stats-b.test.ts: 10⁶ arrivals per run at P(wait) ≈ 0.5 give a
 * batch-means 95 % interval of about ±0.8 %, so a 2 % band is over four standard errors wide.
 *
 * The mean wait is checked with a wider band: W_q = C/(cμ − λ) moves about three times as much as
 * P(wait) for the same chance excess of arrivals or hold time (at 75 % busy, 1 % more offered load
 * is ≈ 4 % more waiting), so the same runs pin it only to a few per cent — the run's own interval
 * says so, and the test holds the theory to that interval.
 */
import { describe, expect, it } from 'vitest';
import { runLoad } from './run';
import type { LoadScenario } from './spec';
import { erlangC, meanWaitMs } from './queueing';

const ARRIVALS = 1_000_000;

describe('Erlang C on the production pool', { timeout: 180_000 }, () => {
  // 30 callers a second holding 100 ms each: 3 Erlangs on 4 connections, 75 % busy, C ≈ 50.9 %.
  const c = erlangC(3, 4);
  const w = meanWaitMs(30, 100, 4);

  it.each([1, 2, 3])('agrees within 2 per cent on who waits, and within its interval on how long, seed %i', (seed) => {
    const scenario: LoadScenario = {
      level: 'production',
      options: { maxSize: 4, minSize: 4, acquireTimeout: null, costs: { reuseMs: 0, validateMs: 0, resetMs: 0 } },
      seed,
      load: { arrivalsPerSecond: 30, holdMs: 100, hold: 'exponential', arrivals: ARRIVALS },
    };
    const out = runLoad(scenario);
    expect(out.theory?.formula).toBe('erlang-c');
    expect(out.theory?.waited).toBeCloseTo(c, 12);
    const [lo, hi] = out.ci.waited.interval;
    expect((hi - lo) / 2 / c).toBeLessThan(0.01);
    expect(Math.abs(out.waited - c) / c).toBeLessThan(0.02);
    expect(Math.abs(out.utilization - 0.75) / 0.75).toBeLessThan(0.02);
    // Mean wait: within four standard errors of the run's own estimate (twice its 95 % half-width),
    // and within 6 %. Seed 1 is kept although it is the roughest: its callers happen to bring
    // 0.5 % more offered load than nominal (a three-sigma excess), and its waits run ≈ 4 % long.
    const [wl, wh] = out.ci.meanWaitMs.interval;
    expect(Math.abs(out.meanWaitMs - w)).toBeLessThan(wh - wl);
    expect(Math.abs(out.meanWaitMs - w) / w).toBeLessThan(0.06);
    expect(out.refused).toBe(0);
    expect(out.timedOut).toBe(0);
    expect(out.served).toBe(ARRIVALS);
  });
});
