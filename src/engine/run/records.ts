/**
 * One record per scenario step, how it went and the pool as it stood when it finished — what the
 * CLI prints for it — and, beside the records, what the scheduler keeps about when each may start.
 */
import type { Step, StepOutcome, WarningKind } from '../types';

/** A step's line of the run, as the CLI and the lab read it. */
export interface StepReport {
  readonly index: number;
  readonly step: Step;
  readonly startedAt: number | null;
  readonly endedAt: number | null;
  readonly outcome: StepOutcome;
  readonly available: readonly number[];
  readonly inUse: number | null;
  /** Queued acquires when the step finished (production level; null elsewhere). */
  readonly waiting: number | null;
  /** Objects created and not yet closed when the step finished. */
  readonly open: number;
  readonly warnings: readonly WarningKind[];
}

/**
 * A step's report while the run goes on, written in place. A run that will not grow hands these
 * over as its reports, rather than copying every one at the end.
 */
export type StepRun = { -readonly [K in keyof StepReport]: StepReport[K] };

/**
 * What the scheduler and the queue watch keep about each step beyond its report, by the step's
 * index: one typed column per fact (one block of memory each, which the collector never copies or
 * scans), grown by doubling when a step is appended. Read them through `progress` each time: growing
 * replaces a column.
 */
export class StepProgress {
  /** The same client's step before it in the file, or -1. */
  previousOwn: Int32Array;
  /** 1 once started. */
  started: Uint8Array;
  /** 1 once finished. */
  finished: Uint8Array;
  /** Production level: an acquire that is queued counts as finished for the next step in the file (1). */
  queued: Uint8Array;
  /** 1 once a timer is set to start it at its `at`. */
  atTimerSet: Uint8Array;
  /** Steps whose client is in the queue now: since when. */
  readonly queuedSince = new Map<number, number>();
  /** Steps whose client joined the queue: their time queued so far. */
  readonly waitedMs = new Map<number, number>();
  private length: number;

  /** For `n` steps; each client's step before each is set with `previousOwn`. */
  constructor(n: number) {
    this.length = n;
    this.previousOwn = new Int32Array(n).fill(-1);
    this.started = new Uint8Array(n);
    this.finished = new Uint8Array(n);
    this.queued = new Uint8Array(n);
    this.atTimerSet = new Uint8Array(n);
  }

  /** One step more, at the end; `previousOwn` is its client's step before it, or -1. */
  add(previousOwn: number): void {
    const i = this.length++;
    if (i === this.previousOwn.length) {
      const room = Math.max(8, 2 * i);
      this.previousOwn = widened(this.previousOwn, new Int32Array(room).fill(-1));
      this.started = widened(this.started, new Uint8Array(room));
      this.finished = widened(this.finished, new Uint8Array(room));
      this.queued = widened(this.queued, new Uint8Array(room));
      this.atTimerSet = widened(this.atTimerSet, new Uint8Array(room));
    }
    this.previousOwn[i] = previousOwn;
  }
}

/** `into`, a longer column, with `from`'s values at its start. */
export function widened<A extends Int32Array | Uint8Array>(from: A, into: A): A {
  into.set(from);
  return into;
}

// What a step has before it runs, shared by every step (frozen: replaced, never changed in place).
const NOT_YET: StepOutcome = Object.freeze({});
const NO_IDS: readonly number[] = Object.freeze([]);
const NO_WARNINGS: readonly WarningKind[] = Object.freeze([]);

/**
 * Each list of warnings a step has come to, made once, by the list before and the warning added: a
 * run warns of the same things at step after step (Level 1: a dirty book at every borrow), and
 * every step's report keeps its list to the end of the run.
 */
const warningLists = new Map<readonly WarningKind[], Map<WarningKind, readonly WarningKind[]>>();

/** A warning that belongs to this step. */
export function noteWarning(run: StepRun, warning: WarningKind): void {
  const before = run.warnings;
  let after = warningLists.get(before);
  if (after === undefined) warningLists.set(before, (after = new Map()));
  let list = after.get(warning);
  if (list === undefined) after.set(warning, (list = Object.freeze([...before, warning])));
  run.warnings = list;
}

/**
 * The steps' reports before they run, what the scheduler keeps about each, and per client its last
 * step and its number of steps. (Every loop over a long file is in small functions like this one,
 * not in the runner's own: V8 compiles a function again for a loop it meets inside, and the
 * runner's, met once per run, would be compiled again at every run.)
 */
export function stepRuns(steps: readonly Step[]): {
  runs: StepRun[];
  progress: StepProgress;
  lastOf: Map<string, number>;
  counts: Map<string, number>;
} {
  const progress = new StepProgress(steps.length);
  const lastOf = new Map<string, number>();
  const counts = new Map<string, number>();
  const runs = new Array<StepRun>(steps.length); // made at its length: not grown 64,000 times
  for (let index = 0; index < steps.length; index++) {
    const step = steps[index]!;
    if (step.client !== undefined) {
      progress.previousOwn[index] = lastOf.get(step.client) ?? -1;
      lastOf.set(step.client, index);
      counts.set(step.client, (counts.get(step.client) ?? 0) + 1);
    }
    runs[index] = stepRun(step, index);
  }
  return { runs, progress, lastOf, counts };
}

/** Step `index`'s report before it runs. */
export function stepRun(step: Step, index: number): StepRun {
  return new StepRecord(step, index);
}

/**
 * A step's report, made with `new` rather than as a literal: a long run makes one per step up front
 * and keeps them all, and V8 makes many long-lived objects of a class several times faster (side by
 * side, 64,000 of them: a median of 6 ms against 29). Its fields are the report's, in its order.
 */
class StepRecord implements StepRun {
  index: number;
  step: Step;
  startedAt: number | null = null;
  endedAt: number | null = null;
  outcome: StepOutcome = NOT_YET;
  available: readonly number[] = NO_IDS;
  inUse: number | null = null;
  waiting: number | null = null;
  open = 0;
  warnings: readonly WarningKind[] = NO_WARNINGS;
  constructor(step: Step, index: number) {
    this.index = index;
    this.step = step;
  }
}

/** A copy of step `run`'s report: `before` itself when nothing in it changed since (a run that grows reports again and again). */
export function reportAgain(run: StepRun, before: StepReport | undefined): StepReport {
  if (
    before !== undefined &&
    before.startedAt === run.startedAt &&
    before.endedAt === run.endedAt &&
    before.outcome === run.outcome &&
    before.available === run.available &&
    before.inUse === run.inUse &&
    before.waiting === run.waiting &&
    before.open === run.open &&
    before.warnings === run.warnings
  )
    return before;
  return { ...run };
}
