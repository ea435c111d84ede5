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
import { levelInfo, type RunnablePool } from './levels';
import { erlangB, impatientSystem, lossSystem, offeredLoad, waitingSystem, type TheoryFigures } from './queueing';
import type { Pooled } from './resources';
import { createRng, type Rng } from './rng';
import { PoolExhausted, Runtime, ScenarioError } from './runtime';
import { delay, type Effect, type Op } from './sim';
import { DEFAULT_COSTS, type Costs, type LevelOptions } from './types';

export type HoldDistribution = 'exponential' | 'fixed';

export interface LoadSpec {
  readonly arrivalsPerSecond: number;
  readonly holdMs: number;
  readonly hold: HoldDistribution;
  readonly arrivals: number;
}

export interface LoadScenario {
  readonly level: 'production';
  readonly options: LevelOptions;
  readonly seed: number;
  readonly load: LoadSpec;
}

/** Caps that keep a run finite and a browser tab alive. */
export const LOAD_LIMITS = {
  maxArrivals: 5_000_000,
  maxArrivalsPerSecond: 1_000_000,
  maxHoldMs: 3_600_000,
  /** Callers alive at once (waiting or holding) that a run may expect; each is a coroutine. */
  maxConcurrent: 200_000,
} as const;

/** The production level's defaults, as DESIGN.md gives them. */
const DEFAULTS = { maxSize: 10, minSize: 0, acquireTimeout: 30_000 as number | null };

/** Consecutive batches for the confidence intervals. */
export const BATCHES = 20;
/** Student's t, 97.5 % quantile, 19 degrees of freedom (20 batches). */
const T_975_19 = 2.093;

// ── reading a load object ───────────────────────────────────────────────────────────────────

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const describe = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'string' ? `"${v}"` : typeof v === 'object' ? 'an object' : String(v);

function positive(v: unknown, what: string, max: number, unit: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ScenarioError(`load.${what} must be a number, not ${describe(v)}`);
  if (v <= 0) throw new ScenarioError(`load.${what} must be above 0, not ${v}`);
  if (v > max) throw new ScenarioError(`load.${what} is ${v}${unit}; the most the lab runs is ${max}${unit}`);
  return v;
}

/** Check a scenario file's `load` object; throws ScenarioError with a plain sentence. */
export function parseLoadSpec(v: unknown): LoadSpec {
  if (!isObject(v)) throw new ScenarioError(`"load" must be an object like {"arrivalsPerSecond": 30, "holdMs": 100, "hold": "exponential", "arrivals": 100000}, not ${describe(v)}`);
  for (const key of Object.keys(v)) {
    if (!['arrivalsPerSecond', 'holdMs', 'hold', 'arrivals'].includes(key)) {
      throw new ScenarioError(`load has no "${key}" (it takes arrivalsPerSecond, holdMs, hold, arrivals)`);
    }
  }
  const arrivalsPerSecond = positive(v.arrivalsPerSecond, 'arrivalsPerSecond', LOAD_LIMITS.maxArrivalsPerSecond, '/s');
  const holdMs = positive(v.holdMs, 'holdMs', LOAD_LIMITS.maxHoldMs, ' ms');
  const hold = v.hold === undefined ? 'exponential' : v.hold;
  if (hold !== 'exponential' && hold !== 'fixed') throw new ScenarioError(`load.hold must be "exponential" or "fixed", not ${describe(hold)}`);
  const arrivals = v.arrivals;
  if (typeof arrivals !== 'number' || !Number.isInteger(arrivals)) throw new ScenarioError(`load.arrivals must be a whole number, not ${describe(arrivals)}`);
  if (arrivals < 1) throw new ScenarioError(`load.arrivals must be at least 1, not ${arrivals}`);
  if (arrivals > LOAD_LIMITS.maxArrivals) throw new ScenarioError(`load.arrivals is ${arrivals}; the most the lab runs is ${LOAD_LIMITS.maxArrivals}`);
  return { arrivalsPerSecond, holdMs, hold, arrivals };
}

/** The options a load run uses, with the production level's defaults filled in. */
export function resolvedOptions(options: LevelOptions): { maxSize: number; minSize: number; acquireTimeout: number | null; costs: Costs } {
  return {
    maxSize: options.maxSize ?? DEFAULTS.maxSize,
    minSize: options.minSize ?? DEFAULTS.minSize,
    acquireTimeout: options.acquireTimeout === undefined ? DEFAULTS.acquireTimeout : options.acquireTimeout,
    costs: { ...DEFAULT_COSTS, ...options.costs },
  };
}

/**
 * Problems that make a load impossible to run (not merely far from the textbook): an empty answer
 * means it can run. Messages are whole sentences for the page and the CLI.
 */
