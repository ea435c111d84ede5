/**
 * "Why pool at all", at scale: the same callers a load run sees, served without a pool — and the
 * comparison with a pool whose callers wait, side by side.
 */
import { ARRIVAL_SALT, exponential, HOLD_SALT, loadOptions, type LoadScenario } from './spec';
import type { LoadOutput } from './run';
import { percentile } from './stats';
import { createRng, delay, type Op, type Task } from '../core';
import { Runtime } from '../world';

/** The same callers served without a pool: each opens a fresh connection, uses it, closes it. */
export interface FreshOutput {
  readonly arrivals: number;
  /** Mean time a caller waits before it can start work (opening its connection). */
  readonly meanWaitMs: number;
  readonly p95WaitMs: number;
  readonly p99WaitMs: number;
  /** Callers finished per second of virtual time. */
  readonly throughputPerSecond: number;
  /** Connections opened in all. */
  readonly created: number;
  /** Most connections open at the same moment. */
  readonly peakOpen: number;
  /** Time-weighted mean of connections open. */
  readonly meanOpen: number;
  /** Virtual ms spent opening connections, summed over callers. */
  readonly createMsTotal: number;
}

/**
 * Serve the load the way code without a pool does: every caller opens its own connection (the
 * runtime's slow `connect`, the same one the pool uses), holds it as long as it would have held a
 * pooled one, then closes it. Same seed, same callers, same hold times as `runLoad`.
 */
export function runFreshPerCaller(scenario: LoadScenario): FreshOutput {
  const { load } = scenario;
  const o = loadOptions(scenario.options);
  const rt = new Runtime({ seed: scenario.seed, costs: o.costs, record: false, maxSize: null });
  const sim = rt.sim;
  const arrivalRng = createRng((scenario.seed ^ ARRIVAL_SALT) >>> 0);
  const holdRng = createRng((scenario.seed ^ HOLD_SALT) >>> 0);
  const meanGapMs = 1000 / load.arrivalsPerSecond;
  const total = load.arrivals;
  const waits = new Float64Array(total);
  let arrived = 0;
  let open = 0;
  let peakOpen = 0;
  let openArea = 0;
  let lastChange = 0;
  let createSum = 0;
  let lastArrivalT = 0;
  let lastFinishT = 0;
  let windowClosed = false;
  /** Bring the open-connections area up to now (the window ends at the last arrival). */
  const tick = (): void => {
    if (windowClosed) return;
    openArea += open * (sim.now - lastChange);
    lastChange = sim.now;
  };

  function* caller(i: number, holdMs: number): Op<void> {
    const began = sim.now;
    tick();
    open++;
    if (open > peakOpen) peakOpen = open;
    const conn = yield* rt.connect();
    const wait = sim.now - began;
    waits[i] = wait;
    createSum += wait;
    yield* delay(holdMs);
    conn.close();
    tick();
    open--;
  }
  const done = (_task: Task, failed: boolean, error: unknown): void => {
    if (failed) throw error;
    lastFinishT = sim.now;
  };
  function arrive(): void {
    tick();
    const i = arrived++;
    lastArrivalT = sim.now;
    const holdMs = load.hold === 'fixed' ? load.holdMs : exponential(holdRng, load.holdMs);
    if (arrived < total) sim.at(sim.now + exponential(arrivalRng, meanGapMs), arrive);
    sim.spawn(null, caller(i, holdMs), done);
    if (arrived === total) windowClosed = true;
  }
  sim.at(exponential(arrivalRng, meanGapMs), arrive);
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    while (sim.tick()) {
      /* run to the end */
    }
  } finally {
    Error.stackTraceLimit = limit;
  }
  const span = lastArrivalT;
  return {
    arrivals: total,
    meanWaitMs: createSum / total,
    p95WaitMs: percentile(waits, total, 0, 0.95),
    p99WaitMs: percentile(waits, total, 0, 0.99),
    throughputPerSecond: lastFinishT > 0 ? (total / lastFinishT) * 1000 : 0,
    created: rt.objects.length,
    peakOpen,
    meanOpen: span > 0 ? openArea / span : 0,
    createMsTotal: createSum,
  };
}

/** One side of the comparison: how fast callers are served and how long they wait for a connection. */
export interface Side {
  readonly servedPerSecond: number;
  readonly meanMs: number;
  readonly p99Ms: number;
}

export interface PoolComparison {
  readonly noPool: Side;
  readonly pool: Side;
  /**
   * How slow opening a connection must be, on average, before the pool gets callers a connection
   * sooner: the pool's own mean time to a connection (its waits, hand-over and validation). Without
   * a pool every caller pays the opening; with one, callers pay only the pool's wait.
   */
  readonly breakEvenMeanMs: number;
  /** The same for the 99th percentile: a connection that always takes this long to open. */
  readonly breakEvenP99Ms: number;
  /** The pool gets callers a connection sooner, on average and at the 99th percentile. */
  readonly poolAhead: boolean;
}

/** The same callers without a pool and with a pool whose callers wait. */
export function comparePool(fresh: FreshOutput, pool: LoadOutput): PoolComparison {
  const noPool = { servedPerSecond: fresh.throughputPerSecond, meanMs: fresh.meanWaitMs, p99Ms: fresh.p99WaitMs };
  const pooled = { servedPerSecond: pool.little.servedPerSecond, meanMs: pool.meanWaitMs, p99Ms: pool.p99WaitMs };
  return {
    noPool,
    pool: pooled,
    breakEvenMeanMs: pooled.meanMs,
    breakEvenP99Ms: pooled.p99Ms,
    poolAhead: pooled.meanMs < noPool.meanMs && pooled.p99Ms < noPool.p99Ms,
  };
}
