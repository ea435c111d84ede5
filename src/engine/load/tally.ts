/**
 * What a load run counts, and the figures it reports from the counts.
 *
 * Counts are kept whole (for the run's values) and per cell of consecutive arrivals (for the
 * intervals, see intervals.ts). Time-weighted areas — objects lent, callers inside acquire — run
 * from the start of the load (the pool filled) to the last arrival: the run's window.
 */
import { batchMeans, CELLS, type Cells, type Estimate } from './intervals';
import { histogramOf, percentile, type WaitHistogram } from './stats';

/** Quantities measured with an interval. */
export type MeasuredKey = 'refused' | 'timedOut' | 'waited' | 'meanWaitMs' | 'utilization';

/** The share of callers who waited longer than a given time, with its interval. */
export interface TailShare {
  readonly overMs: number;
  readonly share: number;
  readonly ci: Estimate;
}

/** Little's law, L = λ × W, measured on a run: each side and each factor. */
export interface LittleFigures {
  /** Callers per second over the run's window (λ). */
  readonly arrivalsPerSecond: number;
  /** Mean wait over all callers (W), ms. */
  readonly meanWaitMs: number;
  /** Time-average of callers inside acquire (L, measured). */
  readonly queue: number;
  /** λ × W. */
  readonly rateTimesWait: number;
  /** Callers served per second. */
  readonly servedPerSecond: number;
  /** Mean hold of the callers served, ms. */
  readonly meanHoldMs: number;
  /** Time-average of objects lent (measured). */
  readonly borrowed: number;
  /** Served rate × mean hold. */
  readonly rateTimesHold: number;
}

export interface TallyFigures {
  readonly arrivals: number;
  readonly served: number;
  readonly refused: number;
  readonly timedOut: number;
  readonly waited: number;
  readonly meanWaitMs: number;
  readonly p95WaitMs: number;
  readonly p99WaitMs: number;
  /** Time-weighted share of `maxSize` lent to callers (their hold time only). */
  readonly utilization: number;
  /**
   * Time-weighted share of `maxSize` away from the shelf: lent, being created, handed over,
   * validated or reset — every place taken that a caller could not be given at once. With costs
   * off it equals `utilization`; with costs on it is what keeps callers waiting.
   */
  readonly awayFromShelf: number;
  /** 95 % confidence intervals, batch means with batches as long as the correlation needs. */
  readonly ci: Readonly<Record<MeasuredKey, Estimate>>;
  readonly tail: readonly TailShare[];
  /** Virtual ms from the start of the load to the last arrival. */
  readonly spanMs: number;
  readonly little: LittleFigures;
  /** Waits of the callers who waited at all, for a histogram. */
  readonly histogram: WaitHistogram;
}

interface Cell {
  arrivals: number;
  refused: number;
  timedOut: number;
  waited: number;
  waitSum: number;
  borrowedArea: number;
  start: number;
  end: number;
  /** Callers who waited longer than each of the tail thresholds. */
  over: number[];
}

export class Tally {
  private readonly cells: Cell[] = [];
  private served = 0;
  private refusedCount = 0;
  private timedOutCount = 0;
  private waitedCount = 0;
  private waitSum = 0;
  private holdSum = 0;
  private zeroWaits = 0;
  private waits = new Float64Array(1024);
  private nWaits = 0;
  private borrowed = 0;
  private borrowedArea = 0;
  private queued = 0;
  private queueArea = 0;
  private lastChange = 0;
  private startT = 0;
  private lastArrivalT = 0;
  private closed = false;
  private awayN = 0;
  private awayArea = 0;
  private awayT: number | null = null;

  constructor(
    private readonly total: number,
    private readonly maxSize: number,
    private readonly tailMs: readonly number[],
  ) {}

  /** The cell of caller `i`: CELLS cells of equal arrivals (to within one), or one per caller. */
  private cellOf(i: number): number {
    return this.total > CELLS ? Math.floor((i * CELLS) / this.total) : i;
  }

  /** The load begins (the pool has filled). */
  start(now: number): void {
    this.startT = now;
    this.lastChange = now;
    this.awayT = now;
  }

  /** The pool's places away from the shelf are now `n` (called after every engine step). */
  away(now: number, n: number): void {
    if (this.awayT === null) return;
    const end = this.closed ? Math.min(now, this.lastArrivalT) : now;
    if (end > this.awayT) {
      this.awayArea += this.awayN * (end - this.awayT);
      this.awayT = end;
    }
    this.awayN = n;
  }

  /** Bring the areas up to now (only until the last arrival: the run's window). */
  tick(now: number): void {
    if (this.closed) return;
    const dt = now - this.lastChange;
    if (dt > 0) {
      this.borrowedArea += this.borrowed * dt;
      this.queueArea += this.queued * dt;
      const cell = this.cells.at(-1);
      if (cell) cell.borrowedArea += this.borrowed * dt;
      this.lastChange = now;
    }
  }

