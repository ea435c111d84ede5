import { describe, expect, it } from 'vitest';
import type { Estimate } from './intervals';
import { createLoadRun } from './run';
import { theoryFor } from './theory';
import { checkScenario, judge, verdictOf } from './verdict';

const estimate = (lo: number, hi: number, independent = true): Estimate => ({
  interval: [lo, hi],
  batches: 40,
  batchArrivals: 5000,
  independent,
});

describe('the verdict', () => {
  it('meets the target when the whole interval is within it', () => {
    expect(verdictOf(estimate(0.85, 0.95), 1)).toBe('meets');
    expect(verdictOf(estimate(0.85, 1), 1)).toBe('meets');
  });

  it('misses it when the whole interval is past it', () => {
    expect(verdictOf(estimate(1.01, 1.2), 1)).toBe('misses');
  });

  it('cannot tell yet when the interval straddles the target', () => {
    expect(verdictOf(estimate(0.92, 1.11), 1)).toBe('unsure');
  });

  it('cannot tell yet when the batches stayed correlated, wherever the interval lies', () => {
    expect(verdictOf(estimate(0.5, 0.6, false), 1)).toBe('unsure');
    expect(verdictOf(estimate(1.5, 1.6, false), 1)).toBe('unsure');
  });
});

describe('checking the advice by measuring', () => {
  const target = { kind: 'meanWait', value: 1 } as const;

  it('runs the very system the formula describes', () => {
    const { scenario } = checkScenario(500, 20, target, 14, 1, 1000);
    const { theory, notes } = theoryFor(scenario);
    expect(theory?.formula).toBe('erlang-c');
    expect(theory?.textbook).toBe(true);
    expect(notes).toEqual([]);
    expect(
      theoryFor(checkScenario(30, 100, { kind: 'refused', value: 0.01 }, 8, 1, 1000).scenario).theory?.formula,
    ).toBe('erlang-b');
  });

  function judged(t: Parameters<typeof checkScenario>[2], size: number, arrivals: number) {
    const { scenario, tailMs } = checkScenario(500, 20, t, size, 1, arrivals);
    const run = createLoadRun(scenario, { tailMs });
    run.advance(Number.POSITIVE_INFINITY);
    return judge(run.result(), scenario, t);
  }

  it('judges a mean-wait target on the run’s mean and its interval, and reports the load the callers brought', () => {
    const check = judged(target, 14, 40_000);
    expect(check.arrivals).toBe(40_000);
    expect(check.limit).toBe(1);
    expect(check.verdict).toBe(verdictOf(estimate(...check.interval), 1));
    expect(check.interval[0]).toBeLessThan(check.measured);
    expect(check.interval[1]).toBeGreaterThan(check.measured);
    expect(check.realized.arrivalsPerSecond).toBeGreaterThan(480);
    expect(check.realized.arrivalsPerSecond).toBeLessThan(520);
    const asked = 500 * 20;
    expect(check.realized.excess).toBeCloseTo(
      (check.realized.arrivalsPerSecond * check.realized.meanHoldMs) / asked - 1,
      12,
    );
  });

  it('judges a percentile target on the share waiting longer than the target time', () => {
    // 12 objects for 10 Erlangs of waiting callers keep many waiting; 20 hardly ever make anyone wait.
    const easy = judged({ kind: 'p95', value: 2 }, 20, 20_000);
    expect(easy.limit).toBe(0.05);
    expect(easy.measured).toBeLessThan(0.01);
    expect(easy.verdict).toBe('meets');
    const hard = judged({ kind: 'p99', value: 0.5 }, 12, 20_000);
    expect(hard.limit).toBe(0.01);
    expect(hard.verdict).toBe('misses');
    expect(hard.percentileMs).toBeGreaterThan(0.5);
  });
});
