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
 *   the load to the last arrival (callers' hold time only);
 * - `awayFromShelf`: the same over every place away from the shelf — lent, being created, handed
 *   over, validated or reset. With costs on this is the pool's real load, not `utilization`.
 * - `tail`: for each time asked for (`tailMs`), the share of callers who waited longer — the
 *   measure behind a p95 or p99 target (p95 ≤ T exactly when at most 5 % wait longer than T).
 * A 95 % confidence interval for each comes from batch means with batches as long as the run's own
 * autocorrelation needs (intervals.ts); tally.ts does the counting.
 */
import { boundOf, levelInfo, type RunnablePool } from '../levels';
import { ARRIVAL_SALT, exponential, HOLD_SALT, loadProblems, loadOptions, type LoadScenario } from './spec';
import { Tally, type TallyFigures } from './tally';
import { theoryFor, type LoadTheory } from './theory';
import type { LoadFigures } from './queueing';
import { createRng, delay, PoolError, PoolExhausted, ScenarioError, type Op, type Task } from '../core';
import { Runtime, type Pooled } from '../world';

export interface LoadOutput extends LoadFigures, TallyFigures {
  readonly theory: LoadTheory | null;
  readonly notes: readonly string[];
  /** Engine events run (the same count a recorded run stores). */
  readonly events: number;
  /** Objects the pool created during the run (pre-filled ones included). */
  readonly created: number;
  /**
   * The load these callers actually brought — a finite run's arrivals and holds are never exactly
   * the rates asked for — and the formula at that load: most of a run's gap from the formula.
   */
  readonly realized: {
    /** Offered load relative to the one asked for: 0.011 is 1.1 % more. */
    readonly excess: number;
    readonly theory: LoadTheory | null;
  };
  /** With a fix switched off: what went wrong, counted (present only then; see LoadFaults). */
  readonly faults?: LoadFaults;
}

/**
 * What a pool with a fix switched off does wrong under load, counted as the run goes (load runs
 * record no events): `lentTwice` — a caller was handed an object another caller still held;
 * `releasesRefused` — the pool refused a caller's release (the object was not on its ledger,
 * because another caller's release had already ended the loan).
 */
export interface LoadFaults {
  readonly lentTwice: number;
  readonly releasesRefused: number;
}

export interface LoadRunOptions {
  /** Keep every event with a world snapshot, as the lab's timeline does (small runs only). */
  readonly record?: boolean;
  /** Waits (ms) whose tail to measure: the share of callers waiting longer than each. */
  readonly tailMs?: readonly number[];
  /**
   * Turn away at once, without calling the pool, a caller the pool would refuse before doing
   * anything (default true; false calls the pool every time — a check, for tests).
   */
  readonly refuseAtOnce?: boolean;
}

/**
 * A load run that can be advanced in slices (so a worker can report progress and stop between
 * them). A slice is a number of engine steps (timers fired), never "until the next arrival": once
 * every caller has arrived, the ones still queued can take most of the run, and a slice must still
 * end so that the worker can hear Cancel.
 */
export interface LoadRun {
  /** Run at most `steps` more engine steps (at least one); true when everything is done. */
  advance(steps: number): boolean;
  /** Callers who have arrived so far. */
  readonly arrived: number;
  /** Callers who are through: served and gone, refused or given up. */
  readonly finished: number;
  readonly total: number;
  /** Engine steps run so far. */
  readonly steps: number;
  readonly done: boolean;
  /** The figures; call once `advance` has returned true. */
  result(): LoadOutput;
  /** The runtime (for tests that compare a recorded run with a batch run). */
  readonly runtime: Runtime;
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
  rt.inUse = () => counterOf(pool);
  rt.poolState = () => ({
    available: pool.shelf(),
    inUse: rt.inUse(),
    closed: closedOf(pool),
    waiting: waitingOf(pool),
  });

  const arrivalRng = createRng((scenario.seed ^ ARRIVAL_SALT) >>> 0);
  const holdRng = createRng((scenario.seed ^ HOLD_SALT) >>> 0);
  const meanGapMs = 1000 / load.arrivalsPerSecond;
  const total = load.arrivals;
  const tally = new Tally(total, o.maxSize, options.tailMs ?? []);

  // Only a pool with a fix off can go wrong this way; counting costs a lookup per caller, so a
  // pool with every fix on skips it.
  const faulty = Object.values(o.fixes).some((on) => !on);
  const faults = { lentTwice: 0, releasesRefused: 0 };
  const holders = new Map<Pooled, number>();

  let arrived = 0;
  let finished = 0;
  let steps = 0;
  let started = false;

  function* caller(i: number, holdMs: number): Op<void> {
    const began = sim.now;
    // Whether the pool parked the caller in its queue: the task says (a caller acquires once).
    const task = sim.current!;
    tally.enter(sim.now);
    let obj: Pooled;
    try {
      obj = yield* pool.acquire();
    } catch (error) {
      tally.leave(i, sim.now, sim.now - began, task.parked, refusalKind(error));
      return;
    }
    // Handing over an object from the shelf takes a moment, as in every scenario run.
    const fresh = obj.lends === 0;
    obj.lends++;
    if (faulty) {
      const others = holders.get(obj) ?? 0;
      if (others > 0) faults.lentTwice++;
      holders.set(obj, others + 1);
    }
    if (!fresh && o.costs.reuseMs > 0) yield* delay(o.costs.reuseMs);
    tally.leave(i, sim.now, sim.now - began, task.parked, 'served');
    tally.hold(holdMs);
    if (holdMs > 0) yield* delay(holdMs);
    tally.giveBack(sim.now);
    if (!faulty) {
      yield* pool.release(obj);
      return;
    }
    const others = holders.get(obj)! - 1;
    if (others > 0) holders.set(obj, others);
    else holders.delete(obj);
    try {
      yield* pool.release(obj);
    } catch (error) {
      // Refused (another caller's release ended this loan): counted, and the caller goes on.
      if (!(error instanceof PoolError && error.kind === 'not-borrowed')) throw error;
      faults.releasesRefused++;
    }
  }

  const onCallerDone = (_task: Task, failed: boolean, error: unknown): void => {
    if (failed) throw error;
    finished++;
  };

  // The production pool's `acquire` with acquireTimeout 0, full and with nothing on the shelf,
  // throws before it does anything else (`@step acquire.refuse`): no event, no timer, no change.
  // A batch run turns such a caller away itself, as the pool would — a thrown error unwinding
  // through the caller's generators costs as much as a few callers served. The same figures either
  // way (load/refuse.test.ts runs both).
  const production = pool as unknown as { total?: unknown; closed?: unknown; inUseCount?: unknown };
  const mayRefuseAtOnce =
    !record &&
    options.refuseAtOnce !== false &&
    info.id === 'production' &&
    o.fixes.maxSize &&
    o.fixes.timeout &&
    o.acquireTimeout === 0;
  const refusesAtOnce = (): boolean =>
    production.closed === false &&
    (production.total as number) >= o.maxSize &&
    production.inUseCount === production.total;

  function arrive(): void {
    const i = arrived++;
    tally.arrive(i, sim.now);
    const holdMs = load.hold === 'fixed' ? load.holdMs : exponential(holdRng, load.holdMs);
    if (arrived < total) sim.at(sim.now + exponential(arrivalRng, meanGapMs), arrive);
    if (mayRefuseAtOnce && refusesAtOnce()) {
      // A caller that starts and is turned away at once, as `caller` would note it.
      sim.noteTask();
      tally.enter(sim.now);
      tally.leave(i, sim.now, 0, false, 'refused');
      finished++;
      return;
    }
    sim.spawn(record ? `C${i + 1}` : null, caller(i, holdMs), onCallerDone);
  }

  // Start-up: the pool's own filling, then the first caller after one random gap.
  sim.spawn(null, pool.init(), (_task, failed, error) => {
    if (failed) throw error;
    started = true;
    tally.start(sim.now);
    sim.at(sim.now + exponential(arrivalRng, meanGapMs), arrive);
  });

  const isDone = () => started && arrived >= total && finished >= total;

  const run: LoadRun = {
    get arrived() {
      return arrived;
    },
    get finished() {
      return finished;
    },
    get steps() {
      return steps;
    },
    total,
    get done() {
      return isDone();
    },
    runtime: rt,
    advance(count: number): boolean {
      const until = steps + Math.max(1, count);
      // A refusal is thrown as an error, and V8 records a stack trace for each: at a million
      // callers that is most of the run's time, and nobody reads them. Batch runs skip them.
      const limit = Error.stackTraceLimit;
      if (!record) Error.stackTraceLimit = 0;
      try {
        while (!isDone()) {
          if (steps >= until) return false;
          if (!sim.tick()) throw new Error('the load run stalled: callers are left with nothing to wake them');
          steps++;
          tally.away(sim.now, counterOf(pool) ?? 0);
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
    const verdict = theoryFor(scenario);
    const figures = tally.figures();
    const { arrivalsPerSecond, meanHoldMs } = figures.little;
    const brought = arrivalsPerSecond > 0 && meanHoldMs > 0;
    const realized = brought
      ? theoryFor({ ...scenario, load: { ...load, arrivalsPerSecond, holdMs: meanHoldMs } }).theory
      : null;
    return {
      ...figures,
      theory: verdict.theory,
      notes: verdict.notes,
      events: rt.eventCount,
      created: rt.objects.length,
      realized: {
        excess: brought ? (arrivalsPerSecond * meanHoldMs) / (load.arrivalsPerSecond * load.holdMs) - 1 : 0,
        theory: realized,
      },
      ...(faulty ? { faults: { ...faults } } : {}),
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
