/**
 * Load runs: the production pool under random load, at scale, measured beside queueing theory.
 *
 * Callers arrive at random in virtual time (a Poisson process at `arrivalsPerSecond`). Each one
 * acquires from the pool, holds the object for a drawn time (exponential with mean `holdMs`, or
 * exactly `holdMs`), and releases it. The pool is the production level's own class on the same
 * Runtime and Sim as every scenario — not a second simulator. A batch run is the same code with
 * `record: false`: no event objects, no world snapshots, only counters and a list of waits.
 *
 * Randomness comes from the seed only, in three independent streams (arrivals, hold times, and
 * the runtime's own for creation costs), so the same seed gives the same result, and two pool
 * sizes run on one seed see the very same callers (common random numbers: their difference is
 * the pool's, not the dice's).
 *
 * What is measured (all over the arrivals of the run):
 * - `refused`, `timedOut`: fractions of arrivals the pool turned away at once / that gave up;
 * - `waited`: the fraction that had to queue for an object (were parked in the pool's queue);
 * - `meanWaitMs`, `p95WaitMs`: time from arrival until holding an object or giving up, over all
 *   arrivals (served at once and refused count as 0);
 * - `utilization`: the time-weighted mean fraction of `maxSize` lent to callers, from the start of
 *   the load to the last arrival.
 * A 95 % confidence interval for each comes from batch means: the arrivals are cut into
 * consecutive batches, each batch gives one estimate, and the spread of those estimates (long
 * batches are nearly independent) gives the interval.
 */
import { boundOf, levelInfo, type RunnablePool } from '../levels';
import { ARRIVAL_SALT, exponential, HOLD_SALT, loadProblems, loadOptions, type LoadScenario } from './spec';
import { BATCHES, batchInterval, histogramOf, percentile, type Interval, type WaitHistogram } from './stats';
import { theoryFor, type LoadTheory } from './theory';
import type { LoadFigures } from './queueing';
import { createRng, delay, PoolExhausted, ScenarioError, type Effect, type Op } from '../core';
import { Runtime, type Pooled } from '../world';

export interface LoadOutput extends LoadFigures {
  readonly arrivals: number;
  readonly served: number;
  readonly theory: LoadTheory | null;
  /** 95 % confidence intervals from batch means. */
  readonly ci: {
    readonly refused: Interval;
    readonly timedOut: Interval;
    readonly waited: Interval;
    readonly meanWaitMs: Interval;
    readonly utilization: Interval;
  };
  readonly notes: readonly string[];
  /** Virtual ms from the start of the load (the pool filled) to the last arrival. */
  readonly spanMs: number;
  /** Engine events run (the same count a recorded run stores). */
  readonly events: number;
  /** Little's law on this run: time-average number waiting vs arrival rate × mean wait. */
  readonly little: {
    readonly queue: number;
    readonly rateTimesWait: number;
    readonly borrowed: number;
    readonly rateTimesHold: number;
  };
  /** Waits of the callers who waited at all, for a histogram. */
  readonly histogram: WaitHistogram;
  /** Objects the pool created during the run (pre-filled ones included). */
  readonly created: number;
}

export interface LoadRunOptions {
  /** Keep every event with a world snapshot, as the lab's timeline does (small runs only). */
  readonly record?: boolean;
}

/** A load run that can be advanced in slices (so a worker can report progress and stop). */
export interface LoadRun {
  /** Run until `count` more arrivals have come (or the end); true when everything is done. */
  advance(count: number): boolean;
  readonly arrived: number;
  readonly total: number;
  readonly done: boolean;
  /** The figures; call once `advance` has returned true. */
  result(): LoadOutput;
  /** The runtime (for tests that compare a recorded run with a batch run). */
  readonly runtime: Runtime;
}

interface Batch {
  arrivals: number;
  refused: number;
  timedOut: number;
  waited: number;
  waitSum: number;
  borrowedArea: number;
  start: number;
  end: number;
}

