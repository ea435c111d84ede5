/**
 * Work units: one measure of how much a run costs, for every kind of input, so that one limit can
 * keep every run to about the same real time.
 *
 * A run's work is counted in what the engine does: events emitted, timers fired, coroutines
 * started, and errors thrown across coroutines (a refusal or a timeout unwinds the caller's stack).
 * Each has a weight in units, measured: `npm run calibrate` times a set of runs of every shape on
 * this machine, fits the weights, and prints how many units a second the engine does (see the
 * README's "Work limit"). A scenario run costs more per event than a load run, because the
 * monitor and the step records read every event there (a load run only counts them).
 */

/** What a run does, counted (a measured run) or expected (an estimate). */
export interface WorkCounts {
  readonly events: number;
  readonly timers: number;
  readonly tasks: number;
  readonly throws: number;
  /**
   * Objects looked at one by one: a scenario run counts the open objects at every step's end and
   * at every creation, so a file that makes many objects pays for each of them again and again.
   */
  readonly scans: number;
}

/** The kind of run: a load run (nothing watches its events) or a scenario run (the monitor does). */
export type RunKind = 'load' | 'scenario';

/** Units per thing done, by kind of run (fitted by `npm run calibrate`, rounded). A timer is 1. */
export const WEIGHTS: Readonly<Record<RunKind, WorkCounts>> = {
  load: { events: 0.3, timers: 1, tasks: 0.5, throws: 6, scans: 0 },
  scenario: { events: 3, timers: 1, tasks: 0.5, throws: 6, scans: 0.02 },
};

/**
 * Many callers alive at once make each thing cost more (their coroutines no longer fit the
 * processor's caches, and the garbage collector has more to walk): work is multiplied by
 * 1 + LIVE_WEIGHT × log10(1 + callers alive) — 1.2 for a few, 2 for a thousand, 3 for 100,000.
 */
export const LIVE_WEIGHT = 0.4;

/**
 * Units the engine does per processor second on the 2-core machine the figures were measured on:
 * the median over the calibration set (`npm run calibrate`), 1.79 million in the quieter of two
 * sittings (load average 5; the other, at load average 20, measured 1.53 million), rounded.
 */
export const UNITS_PER_SECOND = 1_800_000;

/**
 * The most work a run may do: 30 s of processor time at that speed. A run estimated above it is
 * refused before it starts.
 */
export const WORK_LIMIT = 30 * UNITS_PER_SECOND;

/** Units for what a run does; `live`: callers alive at once (load runs). */
export function unitsOf(counts: WorkCounts, kind: RunKind, live = 0): number {
  const w = WEIGHTS[kind];
  const each =
    counts.events * w.events +
    counts.timers * w.timers +
    counts.tasks * w.tasks +
    counts.throws * w.throws +
    counts.scans * w.scans;
  return each * (1 + LIVE_WEIGHT * Math.log10(1 + Math.max(0, live)));
}
