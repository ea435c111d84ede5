/**
 * Checking the advisor's answer by measuring it: the run that checks it, and the verdict.
 *
 * The check runs the very system the formula describes — the pool pre-filled to the advised size,
 * no hand-over, validation or reset time, objects that never retire, Poisson arrivals, exponential
 * holds, and callers who are refused at once (a refusal target, Erlang B) or wait as long as it
 * takes (wait targets, Erlang C) — so a gap between measured and formula is chance, and the
 * interval says how much chance.
 *
 * A percentile target is checked through the share of callers who wait longer than the target
 * time: the 95th percentile is at most T exactly when at most 5 % wait longer than T, and a share
 * is a mean of yes/no per caller, which batch means handle as they handle any mean.
 */
import type { Estimate, Interval } from './intervals';
import type { LoadOutput } from './run';
import { predicted, TAIL, type Target } from './sizing';
import type { LoadScenario } from './spec';

/** meets: the whole interval is within the target; misses: the whole interval is past it. */
export type Verdict = 'meets' | 'misses' | 'unsure';

export interface Check {
  readonly verdict: Verdict;
  /** What is compared with `limit`: the share refused, the mean wait (ms), or the share waiting longer than the target. */
  readonly measured: number;
  readonly interval: Interval;
  /** The most `measured` may be: the target itself, or 5 % / 1 % for a percentile target. */
  readonly limit: number;
  readonly arrivals: number;
  /** Batches the interval came from, and whether they passed the test for independence. */
  readonly batches: number;
  readonly independent: boolean;
  /** For a percentile target, the measured percentile (ms). */
  readonly percentileMs: number | null;
  /** The load these callers actually brought, and the formula at that load. */
  readonly realized: {
    readonly arrivalsPerSecond: number;
    readonly meanHoldMs: number;
    /** Offered load relative to the one asked for: 0.011 is 1.1 % more. */
    readonly excess: number;
    readonly predicted: number;
  };
}

/** The run that checks `size` connections against a target. */
export function checkScenario(
  arrivalsPerSecond: number,
  holdMs: number,
  target: Target,
  size: number,
  seed: number,
  arrivals: number,
): { readonly scenario: LoadScenario; readonly tailMs: readonly number[] } {
  return {
    scenario: {
      level: 'production',
      options: {
        maxSize: size,
        minSize: size,
        acquireTimeout: target.kind === 'refused' ? 0 : null,
        costs: { reuseMs: 0, validateMs: 0, resetMs: 0 },
      },
      seed,
      load: { arrivalsPerSecond, holdMs, hold: 'exponential', arrivals },
    },
    tailMs: target.kind === 'p95' || target.kind === 'p99' ? [target.value] : [],
  };
}

/** The verdict on a measured figure that must be at most `limit`. */
export function verdictOf(estimate: Estimate, limit: number): Verdict {
  if (!estimate.independent) return 'unsure';
  const [lo, hi] = estimate.interval;
  if (hi <= limit) return 'meets';
  if (lo > limit) return 'misses';
  return 'unsure';
}

/** Judge a check run (made by `checkScenario`) against its target. */
export function judge(output: LoadOutput, scenario: LoadScenario, target: Target): Check {
  const size = scenario.options.maxSize ?? 0;
  let measured: number;
  let estimate: Estimate;
  let limit = target.value;
  let percentileMs: number | null = null;
  if (target.kind === 'refused') {
    measured = output.refused;
    estimate = output.ci.refused;
  } else if (target.kind === 'meanWait') {
    measured = output.meanWaitMs;
    estimate = output.ci.meanWaitMs;
  } else {
    const tail = output.tail.find((t) => t.overMs === target.value);
    if (!tail) throw new Error(`the check run did not measure waits over ${target.value} ms`);
    measured = tail.share;
    estimate = tail.ci;
    limit = TAIL[target.kind].beyond;
    percentileMs = target.kind === 'p95' ? output.p95WaitMs : output.p99WaitMs;
  }
  const { little } = output;
  const asked = scenario.load.arrivalsPerSecond * scenario.load.holdMs;
  return {
    verdict: verdictOf(estimate, limit),
    measured,
    interval: estimate.interval,
    limit,
    arrivals: output.arrivals,
    batches: estimate.batches,
    independent: estimate.independent,
    percentileMs,
    realized: {
      arrivalsPerSecond: little.arrivalsPerSecond,
      meanHoldMs: little.meanHoldMs,
      excess: (little.arrivalsPerSecond * little.meanHoldMs) / asked - 1,
      predicted: predicted(target.kind, little.arrivalsPerSecond, little.meanHoldMs, size),
    },
  };
}