  /** Caller `i` arrives (callers are numbered from 0 in order of arrival). */
  arrive(i: number, now: number): void {
    if (i === 0 || this.cellOf(i) !== this.cellOf(i - 1)) {
      this.tick(now);
      const last = this.cells.at(-1);
      if (last) last.end = now;
      this.cells.push({
        arrivals: 0,
        refused: 0,
        timedOut: 0,
        waited: 0,
        waitSum: 0,
        borrowedArea: 0,
        // The first cell starts with the load, so that the cells cover the run's whole window.
        start: i === 0 ? this.startT : now,
        end: now,
        over: this.tailMs.map(() => 0),
      });
    }
    this.cells.at(-1)!.arrivals++;
    this.lastArrivalT = now;
    if (i === this.total - 1) {
      this.tick(now);
      this.cells.at(-1)!.end = now;
      this.closed = true;
    }
  }

  /** A caller enters acquire. */
  enter(now: number): void {
    this.tick(now);
    this.queued++;
  }

  /** Caller `i` leaves acquire: holding an object, or turned away. */
  leave(i: number, now: number, waitMs: number, parked: boolean, outcome: 'served' | 'refused' | 'timedOut'): void {
    this.tick(now);
    this.queued--;
    const cell = this.cells[this.cellOf(i)]!;
    if (outcome === 'served') {
      this.borrowed++;
      this.served++;
    } else if (outcome === 'refused') {
      this.refusedCount++;
      cell.refused++;
    } else {
      this.timedOutCount++;
      cell.timedOut++;
    }
    if (parked) {
      this.waitedCount++;
      cell.waited++;
    }
    this.waitSum += waitMs;
    cell.waitSum += waitMs;
    this.tailMs.forEach((t, k) => {
      if (waitMs > t) cell.over[k]!++;
    });
    if (waitMs > 0) {
      if (this.nWaits === this.waits.length) {
        const bigger = new Float64Array(this.waits.length * 2);
        bigger.set(this.waits);
        this.waits = bigger;
      }
      this.waits[this.nWaits++] = waitMs;
    } else this.zeroWaits++;
  }

  /** A served caller starts holding for `holdMs`. */
  hold(holdMs: number): void {
    this.holdSum += holdMs;
  }

  /** A served caller gives its object back. */
  giveBack(now: number): void {
    this.tick(now);
    this.borrowed--;
  }

  figures(): TallyFigures {
    const n = this.total;
    const span = this.lastArrivalT - this.startT;
    const cells = this.cells;
    const arrivals = cells.map((c) => c.arrivals);
    const perArrival = (f: (c: Cell) => number): Estimate =>
      batchMeans({ sums: cells.map(f), weights: arrivals, arrivals } satisfies Cells);
    const rate = span > 0 ? (n / span) * 1000 : 0;
    const meanWaitMs = this.waitSum / n;
    const servedRate = span > 0 ? (this.served / span) * 1000 : 0;
    const meanHoldMs = this.served > 0 ? this.holdSum / this.served : 0;
    return {
      arrivals: n,
      served: this.served,
      refused: this.refusedCount / n,
      timedOut: this.timedOutCount / n,
      waited: this.waitedCount / n,
      meanWaitMs,
      p95WaitMs: percentile(this.waits, this.nWaits, this.zeroWaits, 0.95),
      p99WaitMs: percentile(this.waits, this.nWaits, this.zeroWaits, 0.99),
      utilization: span > 0 ? this.borrowedArea / span / this.maxSize : 0,
      awayFromShelf: span > 0 ? this.awayArea / span / this.maxSize : 0,
      ci: {
        refused: perArrival((c) => c.refused),
        timedOut: perArrival((c) => c.timedOut),
        waited: perArrival((c) => c.waited),
        meanWaitMs: perArrival((c) => c.waitSum),
        utilization: batchMeans({
          sums: cells.map((c) => c.borrowedArea / this.maxSize),
          weights: cells.map((c) => c.end - c.start),
          arrivals,
        }),
      },
      tail: this.tailMs.map((overMs, k) => ({
        overMs,
        share: cells.reduce((s, c) => s + c.over[k]!, 0) / n,
        ci: perArrival((c) => c.over[k]!),
      })),
      spanMs: span,
      little: {
        arrivalsPerSecond: rate,
        meanWaitMs,
        queue: span > 0 ? this.queueArea / span : 0,
        rateTimesWait: (rate * meanWaitMs) / 1000,
        servedPerSecond: servedRate,
        meanHoldMs,
        borrowed: span > 0 ? this.borrowedArea / span : 0,
        rateTimesHold: (servedRate * meanHoldMs) / 1000,
      },
      histogram: histogramOf(this.waits, this.nWaits, this.zeroWaits),
    };
  }
}
