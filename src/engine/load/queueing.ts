/**
 * Queueing theory for a pool under random load: the closed forms the load lab measures against.
 *
 * A pool of `c` objects, callers arriving at random (Poisson, `λ` per second), each holding an
 * object for a random time with mean `h` (so each object serves `μ = 1/h` callers per unit time):
 * - a pool that refuses at once when the shelf is empty is Erlang's loss system, M/M/c/c —
 *   **Erlang B** gives the fraction refused, and it does not depend on the hold-time distribution,
 *   only on its mean (insensitivity);
 * - a pool whose callers wait as long as it takes is M/M/c — **Erlang C** gives the fraction that
 *   has to wait, and from it the mean wait (this one needs exponential holds);
 * - **Little's law** ties them together: the mean number in a place = arrival rate × mean time there.
 *
 * The offered load `a = λ·h` (in "Erlangs") is the mean number of objects the callers would keep
 * busy if the pool never said no. Everything is computed with the stable recursion for Erlang B —
 * no factorials, no powers, so `c` in the thousands is fine.
 *
 * Units: rates per second, times in ms, as in the scenario files.
 */

/** Offered load in Erlangs: arrivals per second × mean hold time in seconds. */
export function offeredLoad(arrivalsPerSecond: number, holdMs: number): number {
  return (arrivalsPerSecond * holdMs) / 1000;
}

/**
 * Erlang B: the probability that a caller finds all `c` objects lent (and is refused), for an
 * offered load `a`. Recursion B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)).
 */
export function erlangB(a: number, c: number): number {
  checkLoad(a, c);
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}

/**
 * Erlang C: the probability that a caller has to wait, for an offered load `a < c`. From Erlang B:
 * C = c·B / (c − a·(1 − B)). At `a ≥ c` the queue grows without end: every caller waits (1).
 */
export function erlangC(a: number, c: number): number {
  checkLoad(a, c);
  if (c === 0) return 1;
  if (a >= c) return 1;
  const b = erlangB(a, c);
  return (c * b) / (c - a * (1 - b));
}

/** Throws a RangeError for an offered load or a pool size no formula takes. */
export function checkLoad(a: number, c: number): void {
  if (!(a >= 0) || !Number.isFinite(a)) throw new RangeError(`offered load must be a finite number ≥ 0, not ${a}`);
  if (!Number.isInteger(c) || c < 0) throw new RangeError(`pool size must be a whole number ≥ 0, not ${c}`);
}

/** The figures a load run measures and the closed forms predict: fractions of callers; times in ms. */
export interface LoadFigures {
  readonly refused: number;
  readonly timedOut: number;
  /** Fraction of callers who have to wait at all. */
  readonly waited: number;
  /** Mean wait over all callers (those served at once count as 0). */
  readonly meanWaitMs: number;
  /** 95th percentile of the wait over all callers. */
  readonly p95WaitMs: number;
  /** 99th percentile of the wait over all callers. */
  readonly p99WaitMs: number;
  /** Mean fraction of the pool lent out. */
  readonly utilization: number;
}

/** What the closed forms predict for one pool size and load. */
export interface TheoryFigures extends LoadFigures {
  readonly formula: 'erlang-b' | 'erlang-c' | 'mmc-patience';
  /** Offered load a = λ·h (Erlangs). */
  readonly offered: number;
  /** Mean number of callers waiting (Little: λ·W_q). */
  readonly meanQueue: number;
  /** Mean number of objects lent (Little: λ_served·h). */
  readonly meanBusy: number;
}

/** Erlang B, M/M/c/c (or M/G/c/c): a pool that refuses at once. Nobody waits. */
export function lossSystem(arrivalsPerSecond: number, holdMs: number, c: number): TheoryFigures {
  const a = offeredLoad(arrivalsPerSecond, holdMs);
  const b = erlangB(a, c);
  const busy = a * (1 - b);
  return {
    formula: 'erlang-b',
    offered: a,
    refused: b,
    timedOut: 0,
    waited: 0,
    meanWaitMs: 0,
    p95WaitMs: 0,
    p99WaitMs: 0,
    utilization: c === 0 ? 0 : busy / c,
    meanQueue: 0,
    meanBusy: busy,
  };
}

