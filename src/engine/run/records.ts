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
 * index: one array per fact (the records stay what the CLI prints).
 */
export class StepProgress {
  /** The same client's step before it in the file, or -1. */
  readonly previousOwn: number[];
  readonly started: boolean[];
  readonly finished: boolean[];
  /** Production level: an acquire that is queued counts as finished for the next step in the file. */
  readonly queued: boolean[];
  /** A timer is set to start it at its `at`. */
  readonly atTimerSet: boolean[];
  /** When its client joined the queue (null when not in it), and its time queued so far. */
  readonly queuedSince: (number | null)[];
  readonly waitedMs: (number | null)[];

  /** For `n` steps; each client's step before each is set with `previousOwn`. */
  constructor(n: number) {
    // Made at their full length at once: a long run's arrays are then made once, not grown step by step.
    this.previousOwn = new Array<number>(n).fill(-1);
    this.started = new Array<boolean>(n).fill(false);
    this.finished = new Array<boolean>(n).fill(false);
    this.queued = new Array<boolean>(n).fill(false);
    this.atTimerSet = new Array<boolean>(n).fill(false);
    this.queuedSince = new Array<number | null>(n).fill(null);
    this.waitedMs = new Array<number | null>(n).fill(null);
  }

  /** One step more, at the end; `previousOwn` is its client's step before it, or -1. */
  add(previousOwn: number): void {
    this.previousOwn.push(previousOwn);
    this.started.push(false);
    this.finished.push(false);
    this.queued.push(false);
    this.atTimerSet.push(false);
    this.queuedSince.push(null);
    this.waitedMs.push(null);
  }
}

// What a step has before it runs, shared by every step (frozen: replaced, never changed in place).
const NOT_YET: StepOutcome = Object.freeze({});
const NO_IDS: readonly number[] = Object.freeze([]);
const NO_WARNINGS: readonly WarningKind[] = Object.freeze([]);

/** A warning that belongs to this step. */
export function noteWarning(run: StepRun, warning: WarningKind): void {
  run.warnings = run.warnings === NO_WARNINGS ? [warning] : [...run.warnings, warning];
}

/** The steps' reports before they run, and what the scheduler keeps about each. */
export function stepRuns(steps: readonly Step[]): { runs: StepRun[]; progress: StepProgress } {
  const progress = new StepProgress(steps.length);
  const lastOf = new Map<string, number>();
  const runs = steps.map((step, index) => {
    if (step.client !== undefined) {
      progress.previousOwn[index] = lastOf.get(step.client) ?? -1;
      lastOf.set(step.client, index);
    }
    return stepRun(step, index);
  });
  return { runs, progress };
}

/** Step `index`'s report before it runs. */
export function stepRun(step: Step, index: number): StepRun {
  return {
    index,
    step,
    startedAt: null,
    endedAt: null,
    outcome: NOT_YET,
    available: NO_IDS,
    inUse: null,
    waiting: null,
    open: 0,
    warnings: NO_WARNINGS,
  };
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