export function loadProblems(scenario: LoadScenario): string[] {
  const { load } = scenario;
  const o = resolvedOptions(scenario.options);
  const a = offeredLoad(load.arrivalsPerSecond, load.holdMs);
  const bounded = scenario.options.fixes?.maxSize !== false;
  const problems: string[] = [];
  if (bounded && o.acquireTimeout === null && a >= o.maxSize) {
    problems.push(
      `The pool cannot keep up: ${fmt(load.arrivalsPerSecond)} callers a second each holding ${fmt(load.holdMs)} ms keep ${fmt(a)} objects busy on average, ` +
        `but the pool has ${o.maxSize}. With callers waiting forever the queue grows without end. ` +
        `Use a pool larger than ${fmt(a)}, fewer arrivals a second, shorter holds, or an acquire timeout.`,
    );
  }
  const concurrent = expectedConcurrent(scenario);
  if (problems.length === 0 && concurrent > LOAD_LIMITS.maxConcurrent) {
    problems.push(
      `About ${fmt(concurrent)} callers would be in the pool at once (waiting or holding); the lab runs at most ${fmt(LOAD_LIMITS.maxConcurrent)}. ` +
        'Use fewer arrivals a second, shorter holds or a shorter acquire timeout.',
    );
  }
  return problems;
}

/** A rough upper estimate of callers alive at once (Little: rate × time in the system). */
export function expectedConcurrent(scenario: LoadScenario): number {
  const { load } = scenario;
  const o = resolvedOptions(scenario.options);
  const perMs = load.arrivalsPerSecond / 1000;
  const a = perMs * load.holdMs;
  const bounded = scenario.options.fixes?.maxSize !== false;
  if (!bounded) return a + perMs * (o.costs.createMs[1] + o.costs.validateMs + 3 * o.costs.resetMs);
  if (o.acquireTimeout === 0) return Math.min(a, o.maxSize);
  if (o.acquireTimeout === null) return o.maxSize + (waitingSystem(load.arrivalsPerSecond, load.holdMs, o.maxSize)?.meanQueue ?? Number.POSITIVE_INFINITY);
  // Overloaded, everybody beyond the pool waits out the timeout.
  return o.maxSize + (a > o.maxSize ? perMs * o.acquireTimeout : perMs * Math.min(o.acquireTimeout, load.holdMs * 10));
}

/** Measured speed of this engine on a 2-core laptop-class machine, arrivals per second (bench). */
export const NOMINAL_ARRIVALS_PER_SECOND = 300_000;

/** Estimated real seconds a run takes, at a given engine speed. */
export function estimateSeconds(scenario: LoadScenario, arrivalsPerSecond = NOMINAL_ARRIVALS_PER_SECOND): number {
  const o = resolvedOptions(scenario.options);
  // Every non-zero cost is one more timer per caller.
  const extra = [o.costs.reuseMs, o.costs.validateMs, o.costs.resetMs].filter((ms) => ms > 0).length;
  return (scenario.load.arrivals * (1 + 0.3 * extra)) / arrivalsPerSecond;
}

// ── theory ──────────────────────────────────────────────────────────────────────────────────

export interface LoadFigures {
  readonly refused: number;
  readonly timedOut: number;
  readonly waited: number;
  readonly meanWaitMs: number;
  readonly p95WaitMs: number;
  readonly utilization: number;
}

export interface LoadTheory extends LoadFigures {
  /**
   * Which closed form: "erlang-b" (M/G/c/c, refuse at once), "erlang-c" (M/M/c, wait forever) or
   * "mmc-patience" (M/M/c+D, wait up to acquireTimeout then give up).
   */
  readonly formula: TheoryFigures['formula'];
  /** Expected number served out of the run's arrivals. */
  readonly served: number;
  /** Offered load a = λ·h, in Erlangs. */
  readonly offeredLoad: number;
  /** True when the run is the system the formula describes; otherwise see `notes`. */
  readonly textbook: boolean;
}

export interface TheoryVerdict {
  readonly theory: LoadTheory | null;
  /** Why the run is not the textbook system, or why no formula applies: lessons, not errors. */
  readonly notes: readonly string[];
}