/**
 * Erlang C, M/M/c: callers wait (first come, first served) as long as it takes. Needs a < c;
 * returns null when the pool cannot keep up (the queue grows without end).
 */
export function waitingSystem(arrivalsPerSecond: number, holdMs: number, c: number): TheoryFigures | null {
  const a = offeredLoad(arrivalsPerSecond, holdMs);
  if (c === 0 || a >= c) return null;
  const pWait = erlangC(a, c);
  const wq = meanWaitMs(arrivalsPerSecond, holdMs, c);
  return {
    formula: 'erlang-c',
    offered: a,
    refused: 0,
    timedOut: 0,
    waited: pWait,
    meanWaitMs: wq,
    p95WaitMs: waitQuantileMs(arrivalsPerSecond, holdMs, c, 0.95),
    p99WaitMs: waitQuantileMs(arrivalsPerSecond, holdMs, c, 0.99),
    utilization: a / c,
    meanQueue: littleL(arrivalsPerSecond, wq),
    meanBusy: a,
  };
}

/** Rate at which the wait tail decays, per ms: cμ − λ. */
function drainPerMs(arrivalsPerSecond: number, holdMs: number, c: number): number {
  return c / holdMs - arrivalsPerSecond / 1000;
}

/** Mean wait over all callers in M/M/c: W_q = C / (cμ − λ), in ms. Infinite when a ≥ c. */
export function meanWaitMs(arrivalsPerSecond: number, holdMs: number, c: number): number {
  const a = offeredLoad(arrivalsPerSecond, holdMs);
  if (c === 0 || a >= c) return Number.POSITIVE_INFINITY;
  return erlangC(a, c) / drainPerMs(arrivalsPerSecond, holdMs, c);
}

/** P(wait > t) in M/M/c: C·e^{−(cμ−λ)t}. */
export function waitExceeds(arrivalsPerSecond: number, holdMs: number, c: number, tMs: number): number {
  const a = offeredLoad(arrivalsPerSecond, holdMs);
  if (c === 0 || a >= c) return 1;
  if (tMs < 0) return 1;
  return erlangC(a, c) * Math.exp(-drainPerMs(arrivalsPerSecond, holdMs, c) * tMs);
}

/** The wait that a fraction `q` of callers stay within, in M/M/c (0 when enough never wait). */
export function waitQuantileMs(arrivalsPerSecond: number, holdMs: number, c: number, q: number): number {
  const a = offeredLoad(arrivalsPerSecond, holdMs);
  if (c === 0 || a >= c) return Number.POSITIVE_INFINITY;
  const pWait = erlangC(a, c);
  const tail = 1 - q;
  if (pWait <= tail) return 0;
  return Math.log(pWait / tail) / drainPerMs(arrivalsPerSecond, holdMs, c);
}

/**
 * M/M/c+D: callers wait first come, first served, but each gives up after `patienceMs` (the pool's
 * acquireTimeout). Exact for exponential holds; 0 patience is Erlang B, infinite is Erlang C.
 *
 * Derived from the "offered wait" V — what a caller would wait if it never gave up — by level
 * crossing (Baccelli & Hebuterne; Zeltyn & Mandelbaum's M/M/n+G): with k = λ − cμ its density is
 * v(x) = λ·π_{c−1}·e^{kx} below the patience τ and λ·π_{c−1}·e^{kτ − cμ(x−τ)}·… above it, where
 * π_{c−1} is the chance that exactly c−1 objects are lent. A caller gives up when V > τ and waits
 * min(V, τ). Everything is scaled by e^{−kτ} when k > 0 so that no exponential overflows.
 */
