/**
 * The library analogy, run for real: one stream of readers served twice — once with no pool at all
 * (print a book, read it, burn it) and once by Level 1 (borrow, read, return) — so the time each
 * way costs can be set side by side.
 *
 * Both runs get exactly the same readers at exactly the same virtual times. Level 1 starts with an
 * empty shelf (`size: 0`), so nothing is paid before the doors open: the first reader waits for a
 * print just as without a pool, and only reuse makes the difference. Readers who arrive at the
 * same instant find the shelf empty and a book is printed for each — the pool grows to fit.
 *
 * Reading takes time (`READ_MS`, the engine's `useMs`): the same both ways, since it is what the
 * readers came for. So the time they spent differs only by their waiting for a book, and a book
 * is out of the shelf while it is read, which is what makes the pool print more than one.
 */
import { createRng } from './core';
import { runScenario, type RunResult } from './run';
import type { Scenario, Step } from './types';

/** Readers are named A to Z. */
export const MAX_READERS = 26;

/** Virtual ms a reader spends reading its book (quicker than any print: 50–200 ms). */
export const READ_MS = 40;

/** Gaps between arrivals are drawn from these (virtual ms): sometimes two arrive together. */
const GAPS_MS = [0, 20, 40, 60] as const;

export interface Arrival {
  readonly reader: string;
  /** Virtual ms. */
  readonly at: number;
}

export interface Analogy {
  readonly arrivals: readonly Arrival[];
  readonly withoutPool: RunResult;
  readonly withPool: RunResult;
  /** Virtual ms the readers spent from arriving to leaving, added up, for each way. */
  readonly totals: { readonly withoutPool: number; readonly withPool: number };
  /** Virtual ms the readers waited for a book (from arriving until it was in their hands), added up. */
  readonly waits: { readonly withoutPool: number; readonly withPool: number };
}

export function arrivalsFor(readers: number, seed: number): Arrival[] {
  if (!Number.isInteger(readers) || readers < 1 || readers > MAX_READERS) {
    throw new RangeError(`readers must be a whole number from 1 to ${MAX_READERS}, not ${readers}`);
  }
  const rng = createRng(seed);
  const out: Arrival[] = [];
  let at = 0;
  for (let i = 0; i < readers; i++) {
    if (i > 0) at += GAPS_MS[rng.int(0, GAPS_MS.length - 1)]!;
    out.push({ reader: String.fromCharCode(65 + i), at });
  }
  return out;
}

/** Each reader arrives, borrows, reads and returns; the steps after the arrival follow at once. */
function stepsFor(arrivals: readonly Arrival[]): Step[] {
  return arrivals.flatMap(({ reader, at }): Step[] => [
    { client: reader, do: 'acquire', at },
    { client: reader, do: 'read', at },
    { client: reader, do: 'release', at },
  ]);
}

/** Virtual ms each reader spent, from its arrival to the end of its return. */
export function readerTimes(result: RunResult, arrivals: readonly Arrival[]): Map<string, number> {
  const times = new Map<string, number>();
  for (const { reader, at } of arrivals) {
    const done = result.steps.filter((s) => s.step.client === reader).at(-1)?.endedAt;
    if (done !== null && done !== undefined) times.set(reader, done - at);
  }
  return times;
}

/** Virtual ms each reader waited, from its arrival until its acquire had put a book in its hands. */
export function readerWaits(result: RunResult, arrivals: readonly Arrival[]): Map<string, number> {
  const waits = new Map<string, number>();
  for (const { reader, at } of arrivals) {
    const got = result.steps.find((s) => s.step.client === reader && s.step.do === 'acquire')?.endedAt;
    if (got !== null && got !== undefined) waits.set(reader, got - at);
  }
  return waits;
}

const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

export function runAnalogy({ readers, seed }: { readers: number; seed: number }): Analogy {
  const arrivals = arrivalsFor(readers, seed);
  const steps = stepsFor(arrivals);
  const costs = { useMs: READ_MS };
  const without: Scenario = { level: 'nopool', options: { costs }, seed, steps };
  const withPool: Scenario = { level: 'level1', options: { size: 0, costs }, seed, steps };
  const a = runScenario(without);
  const b = runScenario(withPool);
  return {
    arrivals,
    withoutPool: a,
    withPool: b,
    totals: { withoutPool: sum(readerTimes(a, arrivals)), withPool: sum(readerTimes(b, arrivals)) },
    waits: { withoutPool: sum(readerWaits(a, arrivals)), withPool: sum(readerWaits(b, arrivals)) },
  };
}
