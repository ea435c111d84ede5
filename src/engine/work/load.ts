/**
 * The work a load run will do, before it runs: how many engine events, timers, coroutines and
 * refusals its callers will cost, and how many callers will be alive at once (each holds a
 * coroutine, so that is its memory).
 *
 * Each caller takes one of a few paths through the production pool's code, and each path costs a
 * known number of events and timers (counted from the code below, and checked against real runs by
 * work.test.ts): served from the shelf, served after waiting in line, served by a new object,
 * refused at once, or given up after waiting. Which share of callers takes which path comes from
 * queueing theory — Erlang B, Erlang C, M/M/c+D — at the load the callers really bring: what keeps
 * an object away from the shelf is not only the hold but the hand-over (reuse), `SELECT 1`
 * (validate) and the two reset statements, so those count in the offered load too.
 */
import { erlangB, erlangC, impatientSystem } from '../load/queueing';
import type { LoadScenario } from '../load/scenarioTypes';
import { resolveOptions } from '../levels';
import type { ProductionOptions } from '../levels/production';
import { DEFAULT_COSTS, type Costs } from '../types';
import type { WorkCounts } from './units';

export interface LoadWork {
  readonly counts: WorkCounts;
  /** Callers alive at once, at most (waiting or holding), roughly. */
  readonly live: number;
  /** Virtual ms an object is away from the shelf per caller served: hold and every cost. */
  readonly busyMs: number;
  /** Objects kept busy on average by that (Erlangs, `a`). */
  readonly offered: number;
}

/** Shares of arrivals by the path they take (they add up to 1). */
interface Paths {
  readonly served: number;
  /** Of the served, the share that waited in line first. */
  readonly waitedThenServed: number;
  readonly refused: number;
  readonly timedOut: number;
}

export function estimateLoadWork(scenario: LoadScenario): LoadWork {
  const { load } = scenario;
  const o = resolveOptions('production', scenario.options) as ProductionOptions;
  const costs: Costs = { ...DEFAULT_COSTS, ...scenario.options.costs };
  const { fixes } = o;
  const n = load.arrivals;
  const perMs = load.arrivalsPerSecond / 1000;
  const validates = fixes.validate ? costs.validateMs : 0;
  const resets = fixes.reset ? 2 * costs.resetMs : 0;
  // Away from the shelf per caller: handed over, checked, held, cleaned.
  const busyMs = load.holdMs + costs.reuseMs + validates + resets;
  const offered = perMs * busyMs;
  const bounded = fixes.maxSize;
  const c = o.maxSize;
  // With the timeout fix off the pool never gives up on a caller: it waits, whatever the option says.
  const timeoutMs = fixes.timeout ? o.acquireTimeout : null;

  const paths = pathsOf(bounded, c, offered, perMs, busyMs, timeoutMs);
  const served = n * paths.served;
  // Objects made on demand: as many as the busiest moment needs (mean + 3 standard deviations).
  const peak = Math.ceil(offered + 3 * Math.sqrt(offered));
  const made = Math.min(served, Math.max(0, Math.min(bounded ? c : Number.POSITIVE_INFINITY, peak) - o.minSize));
  const reused = served - made;

  // Events: pop 1, SELECT 1 started/finished 2, ROLLBACK 2, DISCARD ALL 2, shelved or handed off 1;
  // a new object: creating/created 2 instead of the pop and the check.
  const cleanEvents = fixes.reset ? 4 : 0;
  const reuseEvents = 1 + (fixes.validate ? 2 : 0) + cleanEvents + 1;
  const madeEvents = 2 + cleanEvents + 1;
  // Timers that fire: the hold; the hand-over, the check and the two resets when they take time.
  const resetTimers = fixes.reset && costs.resetMs > 0 ? 2 : 0;
  const reuseTimers = 1 + (costs.reuseMs > 0 ? 1 : 0) + (validates > 0 ? 1 : 0) + resetTimers;
  const madeTimers = 1 + (costs.createMs[1] > 0 ? 1 : 0) + resetTimers;
  const waited = n * paths.waitedThenServed;
  const timedOut = n * paths.timedOut;
  const extra = extraWork(o, costs, load.holdMs, served, n / perMs);

  const counts: WorkCounts = {
    // Waiting: queued 1; giving up: queued and timed out 2. Start-up fills minSize: 3 each.
    events: reused * reuseEvents + made * madeEvents + waited * 1 + timedOut * 2 + o.minSize * 3 + extra.events,
    // Every arrival is a timer; a waiter served is woken by one; one who gives up, by its timeout.
    timers: n + reused * reuseTimers + made * madeTimers + waited + timedOut + o.minSize + extra.timers,
    tasks: n + extra.tasks,
    throws: n * (paths.refused + paths.timedOut),
    scans: 0,
  };
  return { counts, live: liveCallers(bounded, c, offered, perMs, busyMs, timeoutMs, n), busyMs, offered };
}

