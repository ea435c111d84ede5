/**
 * How often a run's 95 % interval contains the known answer: many seeds of a textbook system,
 * each run judged against the closed form. A correct interval covers about 95 % of the time; one
 * that ignores the autocorrelation covers far less. The unit test runs a small case; `npm run
 * coverage` the load lab's own cases at full size (figures in the README).
 */
import type { Estimate } from './intervals';
import { erlangB, erlangC, meanWaitMs, waitExceeds } from './queueing';
import { createLoadRun, type LoadOutput } from './run';
import type { LoadScenario } from './spec';

/** A textbook pool: pre-filled, no costs, refusing at once (Erlang B) or waiting (Erlang C). */
export interface TextbookSystem {
  readonly poolSize: number;
  readonly arrivalsPerSecond: number;
  readonly holdMs: number;
  /** What is measured: the share refused (Erlang B), the share who wait or the mean wait (Erlang C), or the share waiting longer than `overMs`. */
  readonly quantity: 'refused' | 'waited' | 'meanWaitMs' | 'waitsOver';
  readonly overMs?: number;
}

export interface Coverage {
  /** The closed form's value. */
  readonly truth: number;
  readonly seeds: number;
  /** Runs whose interval contained the truth. */
  readonly covered: number;
  /** Runs whose interval lay wholly below / above the truth. */
  readonly below: number;
  readonly above: number;
  /** Mean half-width of the intervals, relative to the truth. */
  readonly relativeHalfWidth: number;
  /** Runs whose batches stayed correlated (marked `independent: false`). */
  readonly dependent: number;
}

/** The closed form's value for a textbook system's quantity. */
export function truthOf(s: TextbookSystem): number {
  const a = (s.arrivalsPerSecond * s.holdMs) / 1000;
  switch (s.quantity) {
    case 'refused':
      return erlangB(a, s.poolSize);
    case 'waited':
      return erlangC(a, s.poolSize);
    case 'meanWaitMs':
      return meanWaitMs(s.arrivalsPerSecond, s.holdMs, s.poolSize);
    case 'waitsOver':
      return waitExceeds(s.arrivalsPerSecond, s.holdMs, s.poolSize, s.overMs ?? 0);
  }
}

export function textbookScenario(s: TextbookSystem, seed: number, arrivals: number): LoadScenario {
  return {
    level: 'production',
    options: {
      maxSize: s.poolSize,
      minSize: s.poolSize,
      acquireTimeout: s.quantity === 'refused' ? 0 : null,
      costs: { reuseMs: 0, validateMs: 0, resetMs: 0 },
    },
    seed,
    load: { arrivalsPerSecond: s.arrivalsPerSecond, holdMs: s.holdMs, hold: 'exponential', arrivals },
  };
}

function estimateOf(s: TextbookSystem, o: LoadOutput): Estimate {
  return s.quantity === 'waitsOver' ? o.tail[0]!.ci : o.ci[s.quantity];
}

/** Run seeds `firstSeed`, `firstSeed + 1`, … and count the intervals that contain the truth. */
export function coverage(s: TextbookSystem, arrivals: number, seeds: number, firstSeed = 1): Coverage {
  const truth = truthOf(s);
  let covered = 0;
  let below = 0;
  let above = 0;
  let halfWidths = 0;
  let dependent = 0;
  for (let seed = firstSeed; seed < firstSeed + seeds; seed++) {
    const run = createLoadRun(textbookScenario(s, seed, arrivals), {
      tailMs: s.overMs === undefined ? [] : [s.overMs],
    });
    run.advance(Number.POSITIVE_INFINITY);
    const e = estimateOf(s, run.result());
    const [lo, hi] = e.interval;
    if (hi < truth) below++;
    else if (lo > truth) above++;
    else covered++;
    halfWidths += (hi - lo) / 2;
    if (!e.independent) dependent++;
  }
  return { truth, seeds, covered, below, above, relativeHalfWidth: halfWidths / seeds / truth, dependent };
}
