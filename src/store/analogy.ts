/**
 * The analogy page's data: the engine's two runs of one stream of readers (no pool, and Level 1),
 * turned into what the page shows — each side's total, its counts, and a narrated step-through.
 * Pure functions; the page keeps only the readers field and the step indexes.
 */
import { MAX_READERS, runAnalogy } from '../engine';
import type { RunResult } from '../engine';
import type { PoolEvent } from '../engine';
import { narrate } from './narrate';

export { MAX_READERS };

export const DEFAULT_READERS = 8;
const ANALOGY_SEED = 7;

export type ReadersInput =
  { readonly ok: true; readonly readers: number } | { readonly ok: false; readonly message: string };

/** Check what was typed in the readers field. */
export function parseReaders(text: string): ReadersInput {
  const t = text.trim();
  if (t === '') return { ok: false, message: `Enter how many readers come, from 1 to ${MAX_READERS}.` };
  if (!/^[+-]?\d+(\.\d+)?$/.test(t))
    return {
      ok: false,
      message: `“${t.slice(0, 20)}” is not a number. Enter a whole number from 1 to ${MAX_READERS}.`,
    };
  const n = Number(t);
  if (!Number.isInteger(n))
    return { ok: false, message: `Readers come whole: enter a whole number from 1 to ${MAX_READERS}.` };
  if (n < 1) return { ok: false, message: `At least one reader has to come: enter a number from 1 to ${MAX_READERS}.` };
  if (n > MAX_READERS) return { ok: false, message: `At most ${MAX_READERS} readers (one for each letter, A to Z).` };
  return { ok: true, readers: n };
}

export interface AnalogyFrame {
  readonly t: number;
  readonly text: string;
  /** Books made so far, on the shelf, and burned, after this moment. */
  readonly made: number;
  readonly onShelf: number;
  readonly burned: number;
}

export interface AnalogySide {
  readonly key: 'withoutPool' | 'withPool';
  readonly title: string;
  readonly how: string;
  /** Virtual ms the readers spent from arriving to leaving, added up. */
  readonly totalMs: number;
  /** Virtual ms when the last reader left. */
  readonly finishedAt: number;
  readonly printed: number;
  readonly reused: number;
  readonly frames: readonly AnalogyFrame[];
}

export interface AnalogyView {
  readonly readers: number;
  readonly arrivals: readonly { readonly reader: string; readonly at: number }[];
  readonly sides: readonly [AnalogySide, AnalogySide];
  /** How many times faster the readers were served with the pool (≥ 1), rounded to one decimal. */
  readonly speedup: number;
}

/** The moments worth showing: what happens to books and readers, not the bookkeeping around it. */
const SHOWN: ReadonlySet<PoolEvent['type']> = new Set<PoolEvent['type']>([
  'object.creating',
  'object.created',
  'object.taken',
  'object.acquired',
  'object.read',
  'object.shelved',
  'object.destroyed',
]);

function framesOf(run: RunResult): AnalogyFrame[] {
  const frames: AnalogyFrame[] = [];
  for (const e of run.events) {
    if (!SHOWN.has(e.type)) continue;
    const w = e.world;
    frames.push({
      t: e.t,
      text: narrate(e),
      made: w?.pool.created ?? 0,
      onShelf: e.available.length,
      burned: w ? w.objects.filter((o) => o.places.some((p) => p.at === 'bin')).length : 0,
    });
  }
  return frames;
}

function side(key: AnalogySide['key'], run: RunResult, totalMs: number): AnalogySide {
  const acquires = run.steps.filter((s) => s.step.do === 'acquire');
  return {
    key,
    title: key === 'withoutPool' ? 'Without a pool' : 'With a pool',
    how:
      key === 'withoutPool'
        ? 'Print a book, read it, burn it — for every reader.'
        : 'Borrow a book from the shelf, read it, put it back.',
    totalMs,
    finishedAt: run.final.t,
    printed: run.final.pool.created,
    reused: acquires.filter((s) => s.outcome.source === 'shelf').length,
    frames: framesOf(run),
  };
}

export function analogyView(readers: number, seed = ANALOGY_SEED): AnalogyView {
  const a = runAnalogy({ readers, seed });
  const without = side('withoutPool', a.withoutPool, a.totals.withoutPool);
  const withPool = side('withPool', a.withPool, a.totals.withPool);
  return {
    readers,
    arrivals: a.arrivals,
    sides: [without, withPool],
    speedup: Math.round((a.totals.withoutPool / Math.max(a.totals.withPool, 0.5)) * 10) / 10,
  };
}
