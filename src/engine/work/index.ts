/**
 * Bounded work: one estimator, in work units (units.ts), for every input the lab runs — scenario
 * files, load files and the load lab's form — and one limit, so that whatever is accepted finishes
 * in about the same time, and whatever would not is refused before it starts, with the estimate
 * and what to lower.
 */
import type { LoadScenario } from '../load/scenarioTypes';
import type { Scenario } from '../types';
import { estimateLoadWork } from './load';
import { estimateScenarioWork } from './scenario';
import { UNITS_PER_SECOND, unitsOf, WORK_LIMIT, type RunKind, type WorkCounts } from './units';

export { LIVE_WEIGHT, UNITS_PER_SECOND, unitsOf, WEIGHTS, WORK_LIMIT } from './units';
export type { RunKind, WorkCounts } from './units';

export interface WorkEstimate {
  readonly kind: RunKind;
  /** What the run is expected to do (events, timers, tasks, throws). */
  readonly counts: WorkCounts;
  readonly units: number;
  /** Real seconds at the calibrated speed (the machine the limit was measured on). */
  readonly seconds: number;
  /** Load runs: callers alive at once, at most, roughly; and what keeps an object off the shelf. */
  readonly load: { readonly live: number; readonly busyMs: number; readonly offered: number } | null;
}

const estimate = (kind: RunKind, counts: WorkCounts, load: WorkEstimate['load']): WorkEstimate => {
  const units = unitsOf(counts, kind, load?.live ?? 0);
  return { kind, counts, units, seconds: units / UNITS_PER_SECOND, load };
};

/** The work of a load run (a load file, or the load lab's form). */
export function estimateLoad(scenario: LoadScenario): WorkEstimate {
  const { counts, live, busyMs, offered } = estimateLoadWork(scenario);
  return estimate('load', counts, { live, busyMs, offered });
}

/** The work of a scenario file's steps. */
export function estimateScenario(scenario: Scenario): WorkEstimate {
  return estimate('scenario', estimateScenarioWork(scenario), null);
}

/**
 * Why an input is too heavy to run, with its estimate and what to lower; null when it fits.
 * `size`: the count the work grows with, and its name in the input (arrivals, steps).
 */
export function workProblem(
  work: WorkEstimate,
  size: { readonly count: number; readonly name: string },
): string | null {
  if (work.units <= WORK_LIMIT) return null;
  const fits = Math.max(1, Math.floor((size.count * WORK_LIMIT) / work.units));
  return (
    `This run is too heavy for the lab: about ${millions(work.units)} units of work (about ${duration(work.seconds)} here), ` +
    `and the lab runs at most ${millions(WORK_LIMIT)} (about ${duration(WORK_LIMIT / UNITS_PER_SECOND)}). ` +
    `Lower ${size.name} from ${count(size.count)} to at most ${count(fits)}` +
    (work.load ? ', or what each caller costs (a shorter acquire timeout, fewer callers waiting)' : '') +
    '.'
  );
}

/** What a finished run did, counted as the estimate counts it (for the tests and the calibration). */
export function workDone(
  kind: RunKind,
  rt: { readonly eventCount: number; readonly sim: { readonly fired: number; readonly spawned: number } },
  throws: number,
  more: { readonly scans?: number; readonly live?: number } = {},
): { readonly counts: WorkCounts; readonly units: number } {
  const counts = { events: rt.eventCount, timers: rt.sim.fired, tasks: rt.sim.spawned, throws, scans: more.scans ?? 0 };
  return { counts, units: unitsOf(counts, kind, more.live ?? 0) };
}

const millions = (units: number): string => `${(units / 1e6).toPrecision(units >= 1e7 ? 3 : 2)} million`;
const count = (n: number): string => n.toLocaleString('en');

function duration(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}
