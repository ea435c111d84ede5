/**
 * Sizing a pool for a target, by the formulas: the demand's answer. Four kinds of target, all
 * "at most": a share refused (a pool that refuses at once — Erlang B), a mean wait, and a 95th or
 * 99th percentile wait (callers who wait — Erlang C and its waiting-time distribution,
 * P(wait > t) = C·e^{−(cμ−λ)t}). Beside them, HikariCP's two rules, which answer other questions.
 */
import { checkLoad, erlangB, meanWaitMs, offeredLoad, waitQuantileMs } from './queueing';

/** The largest pool the advisor will consider. */
export const ADVISOR_MAX_POOL = 100_000;

export type TargetKind = 'refused' | 'meanWait' | 'p95' | 'p99';

export interface Target {
  readonly kind: TargetKind;
  /** A share of callers (0–1) for `refused`; milliseconds for the others. */
  readonly value: number;
}

/** The quantile a tail target is about, and the share of callers allowed to wait longer. */
export const TAIL = { p95: { q: 0.95, beyond: 0.05 }, p99: { q: 0.99, beyond: 0.01 } } as const;

/** What the formula predicts for a target's figure with `c` connections (a share, or ms). */
export function predicted(kind: TargetKind, arrivalsPerSecond: number, holdMs: number, c: number): number {
  switch (kind) {
    case 'refused':
      return erlangB(offeredLoad(arrivalsPerSecond, holdMs), c);
    case 'meanWait':
      return meanWaitMs(arrivalsPerSecond, holdMs, c);
    case 'p95':
    case 'p99':
      return waitQuantileMs(arrivalsPerSecond, holdMs, c, TAIL[kind].q);
  }
}

/**
 * The smallest pool that meets the target by the formula, or null when none up to
 * ADVISOR_MAX_POOL does. One pass of the Erlang B recursion, B(c) from B(c − 1); Erlang C and the
 * wait follow from B at each size, so sizes in the thousands cost microseconds.
 */
export function smallestPoolFor(arrivalsPerSecond: number, holdMs: number, target: Target): number | null {
  const a = offeredLoad(arrivalsPerSecond, holdMs);
  checkLoad(a, 0);
  const lambdaPerMs = arrivalsPerSecond / 1000;
  let b = 1;
  for (let c = 0; c <= ADVISOR_MAX_POOL; c++) {
    if (c > 0) b = (a * b) / (c + a * b);
    if (target.kind === 'refused') {
      if (b <= target.value) return c;
      continue;
    }
    if (c === 0 || a >= c) continue;
    const pWait = (c * b) / (c - a * (1 - b));
    const drain = c / holdMs - lambdaPerMs; // per ms: how fast the queue's tail decays
    if (target.kind === 'meanWait') {
      if (pWait / drain <= target.value) return c;
    } else if (pWait * Math.exp(-drain * target.value) <= TAIL[target.kind].beyond) return c;
  }
  return null;
}

/** HikariCP's rule of thumb ("About Pool Sizing"): connections = cores × 2 + effective spindles. */
export function hikariRuleOfThumb(cores: number, effectiveSpindles: number): number {
  return cores * 2 + effectiveSpindles;
}

/**
 * HikariCP's deadlock minimum: with `threads` threads each needing `perThread` connections at
 * once, threads × (perThread − 1) + 1 connections guarantee that at least one thread can finish.
 */
export function hikariDeadlockMinimum(threads: number, perThread: number): number {
  return threads * (perThread - 1) + 1;
}