/** Which closed form fits this load, and how far the run is from the system it describes. */
export function theoryFor(scenario: LoadScenario): TheoryVerdict {
  const { load, options } = scenario;
  const o = resolvedOptions(options);
  const notes: string[] = [];
  const fixes = options.fixes ?? {};
  if (fixes.maxSize === false) notes.push('The maxSize fix is off: the pool never refuses, it creates without bound — no queueing formula describes it.');
  if (o.minSize < o.maxSize) {
    notes.push(
      `The pool starts with ${o.minSize} of ${o.maxSize} objects and creates the rest on demand (${o.costs.createMs[0]}–${o.costs.createMs[1]} ms each): ` +
        'early callers wait for creation instead of finding the shelf ready. The textbook pool is pre-filled (minSize = maxSize).',
    );
  }
  const away: string[] = [];
  if (o.costs.reuseMs > 0) away.push(`handing over ${fmt(o.costs.reuseMs)} ms`);
  if (o.costs.validateMs > 0 && fixes.validate !== false) away.push(`validating ${fmt(o.costs.validateMs)} ms`);
  if (o.costs.resetMs > 0 && fixes.reset !== false) away.push(`resetting ${fmt(o.costs.resetMs)} ms per statement`);
  if (away.length > 0) {
    notes.push(
      `Costs keep each object away from the shelf longer than the caller holds it (${away.join(', ')}): the pool behaves as if holds were longer, ` +
        'so more callers are refused or wait than the formula says. Set reuseMs, validateMs and resetMs to 0 for the textbook system.',
    );
  }
  if (options.idleTimeout != null || options.maxLifetime != null) {
    notes.push('Objects retire (idleTimeout / maxLifetime) and must be re-created: the textbook pool keeps its objects forever.');
  }
  const textbook = notes.length === 0;
  const c = o.maxSize;
  if (fixes.maxSize === false) return { theory: null, notes };
  let figures: TheoryFigures | null = null;
  if (o.acquireTimeout === 0) {
    figures = lossSystem(load.arrivalsPerSecond, load.holdMs, c);
    if (load.hold === 'fixed') notes.push('Holds are fixed, not exponential: Erlang B still applies — the refusal rate depends only on the mean hold (insensitivity).');
  } else if (o.acquireTimeout === null) {
    if (load.hold === 'exponential') figures = waitingSystem(load.arrivalsPerSecond, load.holdMs, c);
    else notes.push('Fixed holds with waiting callers form M/D/c, which has no simple closed form; Erlang C (exponential holds) would overstate the waits.');
  } else if (load.hold === 'exponential') {
    figures = impatientSystem(load.arrivalsPerSecond, load.holdMs, c, o.acquireTimeout);
    notes.push(
      `Callers wait up to ${fmt(o.acquireTimeout)} ms and then give up: the formula is M/M/c+D (a fixed patience), which lies between Erlang B (patience 0) and Erlang C (patience without end).`,
    );
  } else {
    const b = erlangB(offeredLoad(load.arrivalsPerSecond, load.holdMs), c);
    notes.push(
      `Callers wait up to ${fmt(o.acquireTimeout)} ms and then give up, and holds are fixed: no simple closed form applies. ` +
        `It lies between Erlang B (refuse at once: ${pct(b)} turned away) and a pool that waits forever.`,
    );
  }
  if (!figures) return { theory: null, notes };
  const theory: LoadTheory = {
    formula: figures.formula,
    served: load.arrivals * (1 - figures.refused),
    refused: figures.refused,
    timedOut: figures.timedOut,
    waited: figures.waited,
    meanWaitMs: figures.meanWaitMs,
    p95WaitMs: figures.p95WaitMs,
    utilization: figures.utilization,
    offeredLoad: figures.offered,
    textbook,
  };
  return { theory, notes };
}

const fmt = (x: number): string => (Number.isInteger(x) ? String(x) : x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(2) : x.toPrecision(2));
const pct = (x: number): string => `${(x * 100).toFixed(2)} %`;

// ── the run ─────────────────────────────────────────────────────────────────────────────────

export type Interval = readonly [number, number];

export interface LoadOutput extends LoadFigures {
  readonly arrivals: number;
  readonly served: number;
  readonly theory: LoadTheory | null;
  /** 95 % confidence intervals from batch means. */
  readonly ci: { readonly refused: Interval; readonly timedOut: Interval; readonly waited: Interval; readonly meanWaitMs: Interval; readonly utilization: Interval };
  readonly notes: readonly string[];
  /** Virtual ms from the first arrival to the last. */
  readonly spanMs: number;
  /** Engine events run (the same count a recorded run stores). */
  readonly events: number;
  /** Little's law on this run: time-average number waiting vs arrival rate × mean wait. */
  readonly little: { readonly queue: number; readonly rateTimesWait: number; readonly borrowed: number; readonly rateTimesHold: number };
  /** Waits of the callers who waited at all, for a histogram. */
  readonly histogram: WaitHistogram;
  /** Objects the pool created during the run (pre-filled ones included). */
  readonly created: number;
}