export function createLoadRun(scenario: LoadScenario, options: LoadRunOptions = {}): LoadRun {
  const problems = loadProblems(scenario);
  if (problems.length > 0) throw new ScenarioError(problems[0]!);
  const info = levelInfo(scenario.level);
  if (!info) throw new ScenarioError(`the ${scenario.level} level is not in this build`);
  const { load } = scenario;
  const o = loadOptions(scenario.options);
  const record = options.record ?? false;
  const rt = new Runtime({
    seed: scenario.seed,
    costs: o.costs,
    record,
    trace: false,
    maxSize: boundOf(info.id, scenario.options),
  });
  const pool: RunnablePool = info.make(rt, scenario.options);
  const sim = rt.sim;
  rt.poolState = () => ({
    available: pool.shelf(),
    inUse: counterOf(pool),
    closed: closedOf(pool),
    waiting: waitingOf(pool),
  });

  const arrivalRng = createRng((scenario.seed ^ ARRIVAL_SALT) >>> 0);
  const holdRng = createRng((scenario.seed ^ HOLD_SALT) >>> 0);
  const meanGapMs = 1000 / load.arrivalsPerSecond;
  const total = load.arrivals;
  const batchSize = Math.max(1, Math.ceil(total / BATCHES));
  const batches: Batch[] = [];
  const newBatch = (start: number): Batch => ({
    arrivals: 0,
    refused: 0,
    timedOut: 0,
    waited: 0,
    waitSum: 0,
    borrowedArea: 0,
    start,
    end: start,
  });

  let arrived = 0;
  let finished = 0;
  let served = 0;
  let refused = 0;
  let timedOut = 0;
  let waitedCount = 0;
  let waitSum = 0;
  let holdSum = 0;
  let zeroWaits = 0;
  let waits = new Float64Array(1024);
  let nWaits = 0;
  let startT = 0;
  let lastArrivalT = 0;
  let started = false;
  let allArrived = false;

  // Time-weighted areas: callers lent an object, callers inside acquire.
  let borrowed = 0;
  let borrowedArea = 0;
  let queued = 0;
  let queueArea = 0;
  let lastChange = 0;
  let current: Batch = newBatch(0);

  /** Bring the areas up to now (only until the last arrival: the run's window). */
  const tick = (): void => {
    if (allArrived) return;
    const dt = sim.now - lastChange;
    if (dt > 0) {
      borrowedArea += borrowed * dt;
      queueArea += queued * dt;
      current.borrowedArea += borrowed * dt;
      lastChange = sim.now;
    }
  };

  const batchFor = (i: number): Batch => batches[Math.floor(i / batchSize)]!;

  const noteWait = (b: Batch, wait: number): void => {
    waitSum += wait;
    b.waitSum += wait;
    if (wait > 0) {
      if (nWaits === waits.length) {
        const bigger = new Float64Array(waits.length * 2);
        bigger.set(waits);
        waits = bigger;
      }
      waits[nWaits++] = wait;
    } else zeroWaits++;
  };

  /** Run the pool's acquire, noting whether it parked the caller in its queue. */
  function* acquireNoting(flag: { parked: boolean }): Op<Pooled> {
    const it = pool.acquire();
    let step = it.next();
    while (!step.done) {
      const effect: Effect = step.value;
      if (effect.kind === 'park') flag.parked = true;
      let input: unknown;
      try {
        input = yield effect;
      } catch (error) {
        step = it.throw(error);
        continue;
      }
      step = it.next(input);
    }
    return step.value;
  }

  function* caller(i: number, holdMs: number): Op<void> {
    const b = batchFor(i);
    const began = sim.now;
    const flag = { parked: false };
    tick();
    queued++;
    let obj: Pooled;
    try {
      obj = yield* acquireNoting(flag);
    } catch (error) {
      tick();
      queued--;
      const kind = refusalKind(error);
      if (kind === 'refused') {
        refused++;
        b.refused++;
      } else {
        timedOut++;
        b.timedOut++;
      }
      if (flag.parked) {
        waitedCount++;
        b.waited++;
      }
      noteWait(b, sim.now - began);
      return;
    }
    // Handing over an object from the shelf takes a moment, as in every scenario run.
    const fresh = obj.lends === 0;
    obj.lends++;
    if (!fresh) yield* delay(o.costs.reuseMs);
    tick();
    queued--;
    borrowed++;
    served++;
    if (flag.parked) {
      waitedCount++;
      b.waited++;
    }
    noteWait(b, sim.now - began);
    holdSum += holdMs;
    yield* delay(holdMs);
    tick();
    borrowed--;
    yield* pool.release(obj);
  }

  const onCallerDone = (r: { value: unknown } | { error: unknown }): void => {
    if ('error' in r) throw r.error;
    finished++;
  };

  function arrive(): void {
    const i = arrived++;
    if (i % batchSize === 0) {
      tick();
      current.end = sim.now;
      current = newBatch(sim.now);
      batches.push(current);
    }
    current.arrivals++;
    lastArrivalT = sim.now;
    const holdMs = load.hold === 'fixed' ? load.holdMs : exponential(holdRng, load.holdMs);
    if (arrived < total) sim.at(sim.now + exponential(arrivalRng, meanGapMs), arrive);
    else {
      tick();
      current.end = sim.now;
      allArrived = true;
    }
    sim.spawn(record ? `C${i + 1}` : null, caller(i, holdMs), onCallerDone);
  }

  // Start-up: the pool's own filling, then the first caller after one random gap.
  sim.spawn(null, pool.init(), (r) => {
    if ('error' in r) throw r.error;
    started = true;
    startT = sim.now;
    lastChange = sim.now;
    sim.at(sim.now + exponential(arrivalRng, meanGapMs), arrive);
  });

  const isDone = () => started && arrived >= total && finished >= total;

  const run: LoadRun = {
    get arrived() {
      return arrived;
    },
    total,
    get done() {
      return isDone();
    },
    runtime: rt,
    advance(count: number): boolean {
      const until = Math.min(total, arrived + Math.max(1, count));
      // A refusal is thrown as an error, and V8 records a stack trace for each: at a million
      // callers that is most of the run's time, and nobody reads them. Batch runs skip them.
      const limit = Error.stackTraceLimit;
      if (!record) Error.stackTraceLimit = 0;
      try {
        while (!isDone()) {
          if (arrived >= until && arrived < total) return false;
          if (!sim.tick()) {
            if (!isDone()) throw new Error('the load run stalled: callers are left with nothing to wake them');
            break;
          }
        }
        return true;
      } finally {
        Error.stackTraceLimit = limit;
      }
    },
    result(): LoadOutput {
      if (!isDone()) throw new Error('the load run has not finished');
      return summarise();
    },
  };

  function summarise(): LoadOutput {
    const span = lastArrivalT - startT;
    const verdict = theoryFor(scenario);
    const n = total;
    const p95 = percentile(waits, nWaits, zeroWaits, 0.95);
    const ciOf = (f: (b: Batch) => number): Interval => batchInterval(batches.map(f));
    const utilization = span > 0 ? borrowedArea / span / o.maxSize : 0;
    const rate = span > 0 ? (n / span) * 1000 : 0;
    return {
      arrivals: n,
      served,
      refused: refused / n,
      timedOut: timedOut / n,
      waited: waitedCount / n,
      meanWaitMs: waitSum / n,
      p95WaitMs: p95,
      utilization,
      theory: verdict.theory,
      ci: {
        refused: ciOf((b) => b.refused / b.arrivals),
        timedOut: ciOf((b) => b.timedOut / b.arrivals),
        waited: ciOf((b) => b.waited / b.arrivals),
        meanWaitMs: ciOf((b) => b.waitSum / b.arrivals),
        utilization: ciOf((b) => (b.end > b.start ? b.borrowedArea / (b.end - b.start) / o.maxSize : 0)),
      },
      notes: verdict.notes,
      spanMs: span,
      events: rt.eventCount,
      little: {
        queue: span > 0 ? queueArea / span : 0,
        rateTimesWait: (rate * (waitSum / n)) / 1000,
        borrowed: span > 0 ? borrowedArea / span : 0,
        rateTimesHold: served > 0 ? (rate * (served / n) * (holdSum / served)) / 1000 : 0,
      },
      histogram: histogramOf(waits, nWaits, zeroWaits),
      created: rt.objects.length,
    };
  }

  return run;
}

/** Run a load to the end. */
export function runLoad(scenario: LoadScenario, options: LoadRunOptions = {}): LoadOutput {
  const run = createLoadRun(scenario, options);
  run.advance(Number.POSITIVE_INFINITY);
  return run.result();
}

function refusalKind(error: unknown): 'refused' | 'timedOut' {
  if (error instanceof PoolExhausted) return 'refused';
  // The production level's PoolError says which refusal it is.
  if (error instanceof Error && (error as { kind?: unknown }).kind === 'timeout') return 'timedOut';
  throw error;
}

type PoolState = ReturnType<Runtime['poolState']>;

/** The production pool's queue, for recorded runs' snapshots. */
function waitingOf(pool: RunnablePool): PoolState['waiting'] {
  return (pool as { waitingList?: () => PoolState['waiting'] }).waitingList?.() ?? [];
}

function closedOf(pool: RunnablePool): boolean {
  return (pool as { closed?: unknown }).closed === true;
}

function counterOf(pool: RunnablePool): number | null {
  const value = (pool as unknown as { inUseCount?: unknown }).inUseCount;
  return typeof value === 'number' ? value : null;
}