export function impatientSystem(
  arrivalsPerSecond: number,
  holdMs: number,
  c: number,
  patienceMs: number,
): TheoryFigures {
  const a = offeredLoad(arrivalsPerSecond, holdMs);
  checkLoad(a, c);
  if (!(patienceMs >= 0)) throw new RangeError(`patience must be ≥ 0 ms, not ${patienceMs}`);
  if (c === 0) return { ...lossSystem(arrivalsPerSecond, holdMs, 0), formula: 'mmc-patience', refused: 0, timedOut: 1 };
  const lambda = arrivalsPerSecond / 1000; // per ms
  const cmu = c / holdMs; // per ms, all c lent
  const k = lambda - cmu;
  const tau = patienceMs;
  const kt = k * tau;
  // Scale s = e^{−kτ} when k > 0 (else 1); E·s is then e^{kτ}·s ≤ 1 … or exactly 1.
  const grows = kt > 0;
  const es = grows ? 1 : Math.exp(kt); // e^{kτ}·s
  const s = grows ? Math.exp(-kt) : 1;
  // Mass with nobody waiting, relative to π_{c−1}: Σ_{j<c} π_j / π_{c−1} = 1 / B(a, c−1).
  const bPrev = erlangB(a, c - 1);
  const idle = bPrev > 0 ? s / bPrev : Number.POSITIVE_INFINITY;
  // ∫_0^τ e^{kx} dx · s, and ∫_0^τ x e^{kx} dx · s, without cancellation near k = 0.
  let queued: number;
  let queuedX: number;
  if (Math.abs(kt) < 1e-6) {
    queued = tau * s * (1 + kt / 2);
    queuedX = ((tau * tau) / 2) * s * (1 + (2 * kt) / 3);
  } else if (grows) {
    queued = -Math.expm1(-kt) / k;
    queuedX = (kt - 1 + s) / (k * k);
  } else {
    queued = Math.expm1(kt) / k;
    queuedX = (es * (kt - 1) + 1) / (k * k);
  }
  const abandonMass = es / cmu; // ∫_τ^∞ v / (λ π_{c−1}) · s
  if (!Number.isFinite(idle)) {
    // So lightly loaded that nobody ever finds the pool full.
    return {
      formula: 'mmc-patience',
      offered: a,
      refused: 0,
      timedOut: 0,
      waited: 0,
      meanWaitMs: 0,
      p95WaitMs: 0,
      p99WaitMs: 0,
      utilization: a / c,
      meanQueue: 0,
      meanBusy: a,
    };
  }
  const norm = idle + lambda * (queued + abandonMass);
  const waited = (lambda * (queued + abandonMass)) / norm;
  const gaveUp = (lambda * abandonMass) / norm;
  const meanWait = (lambda * queuedX + tau * lambda * abandonMass) / norm;
  /** P(wait > t) for 0 ≤ t < τ. */
  const tail = (t: number): number => {
    const part =
      Math.abs(k) < 1e-12 ? (tau - t) * s : grows ? -Math.expm1(k * (t - tau)) / k : (es - Math.exp(k * t)) / k;
    return (lambda * (part + abandonMass)) / norm;
  };
  /** The wait a share `q` of callers stay within: τ itself once more than 1 − q give up. */
  const quantile = (q: number): number => {
    const beyond = 1 - q;
    if (gaveUp >= beyond) return tau;
    if (waited <= beyond) return 0;
    let lo = 0;
    let hi = tau;
    for (let i = 0; i < 100; i++) {
      const mid = (lo + hi) / 2;
      if (tail(mid) > beyond) lo = mid;
      else hi = mid;
    }
    return hi;
  };
  const busy = a * (1 - gaveUp);
  return {
    formula: 'mmc-patience',
    offered: a,
    refused: 0,
    timedOut: gaveUp,
    waited,
    meanWaitMs: meanWait,
    p95WaitMs: quantile(0.95),
    p99WaitMs: quantile(0.99),
    utilization: busy / c,
    meanQueue: littleL(arrivalsPerSecond, meanWait),
    meanBusy: busy,
  };
}

// ── Little's law: L = λ·W ────────────────────────────────────────────────────────────────────

/** Mean number in a place, from the arrival rate (per second) and the mean time there (ms). */
export function littleL(arrivalsPerSecond: number, meanTimeMs: number): number {
  return (arrivalsPerSecond * meanTimeMs) / 1000;
}

/** Mean time in a place (ms), from the mean number there and the arrival rate (per second). */
export function littleW(meanNumber: number, arrivalsPerSecond: number): number {
  return (meanNumber / arrivalsPerSecond) * 1000;
}
