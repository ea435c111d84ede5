import { describe, expect, it } from 'vitest';
import {
  erlangB,
  erlangC,
  impatientSystem,
  littleL,
  littleW,
  lossSystem,
  meanWaitMs,
  waitExceeds,
  waitingSystem,
  waitQuantileMs,
} from './queueing';

/** ln(k!) by summing logs: independent of the recursion under test. */
function lnFactorial(k: number): number {
  let s = 0;
  for (let i = 2; i <= k; i++) s += Math.log(i);
  return s;
}

/** ln Σ exp(x_i), without overflow. */
function logSumExp(xs: readonly number[]): number {
  const m = Math.max(...xs);
  return m + Math.log(xs.reduce((s, x) => s + Math.exp(x - m), 0));
}

/** Erlang B by its definition: (a^c/c!) / Σ_{k≤c} a^k/k!, summed in logs. */
function erlangBDirect(a: number, c: number): number {
  const terms = Array.from({ length: c + 1 }, (_, k) => k * Math.log(a) - lnFactorial(k));
  return Math.exp(terms[c]! - logSumExp(terms));
}

/** Erlang C by its definition: (a^c/c!·c/(c−a)) / (Σ_{k<c} a^k/k! + a^c/c!·c/(c−a)). */
function erlangCDirect(a: number, c: number): number {
  const terms = Array.from({ length: c }, (_, k) => k * Math.log(a) - lnFactorial(k));
  const top = c * Math.log(a) - lnFactorial(c) + Math.log(c / (c - a));
  return Math.exp(top - logSumExp([...terms, top]));
}

describe('Erlang B', () => {
  it('matches exact small cases', () => {
    expect(erlangB(1, 1)).toBeCloseTo(1 / 2, 12);
    expect(erlangB(1, 2)).toBeCloseTo(1 / 5, 12);
    expect(erlangB(2, 2)).toBeCloseTo(2 / 5, 12);
    expect(erlangB(3, 3)).toBeCloseTo(4.5 / 13, 12);
    expect(erlangB(5, 0)).toBe(1);
    expect(erlangB(0, 4)).toBe(0);
  });

  it('matches direct summation over a grid of loads and sizes', () => {
    for (const c of [1, 2, 3, 5, 8, 13, 30, 60, 100]) {
      for (const a of [0.1, 0.5, 1, 2.5, 4.46, 10, 25, 50, 99.5]) {
        expect(Math.abs(erlangB(a, c) - erlangBDirect(a, c))).toBeLessThan(1e-9);
      }
    }
  });

  it('agrees with the published Erlang B table', () => {
    // Standard traffic tables: 10 lines carry 4.461 E at 1 % blocking, 5.084 E at 2 %, 7.511 E at 10 %.
    expect(erlangB(4.461, 10)).toBeCloseTo(0.01, 4);
    expect(erlangB(5.084, 10)).toBeCloseTo(0.02, 4);
    expect(erlangB(7.511, 10)).toBeCloseTo(0.1, 4);
  });

  it('stays finite and in [0, 1] for large pools', () => {
    const b = erlangB(900, 1000);
    expect(b).toBeGreaterThan(0);
    expect(b).toBeLessThan(0.01);
    expect(Math.abs(b - erlangBDirect(900, 1000))).toBeLessThan(1e-9);
  });

  it('rejects nonsense', () => {
    expect(() => erlangB(-1, 3)).toThrow(RangeError);
    expect(() => erlangB(1, 2.5)).toThrow(RangeError);
    expect(() => erlangB(Number.NaN, 2)).toThrow(RangeError);
  });
});

describe('Erlang C', () => {
  it('matches exact small cases', () => {
    expect(erlangC(2, 3)).toBeCloseTo(4 / 9, 12);
    expect(erlangC(1, 2)).toBeCloseTo(1 / 3, 12);
    // One server: P(wait) = ρ.
    expect(erlangC(0.7, 1)).toBeCloseTo(0.7, 12);
  });

  it('matches direct summation over a grid of loads and sizes', () => {
    for (const c of [1, 2, 3, 5, 8, 13, 30, 60, 100]) {
      for (const rho of [0.05, 0.3, 0.5, 0.8, 0.95, 0.999]) {
        const a = rho * c;
        expect(Math.abs(erlangC(a, c) - erlangCDirect(a, c))).toBeLessThan(1e-9);
      }
    }
  });

  it('is 1 when the pool cannot keep up', () => {
    expect(erlangC(3, 3)).toBe(1);
    expect(erlangC(4, 3)).toBe(1);
  });

  it('gives the M/M/1 mean wait ρ/(μ−λ)', () => {
    // λ = 5/s, h = 100 ms → μ = 10/s, ρ = 0.5: W_q = 0.5 / 5 s = 100 ms.
    expect(meanWaitMs(5, 100, 1)).toBeCloseTo(100, 9);
  });

  it('gives the wait tail and its quantile consistently', () => {
    const c = 4;
    const t95 = waitQuantileMs(30, 120, c, 0.95);
    expect(t95).toBeGreaterThan(0);
    expect(waitExceeds(30, 120, c, t95)).toBeCloseTo(0.05, 12);
    expect(waitExceeds(30, 120, c, 0)).toBeCloseTo(erlangC(3.6, c), 12);
    // Few wait: the 95th percentile is zero.
    expect(waitQuantileMs(1, 100, 10, 0.95)).toBe(0);
  });
});

