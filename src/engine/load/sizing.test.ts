import { describe, expect, it } from 'vitest';
import { erlangB, erlangC, meanWaitMs, offeredLoad, waitExceeds, waitingSystem, waitQuantileMs } from './queueing';
import { hikariDeadlockMinimum, hikariRuleOfThumb, predicted, smallestPoolFor } from './sizing';

/**
 * P(wait > t) in M/M/c from the queue's state instead of the closed form: a caller who finds n ≥ c
 * callers in the system waits until n − c + 1 of the c busy objects come free, one every
 * exponential(cμ) — an Erlang (gamma) wait. So P(W > t) = Σ_{n≥c} π_n · P(Poisson(cμt) ≤ n − c),
 * with π_n the birth–death chain's stationary distribution, summed in logs.
 */
function tailByStates(arrivalsPerSecond: number, holdMs: number, c: number, tMs: number): number {
  const a = offeredLoad(arrivalsPerSecond, holdMs);
  const rho = a / c;
  const lnTerm = (k: number) => {
    let s = k * Math.log(a);
    for (let i = 2; i <= k; i++) s -= Math.log(i);
    return s;
  };
  let below = 0;
  for (let k = 0; k < c; k++) below += Math.exp(lnTerm(k));
  const atC = Math.exp(lnTerm(c));
  const norm = below + atC / (1 - rho);
  const x = (c / holdMs) * tMs; // cμt
  let total = 0;
  let poissonCdf = 0; // P(Poisson(x) ≤ j)
  let poissonTerm = Math.exp(-x);
  for (let j = 0; j < 100_000; j++) {
    poissonCdf += poissonTerm;
    const pi = (atC * rho ** j) / norm; // π_{c+j}
    total += pi * Math.min(1, poissonCdf);
    if (rho ** j < 1e-18) break;
    poissonTerm *= x / (j + 1);
  }
  return total;
}

describe('the Erlang C waiting-time tail', () => {
  it.each([
    [30, 100, 4, 0],
    [30, 100, 4, 50],
    [30, 100, 4, 400],
    [500, 20, 14, 1],
    [500, 20, 14, 5],
    [500, 20, 14, 20],
    [900, 10, 10, 3],
  ])('matches the sum over queue states at %d/s, %d ms, %d objects, t = %d ms', (rate, hold, c, t) => {
    expect(waitExceeds(rate, hold, c, t)).toBeCloseTo(tailByStates(rate, hold, c, t), 10);
  });

  it('gives M/M/1’s textbook tail ρ·e^{−μ(1−ρ)t}', () => {
    // λ = 5/s, μ = 10/s, ρ = 0.5: P(W > 100 ms) = 0.5·e^{−0.5}.
    expect(waitExceeds(5, 100, 1, 100)).toBeCloseTo(0.5 * Math.exp(-0.5), 12);
  });

  it('puts the 95th and 99th percentiles where the tail crosses 5 % and 1 %', () => {
    const p95 = waitQuantileMs(500, 20, 14, 0.95);
    const p99 = waitQuantileMs(500, 20, 14, 0.99);
    expect(tailByStates(500, 20, 14, p95)).toBeCloseTo(0.05, 10);
    expect(tailByStates(500, 20, 14, p99)).toBeCloseTo(0.01, 10);
    expect(waitingSystem(500, 20, 14)?.p99WaitMs).toBe(p99);
  });
});

describe('sizing for a target', () => {
  it('finds the smallest pool meeting a refusal target', () => {
    const c = smallestPoolFor(30, 100, { kind: 'refused', value: 0.01 })!;
    expect(erlangB(3, c)).toBeLessThanOrEqual(0.01);
    expect(erlangB(3, c - 1)).toBeGreaterThan(0.01);
  });

  it('answers 14 for 500 callers a second holding 20 ms with a mean wait of at most 1 ms', () => {
    expect(smallestPoolFor(500, 20, { kind: 'meanWait', value: 1 })).toBe(14);
    expect(predicted('meanWait', 500, 20, 14)).toBeCloseTo(0.8707, 4);
    expect(meanWaitMs(500, 20, 13)).toBeGreaterThan(1);
  });

  it.each(['p95', 'p99'] as const)('finds the smallest pool whose %s wait is within the target', (kind) => {
    const c = smallestPoolFor(500, 20, { kind, value: 2 })!;
    expect(predicted(kind, 500, 20, c)).toBeLessThanOrEqual(2);
    expect(predicted(kind, 500, 20, c - 1)).toBeGreaterThan(2);
  });

  it('needs nobody to wait at the percentile for a zero target', () => {
    const c = smallestPoolFor(500, 20, { kind: 'p95', value: 0 })!;
    expect(erlangC(10, c)).toBeLessThanOrEqual(0.05);
    expect(erlangC(10, c - 1)).toBeGreaterThan(0.05);
  });

  it('gives HikariCP’s figures', () => {
    expect(hikariRuleOfThumb(4, 1)).toBe(9);
    expect(hikariDeadlockMinimum(8, 3)).toBe(17);
  });
});
