/**
 * One record per scenario step: when it may start, how it went, and the pool as it stood when it
 * finished — what the CLI prints for it.
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

/** A step while the run goes on: its report so far, and what the scheduler keeps about it. */
export interface StepRun {
  readonly index: number;
  readonly step: Step;
  /** The same client's step before it in the file, or -1. */
  readonly previousOwn: number;
  started: boolean;
  finished: boolean;
  /** Production level: an acquire that is queued counts as finished for the next step in the file. */
  queued: boolean;
  /** A timer is set to start it at its `at`. */
  atTimerSet: boolean;
  startedAt: number | null;
  endedAt: number | null;
  outcome: StepOutcome;
  available: readonly number[];
  inUse: number | null;
  waiting: number | null;
  open: number;
  /** Shared and frozen while empty (most steps have none): add with `noteWarning`. */
  warnings: readonly WarningKind[];
  /** When its client joined the queue (null when not in it), and its time queued so far. */
  queuedSince: number | null;
  waitedMs: number | null;
}

// What a step has before it runs, shared by every step (frozen: replaced, never changed in place).
const NOT_YET: StepOutcome = Object.freeze({});
const NO_IDS: readonly number[] = Object.freeze([]);
const NO_WARNINGS: readonly WarningKind[] = Object.freeze([]);

/** A warning that belongs to this step. */
export function noteWarning(run: StepRun, warning: WarningKind): void {
  run.warnings = run.warnings === NO_WARNINGS ? [warning] : [...run.warnings, warning];
}

export function stepRuns(steps: readonly Step[]): StepRun[] {
  const lastOf = new Map<string, number>();
  return steps.map((step, index) => {
    let previousOwn = -1;
    if (step.client !== undefined) {
      previousOwn = lastOf.get(step.client) ?? -1;
      lastOf.set(step.client, index);
    }
    return stepRun(step, index, previousOwn);
  });
}

/** Step `index`'s record before it runs; `previousOwn` is its client's step before it, or -1. */
export function stepRun(step: Step, index: number, previousOwn: number): StepRun {
  return {
    index,
    step,
    previousOwn,
    started: false,
    finished: false,
    queued: false,
    atTimerSet: false,
    startedAt: null,
    endedAt: null,
    outcome: NOT_YET,
    available: NO_IDS,
    inUse: null,
    waiting: null,
    open: 0,
    warnings: NO_WARNINGS,
    queuedSince: null,
    waitedMs: null,
  };
}

/** Step `run`'s report: `before` itself when nothing in it changed since (a run that grows reports again and again). */
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
  return reportOfStep(run);
}

export function reportOfStep(run: StepRun): StepReport {
  const { index, step, startedAt, endedAt, outcome, available, inUse, waiting, open, warnings } = run;
  return { index, step, startedAt, endedAt, outcome, available, inUse, waiting, open, warnings };
}