describe('callers who give up (M/M/c+D)', () => {
  it('is Erlang B with no patience and Erlang C with endless patience', () => {
    const none = impatientSystem(30, 100, 5, 0);
    expect(none.timedOut).toBeCloseTo(erlangB(3, 5), 12);
    expect(none.meanWaitMs).toBe(0);
    const endless = impatientSystem(30, 100, 4, 1e9);
    expect(endless.waited).toBeCloseTo(erlangC(3, 4), 9);
    expect(endless.meanWaitMs).toBeCloseTo(meanWaitMs(30, 100, 4), 6);
    expect(endless.timedOut).toBeLessThan(1e-12);
  });

  it('matches a direct integration of the offered-wait density', () => {
    // Unnormalized, with π_0 = 1: π_j = a^j/j! for j < c (someone free, nobody waits); the offered
    // wait V has density λ·π_{c−1}·e^{(λ−cμ)x} below τ and λ·π_{c−1}·e^{λτ−cμx} above it.
    const [rate, hold, c, tau] = [45, 100, 4, 60];
    const lambda = rate / 1000;
    const cmu = c / hold;
    const a = (rate * hold) / 1000;
    let free = 0;
    let pi = 1;
    for (let j = 0; j < c; j++) {
      free += pi;
      if (j < c - 1) pi *= a / (j + 1);
    }
    const v = (x: number) => lambda * pi * (x < tau ? Math.exp((lambda - cmu) * x) : Math.exp(lambda * tau - cmu * x));
    let queued = 0;
    let gaveUp = 0;
    let wait = 0;
    const dx = 0.001;
    for (let x = dx / 2; x < 2000; x += dx) {
      const m = v(x) * dx;
      if (x < tau) {
        queued += m;
        wait += x * m;
      } else {
        gaveUp += m;
        wait += tau * m;
      }
    }
    const total = free + queued + gaveUp;
    const t = impatientSystem(rate, hold, c, tau);
    expect(t.timedOut).toBeCloseTo(gaveUp / total, 6);
    expect(t.waited).toBeCloseTo((queued + gaveUp) / total, 6);
    expect(t.meanWaitMs).toBeCloseTo(wait / total, 4);
  });

  it('stays finite when the pool is far overloaded', () => {
    const t = impatientSystem(1000, 100, 4, 1e6);
    // The pool serves 40 a second of the 1000 that come: the rest give up.
    expect(t.timedOut).toBeCloseTo(0.96, 6);
    expect(t.p95WaitMs).toBe(1e6);
    expect(Number.isFinite(t.meanWaitMs)).toBe(true);
  });
});

describe('systems and Little', () => {
  it('describes the loss system', () => {
    const t = lossSystem(30, 100, 5);
    expect(t.formula).toBe('erlang-b');
    expect(t.offered).toBeCloseTo(3, 12);
    expect(t.refused).toBeCloseTo(erlangBDirect(3, 5), 9);
    expect(t.utilization).toBeCloseTo((3 * (1 - t.refused)) / 5, 12);
  });

  it('describes the waiting system, and knows when it is unstable', () => {
    const t = waitingSystem(30, 100, 5)!;
    expect(t.formula).toBe('erlang-c');
    expect(t.utilization).toBeCloseTo(0.6, 12);
    expect(t.meanQueue).toBeCloseTo((30 * t.meanWaitMs) / 1000, 12);
    expect(waitingSystem(50, 100, 5)).toBeNull();
  });

  it('turns Little both ways', () => {
    expect(littleL(200, 50)).toBeCloseTo(10, 12);
    expect(littleW(10, 200)).toBeCloseTo(50, 12);
  });
});