export interface WaitHistogram {
  /** Callers who waited no time at all (served at once, or refused at once). */
  readonly zero: number;
  readonly binMs: number;
  readonly counts: readonly number[];
  /** Waits beyond the last bin. */
  readonly over: number;
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

/** Salts that split one seed into independent streams. */
const ARRIVAL_SALT = 0x51ed270b;
const HOLD_SALT = 0x2c1b3c6d;

/** Exponential draw with the given mean. `1 - u` is in (0, 1], so the log is finite. */
const exponential = (rng: Rng, mean: number): number => -Math.log(1 - rng.next()) * mean;

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
  const o = resolvedOptions(scenario.options);
  const record = options.record ?? false;
  const rt = new Runtime({ seed: scenario.seed, costs: o.costs, record, maxSize: info.bound(scenario.options) });
  const pool: RunnablePool = info.make(rt, scenario.options);
  const sim = rt.sim;
  rt.poolState = () => ({ available: pool.shelf(), inUse: counterOf(pool), closed: closedOf(pool), waiting: waitingOf(pool) });

  const arrivalRng = createRng((scenario.seed ^ ARRIVAL_SALT) >>> 0);
  const holdRng = createRng((scenario.seed ^ HOLD_SALT) >>> 0);
  const meanGapMs = 1000 / load.arrivalsPerSecond;
  const total = load.arrivals;
  const batchSize = Math.max(1, Math.ceil(total / BATCHES));
  const batches: Batch[] = [];
  const newBatch = (start: number): Batch => ({ arrivals: 0, refused: 0, timedOut: 0, waited: 0, waitSum: 0, borrowedArea: 0, start, end: start });

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
          if (!sim.step()) {
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

/** Mean and 95 % half-width of batch estimates (Student's t with BATCHES − 1 degrees of freedom). */
export function batchInterval(values: readonly number[]): Interval {
  const k = values.length;
  if (k === 0) return [0, 0];
  const mean = values.reduce((s, x) => s + x, 0) / k;
  if (k < 2) return [mean, mean];
  const variance = values.reduce((s, x) => s + (x - mean) ** 2, 0) / (k - 1);
  const t = k === BATCHES ? T_975_19 : 2;
  const half = t * Math.sqrt(variance / k);
  return [mean - half, mean + half];
}

/** The q-quantile of all waits (the zeros counted), by selection on the non-zero ones. */
function percentile(waits: Float64Array, n: number, zeros: number, q: number): number {
  const total = n + zeros;
  if (total === 0) return 0;
  const rank = Math.ceil(q * total) - 1; // 0-based rank among all waits, ascending
  if (rank < zeros) return 0;
  return select(waits.subarray(0, n), rank - zeros);
}

/** k-th smallest (0-based) of a typed array, in place (Hoare's quickselect). */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

const HISTOGRAM_BINS = 30;

function histogramOf(waits: Float64Array, n: number, zeros: number): WaitHistogram {
  if (n === 0) return { zero: zeros, binMs: 1, counts: new Array<number>(HISTOGRAM_BINS).fill(0), over: 0 };
  // Cover up to the 99th percentile of the non-zero waits, in round bins.
  const top = select(waits.subarray(0, n), Math.min(n - 1, Math.floor(0.99 * n)));
  const binMs = niceStep(Math.max(top, 1e-9) / HISTOGRAM_BINS);
  const counts = new Array<number>(HISTOGRAM_BINS).fill(0);
  let over = 0;
  for (let i = 0; i < n; i++) {
    const bin = Math.floor(waits[i]! / binMs);
    if (bin < HISTOGRAM_BINS) counts[bin]!++;
    else over++;
  }
  return { zero: zeros, binMs, counts, over };
}

/** 1, 2 or 5 times a power of ten, at least x. */
export function niceStep(x: number): number {
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 5, 10]) if (m * p >= x) return m * p;
  return 10 * p;
}

// ── why pool at all ─────────────────────────────────────────────────────────────────────────

/** The same callers served without a pool: each opens a fresh connection, uses it, closes it. */
export interface FreshOutput {
  readonly arrivals: number;
  /** Mean time a caller waits before it can start work (opening its connection). */
  readonly meanWaitMs: number;
  readonly p95WaitMs: number;
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
  const o = resolvedOptions(scenario.options);
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
  const done = (r: { value: unknown } | { error: unknown }): void => {
    if ('error' in r) throw r.error;
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
    while (sim.step()) {
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
    throughputPerSecond: lastFinishT > 0 ? (total / lastFinishT) * 1000 : 0,
    created: rt.objects.length,
    peakOpen,
    meanOpen: span > 0 ? openArea / span : 0,
    createMsTotal: createSum,
  };
}
