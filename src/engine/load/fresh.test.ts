import { describe, expect, it } from 'vitest';
import { comparePool, runFreshPerCaller } from './fresh';
import { runLoad } from './run';
import type { LoadScenario } from './spec';

const TEXTBOOK_COSTS = { reuseMs: 0, validateMs: 0, resetMs: 0 };

function textbook(
  maxSize: number,
  acquireTimeout: number | null,
  arrivalsPerSecond: number,
  arrivals: number,
): LoadScenario {
  return {
    level: 'production',
    options: { maxSize, minSize: maxSize, acquireTimeout, costs: { ...TEXTBOOK_COSTS, createMs: [50, 200] } },
    seed: 1,
    load: { arrivalsPerSecond, holdMs: 100, hold: 'exponential', arrivals },
  };
}

describe('the same callers without a pool', () => {
  it('opens a connection per caller, pays for each, and keeps more open than the pool would', () => {
    const s = textbook(5, 0, 60, 20_000);
    const fresh = runFreshPerCaller(s);
    expect(fresh.created).toBe(20_000);
    expect(fresh.meanWaitMs).toBeGreaterThan(115);
    expect(fresh.meanWaitMs).toBeLessThan(135);
    expect(fresh.peakOpen).toBeGreaterThan(5);
    // Little again: open on average = rate × (open time + hold).
    expect(fresh.meanOpen / (0.06 * (fresh.meanWaitMs + 100))).toBeCloseTo(1, 1);
  });

  it('is behind a pool whose callers wait, on the mean and at the 99th percentile, at the same throughput', () => {
    // 30 callers a second holding 100 ms on 5 connections: Erlang C's mean wait is about 12 ms.
    const s = textbook(5, null, 30, 20_000);
    const compared = comparePool(runFreshPerCaller(s), runLoad(s));
    expect(compared.poolAhead).toBe(true);
    expect(compared.pool.meanMs).toBeLessThan(20);
    expect(compared.noPool.meanMs).toBeGreaterThan(115);
    expect(compared.noPool.p99Ms).toBeGreaterThan(190);
    expect(compared.pool.p99Ms).toBeLessThan(compared.noPool.p99Ms);
    expect(Math.abs(compared.pool.servedPerSecond / compared.noPool.servedPerSecond - 1)).toBeLessThan(0.02);
    // Pooling pays once opening a connection takes longer than the pool's own wait.
    expect(compared.breakEvenMeanMs).toBe(compared.pool.meanMs);
    expect(compared.breakEvenP99Ms).toBe(compared.pool.p99Ms);
  });

  it('is ahead when opening a connection is cheaper than waiting for a busy pool', () => {
    const busy = textbook(4, null, 36, 20_000);
    const cheap = {
      ...busy,
      options: { ...busy.options, costs: { ...TEXTBOOK_COSTS, createMs: [1, 2] as [number, number] } },
    };
    const compared = comparePool(runFreshPerCaller(cheap), runLoad(cheap));
    expect(compared.poolAhead).toBe(false);
    expect(compared.breakEvenMeanMs).toBeGreaterThan(compared.noPool.meanMs);
  });
});
