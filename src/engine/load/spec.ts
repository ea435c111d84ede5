/**
 * A load scenario: what a file's `load` object says, checked before anything runs — the caps that
 * keep a run finite, the loads no pool could serve, and how long a run will take.
 */
import { offeredLoad } from './queueing';
import { estimateLoad, workProblem } from '../work';
import type { Rng } from '../core';
import { resolveOptions } from '../levels';
import type { ProductionOptions } from '../levels/production';
import { DEFAULT_COSTS, type Costs, type LevelOptions } from '../types';

import type { LoadScenario } from './types';
export type { HoldDistribution, LoadScenario, LoadSpec } from './types';

/** Caps that keep a run finite and a browser tab alive. */
export const LOAD_LIMITS = {
  maxArrivals: 5_000_000,
  maxArrivalsPerSecond: 1_000_000,
  maxHoldMs: 3_600_000,
  /** Callers alive at once (waiting or holding) that a run may expect; each is a coroutine. */
  maxConcurrent: 200_000,
  /** Virtual ms a run may span: beyond it a double's resolution falls below a microsecond. */
  maxSpanMs: 1e12,
} as const;

/**
 * The options a load run uses: the production level's own defaults (`resolveOptions`, the one
 * resolver the level itself uses) and the costs over the engine's default costs.
 */
export function loadOptions(options: LevelOptions): ProductionOptions & { readonly costs: Costs } {
  return {
    ...(resolveOptions('production', options) as ProductionOptions),
    costs: { ...DEFAULT_COSTS, ...options.costs },
  };
}

/**
 * Problems that make a load impossible to run (not merely far from the textbook): an empty answer
 * means it can run. Messages are whole sentences for the page and the CLI.
 */
export function loadProblems(scenario: LoadScenario): string[] {
  const { load } = scenario;
  const o = loadOptions(scenario.options);
  const a = offeredLoad(load.arrivalsPerSecond, load.holdMs);
  const bounded = o.fixes.maxSize;
  const problems: string[] = [];
  if (bounded && o.acquireTimeout === null && a >= o.maxSize) {
    problems.push(
      `The pool cannot keep up: ${fmt(load.arrivalsPerSecond)} callers a second each holding ${fmt(load.holdMs)} ms keep ${fmt(a)} objects busy on average, ` +
        `but the pool has ${o.maxSize}. With callers waiting forever the queue grows without end. ` +
        `Use a pool larger than ${fmt(a)}, fewer arrivals a second, shorter holds, or an acquire timeout.`,
    );
  }
  const work = estimateLoad(scenario);
  const live = work.load!.live;
  if (problems.length === 0 && live > LOAD_LIMITS.maxConcurrent) {
    problems.push(
      `About ${fmt(live)} callers would be in the pool at once (waiting or holding); the lab runs at most ${fmt(LOAD_LIMITS.maxConcurrent)}. ` +
        `Each keeps its object away from the shelf for ${fmt(work.load!.busyMs)} ms (the hold, the hand-over, the check and the reset). ` +
        'Use fewer arrivals a second, shorter holds, smaller costs or a shorter acquire timeout.',
    );
  }
  const heavy =
    problems.length === 0 ? workProblem(work, { count: load.arrivals, name: 'the number of arrivals' }) : null;
  if (heavy !== null) problems.push(heavy);
  const spanMs = (load.arrivals / load.arrivalsPerSecond) * 1000;
  if (spanMs > LOAD_LIMITS.maxSpanMs) {
    problems.push(
      `These callers would arrive over about ${fmt(spanMs / 3.156e10)} years of virtual time; past ${fmt(LOAD_LIMITS.maxSpanMs / 3.156e10)} years ` +
        'the virtual clock loses the precision short holds need. Use more arrivals a second or fewer arrivals.',
    );
  }
  return problems;
}

/** Salts that split one seed into independent streams. */
export const ARRIVAL_SALT = 0x51ed270b;
export const HOLD_SALT = 0x2c1b3c6d;

/** Exponential draw with the given mean. `1 - u` is in (0, 1], so the log is finite. */
export const exponential = (rng: Rng, mean: number): number => -Math.log(1 - rng.next()) * mean;

export const fmt = (x: number): string =>
  Number.isInteger(x) ? String(x) : x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(2) : x.toPrecision(2);
export const pct = (x: number): string => `${(x * 100).toFixed(2)} %`;
