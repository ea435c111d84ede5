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
export function widened<A extends Int32Array | Uint8Array | Float64Array>(from: A, into: A): A {
  into.set(from);
  return into;
}

// What a step has before it runs, shared by every step (frozen: replaced, never changed in place).
const NOT_YET: StepOutcome = Object.freeze({});
const NO_IDS: readonly number[] = Object.freeze([]);
const NO_WARNINGS: readonly WarningKind[] = Object.freeze([]);

/**
 * The steps' reports while the run goes on, written in place: a typed column per number (NaN where
 * the report says null) and a list per shared value (an outcome, a shelf, a list of warnings). A
 * step's report, an object, is made from them when the run reports. A long run keeps no object per
 * step while it runs: 64,000 of them, made at the start and kept to the end, were copied by the
 * collector twice each, and each time written to they were noted again (old objects pointing at
 * new ones) — a third of the time of a run that records no events.
 */
export class StepReports {
  private list: readonly Step[];
  /** `list` is this table's own array (appended to), not the scenario's. */
  private ownList = false;
  startedAt: Float64Array;
  endedAt: Float64Array;
  inUse: Float64Array;
  /** Queued acquires when the step finished (production level; NaN elsewhere). */
  waiting: Float64Array;
  open: Int32Array;
  readonly outcome: StepOutcome[];
  readonly available: (readonly number[])[];
  readonly warnings: (readonly WarningKind[])[];

  constructor(steps: readonly Step[]) {
    const n = steps.length;
    this.list = steps;
    this.startedAt = new Float64Array(n).fill(NaN);
    this.endedAt = new Float64Array(n).fill(NaN);
    this.inUse = new Float64Array(n).fill(NaN);
    this.waiting = new Float64Array(n).fill(NaN);
    this.open = new Int32Array(n);
    this.outcome = new Array<StepOutcome>(n).fill(NOT_YET);
    this.available = new Array<readonly number[]>(n).fill(NO_IDS);
    this.warnings = new Array<readonly WarningKind[]>(n).fill(NO_WARNINGS);
  }

  get length(): number {
    return this.list.length;
  }

  /** The steps, in file order: the scenario's own array until a step is added, then this table's (grown in place). */
  get steps(): readonly Step[] {
    return this.list;
  }

  /** Step i as the scenario gives it. */
  step(i: number): Step {
    return this.list[i]!;
  }

  /** One step more, at the end, not yet run. */
  add(step: Step): void {
    if (!this.ownList) {
      this.list = this.list.slice();
      this.ownList = true;
    }
    const i = this.list.length;
    (this.list as Step[]).push(step);
    if (i === this.open.length) {
      const room = Math.max(8, 2 * i);
      this.startedAt = widened(this.startedAt, new Float64Array(room).fill(NaN));
      this.endedAt = widened(this.endedAt, new Float64Array(room).fill(NaN));
      this.inUse = widened(this.inUse, new Float64Array(room).fill(NaN));
      this.waiting = widened(this.waiting, new Float64Array(room).fill(NaN));
      this.open = widened(this.open, new Int32Array(room));
    }
    this.outcome.push(NOT_YET);
    this.available.push(NO_IDS);
    this.warnings.push(NO_WARNINGS);
  }

  /** A warning that belongs to step i. */
  warn(i: number, warning: WarningKind): void {
    this.warnings[i] = warningsWith(this.warnings[i]!, warning);
  }

  /** Step i's report as it stands. */
  report(i: number): StepReport {
    return new Report(
      i,
      this.list[i]!,
      orNull(this.startedAt[i]!),
      orNull(this.endedAt[i]!),
      this.outcome[i]!,
      this.available[i]!,
      orNull(this.inUse[i]!),
      orNull(this.waiting[i]!),
      this.open[i]!,
      this.warnings[i]!,
    );
  }

  /** Every step's report, in order. */
  reports(): StepReport[] {
    const n = this.list.length;
    const all = new Array<StepReport>(n);
    for (let i = 0; i < n; i++) all[i] = this.report(i);
    return all;
  }

  /** Step i's report: `before` itself when nothing in it changed since (a run that grows reports again and again). */
  reportAgain(i: number, before: StepReport | undefined): StepReport {
    if (
      before !== undefined &&
      before.startedAt === orNull(this.startedAt[i]!) &&
      before.endedAt === orNull(this.endedAt[i]!) &&
      before.outcome === this.outcome[i] &&
      before.available === this.available[i] &&
      before.inUse === orNull(this.inUse[i]!) &&
      before.waiting === orNull(this.waiting[i]!) &&
      before.open === this.open[i] &&
      before.warnings === this.warnings[i]
    )
      return before;
    return this.report(i);
  }
}

/** A column's number, or null where it holds NaN (none). */
const orNull = (value: number): number | null => (value === value ? value : null);

/**
 * Each list of warnings a step has come to, made once, by the list before and the warning added: a
 * run warns of the same things at step after step (Level 1: a dirty book at every borrow), and
 * every step's report keeps its list to the end of the run.
 */
const warningLists = new Map<readonly WarningKind[], Map<WarningKind, readonly WarningKind[]>>();

function warningsWith(before: readonly WarningKind[], warning: WarningKind): readonly WarningKind[] {
  let after = warningLists.get(before);
  if (after === undefined) warningLists.set(before, (after = new Map()));
  let list = after.get(warning);
  if (list === undefined) after.set(warning, (list = Object.freeze([...before, warning])));
  return list;
}

/**
 * The steps' reports before they run, what the scheduler keeps about each, and per client its last
 * step and its number of steps. (Every loop over a long file is in small functions like this one,
 * not in the runner's own: V8 compiles a function again for a loop it meets inside, and the
 * runner's, met once per run, would be compiled again at every run.)
 */
export function stepRuns(steps: readonly Step[]): {
  reports: StepReports;
  progress: StepProgress;
  lastOf: Map<string, number>;
  counts: Map<string, number>;
} {
  const progress = new StepProgress(steps.length);
  const lastOf = new Map<string, number>();
  const counts = new Map<string, number>();
  for (let index = 0; index < steps.length; index++) {
    const client = steps[index]!.client;
    if (client !== undefined) {
      progress.previousOwn[index] = lastOf.get(client) ?? -1;
      lastOf.set(client, index);
      counts.set(client, (counts.get(client) ?? 0) + 1);
    }
  }
  return { reports: new StepReports(steps), progress, lastOf, counts };
}

/**
 * A step's report, made with `new` rather than as a literal: V8 makes many objects of a class
 * several times faster (side by side, 64,000 of them: a median of 6 ms against 29). Its fields are
 * the report's, in its order.
 */
class Report implements StepReport {
  constructor(
    readonly index: number,
    readonly step: Step,
    readonly startedAt: number | null,
    readonly endedAt: number | null,
    readonly outcome: StepOutcome,
    readonly available: readonly number[],
    readonly inUse: number | null,
    readonly waiting: number | null,
    readonly open: number,
    readonly warnings: readonly WarningKind[],
  ) {}
}