function pathsOf(
  bounded: boolean,
  c: number,
  a: number,
  perMs: number,
  busyMs: number,
  timeoutMs: number | null,
): Paths {
  if (!bounded) return { served: 1, waitedThenServed: 0, refused: 0, timedOut: 0 };
  if (timeoutMs === 0) {
    const refused = erlangB(a, c);
    return { served: 1 - refused, waitedThenServed: 0, refused, timedOut: 0 };
  }
  if (timeoutMs === null) return { served: 1, waitedThenServed: erlangC(a, c), refused: 0, timedOut: 0 };
  const system = impatientSystem(perMs * 1000, busyMs, c, timeoutMs);
  return {
    served: 1 - system.timedOut,
    waitedThenServed: Math.max(0, system.waited - system.timedOut),
    refused: 0,
    timedOut: system.timedOut,
  };
}

/**
 * Callers alive at once, a rough upper figure (Little: rate × time in the pool): those holding,
 * and those in line — at most everyone who arrives within one timeout, and with no timeout on an
 * overloaded pool the line left at the end (it grows for as long as callers come).
 */
function liveCallers(
  bounded: boolean,
  c: number,
  a: number,
  perMs: number,
  busyMs: number,
  timeoutMs: number | null,
  n: number,
): number {
  if (!bounded) return a;
  // Holding: as many as the load keeps busy, at most the pool.
  const holding = Math.min(a, c);
  if (timeoutMs === 0) return holding;
  // Overloaded, the line grows by the callers the pool cannot serve (and wanders by about √n).
  const backlog = a > c ? n * (1 - c / a) + 3 * Math.sqrt(n) : 0;
  if (timeoutMs === null) {
    if (a >= c) return c + Math.min(n, backlog + 3 * Math.sqrt(n));
    // Erlang C's mean line, doubled for its peaks.
    const meanLine = (erlangC(a, c) * perMs) / (c / busyMs - perMs);
    return holding + 2 * meanLine;
  }
  // With a timeout, at most those who arrive within one timeout wait at once.
  const line = a > c ? Math.min(perMs * timeoutMs, backlog) : perMs * Math.min(timeoutMs, busyMs * 10);
  return holding + Math.min(line, n);
}

/**
 * The pool's own housekeeping, when the file asks for it: a leak timer per loan (it fires when the
 * hold outlasts `leakThreshold`, and the report is a task and two events); a retirement when a
 * connection reaches `maxLifetime` (closed, destroyed, and a new one made: 5 events); an idle
 * timer per shelving, counted as if each could retire its connection (an upper figure).
 */
function extraWork(
  o: ProductionOptions,
  costs: Costs,
  holdMs: number,
  served: number,
  spanMs: number,
): Omit<WorkCounts, 'throws' | 'scans'> {
  let events = 0;
  let timers = 0;
  let tasks = 0;
  if (o.leakThreshold !== null) {
    // Exponential holds outlast the threshold with e^(−L/h); fixed ones all or none (taken as all).
    const outlast = Math.min(1, Math.exp(-o.leakThreshold / holdMs) * 2);
    events += served * outlast * 2;
    timers += served * outlast;
    tasks += served * outlast;
  }
  if (o.maxLifetime !== null) {
    const retired = Math.min(served, o.maxSize * Math.ceil(spanMs / o.maxLifetime));
    events += retired * 5;
    timers += retired * (costs.createMs[1] > 0 ? 1 : 0);
    tasks += retired;
  }
  if (o.idleTimeout !== null) {
    events += served * 5;
    timers += served * 2;
    tasks += served * 2;
  }
  return { events, timers, tasks };
}
