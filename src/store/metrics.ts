/**
 * Metrics at the cursor: what reuse has bought so far. Everything is computed from the events up
 * to and including the one at `cursor`, so stepping back shows the figures as they were.
 */
import type { PoolEvent } from '../engine';
import { tallyOf } from './counts';
import { stillKept } from './kept';

/** The counts at one instant, in the words of counts.ts (the same as the stage's badge). */
export interface MetricsPoint {
  /** Virtual ms. */
  readonly t: number;
  /** Objects on the shelf (an object standing there twice counts twice). */
  readonly shelf: number;
  /** The pool's own counter: how many it thinks are out (null: the level keeps none). */
  readonly counted: number | null;
  /** What that counter should say (the engine's; null: the level keeps none). */
  readonly owed: number | null;
  /** Loans in readers' hands: an object two readers hold counts twice (`PoolView.held`). */
  readonly held: number;
  /** Objects made or being made so far, pre-filled ones included. */
  readonly created: number;
  /** Objects lost at that instant (the engine's verdict). */
  readonly lost: number;
  /** Objects a pool operation has (press, counter, desk). */
  readonly onTheWay: number;
}

export interface Metrics {
  /** Acquires served by making a new object. */
  readonly created: number;
  /** Acquires served from the shelf. */
  readonly reused: number;
  /** reused / (created + reused), or null before the first acquire. */
  readonly hitRate: number | null;
  /** Objects made so far, including the pool's start-up filling. */
  readonly objectsMade: number;
  /** Virtual ms spent making objects (finished creations only). */
  readonly createMs: number;
  /** Virtual ms readers spent getting an object from the shelf (hand-over and any check). */
  readonly reuseMs: number;
  /** Mean time one creation took, or null before the first finished. */
  readonly meanCreateMs: number | null;
  /**
   * What the reused acquires would have cost had each made a new object at the mean creation
   * time, less what they did cost; null until a creation has finished to measure by.
   */
  readonly savedMs: number | null;
  /** Acquires the pool turned down (refused when exhausted, or rejected once closed). */
  readonly refusals: number;
  /** Acquires that gave up waiting (production level). */
  readonly timeouts: number;
  /**
   * The counts over virtual time (shelf, the pool's counter, readers' hands, created, lost, on the
   * way): a point at the first event and at each event that changed one of them. Several may share an instant (a peak that lasted no virtual time).
   */
  readonly series: readonly MetricsPoint[];
}

function pointOf(e: PoolEvent): MetricsPoint {
  const world = e.world;
  if (!world)
    return {
      t: e.t,
      shelf: e.available.length,
      counted: e.inUse,
      owed: null,
      held: 0,
      created: 0,
      lost: 0,
      onTheWay: 0,
    };
  const { onShelf, counted, owed, held, created, lost, onTheWay } = tallyOf(world);
  return { t: e.t, shelf: onShelf, counted, owed, held, created, lost, onTheWay };
}

const KEYS = ['shelf', 'counted', 'owed', 'held', 'created', 'lost', 'onTheWay'] as const;
const samePoint = (a: MetricsPoint, b: MetricsPoint) => KEYS.every((k) => a[k] === b[k]);

/** The running totals, each event's after it, `STRIDE` numbers an event in this order. */
const CREATED = 0;
const REUSED = 1;
const MADE = 2;
const CREATE_MS = 3;
const REUSE_MS = 4;
const REFUSALS = 5;
const TIMEOUTS = 6;
const STRIDE = 7;

/**
 * The figures after every event of one timeline, kept beside it and grown with it. The manual
 * panel grows its timeline in place, one click at a time (store/manualLive.ts): counted from the
 * first event at every move of the cursor, a session of 5,000 steps spent about 10 ms a click here.
 * Only the events from the first one new or replaced (they form a run at the end, as in
 * narrated.ts) are counted again; the figures at any cursor are then read, not counted.
 */
interface Kept {
  /** The events counted, as they were (to find those replaced since). */
  readonly seen: PoolEvent[];
  readonly totals: number[];
  /** Each object's last `object.creating` event (its index), for the time its making took. */
  readonly creatingAt: Map<number, number>;
  /** Per event that set `creatingAt`, what the entry was before (-1: none); null for the others. */
  readonly undo: (number | null)[];
  readonly series: MetricsPoint[];
  /** After each event, how many points of `series` stand. */
  readonly seriesLength: number[];
}

const kept = new WeakMap<readonly PoolEvent[], Kept>();

function keptFor(events: readonly PoolEvent[]): Kept {
  let k = kept.get(events);
  if (k === undefined) {
    k = { seen: [], totals: [], creatingAt: new Map(), undo: [], series: [], seriesLength: [] };
    kept.set(events, k);
  }
  const same = stillKept(k.seen, events);
  for (let i = k.seen.length - 1; i >= same; i--) {
    const before = k.undo[i];
    if (before === null || before === undefined) continue;
    const object = (k.seen[i] as { object: number }).object;
    if (before < 0) k.creatingAt.delete(object);
    else k.creatingAt.set(object, before);
  }
  k.undo.length = same;
  k.seen.length = same;
  k.totals.length = same * STRIDE;
  k.seriesLength.length = same;
  k.series.length = same === 0 ? 0 : k.seriesLength[same - 1]!;
  for (let i = same; i < events.length; i++) count(k, events, i);
  return k;
}

/** Count event i, after the ones before it. */
function count(k: Kept, events: readonly PoolEvent[], i: number): void {
  const e = events[i]!;
  const totals = k.totals;
  const from = (i - 1) * STRIDE;
  for (let j = 0; j < STRIDE; j++) totals.push(i === 0 ? 0 : totals[from + j]!);
  const at = i * STRIDE;
  let undo: number | null = null;
  switch (e.type) {
    case 'object.creating':
      if (e.object !== null) {
        undo = k.creatingAt.get(e.object) ?? -1;
        k.creatingAt.set(e.object, i);
      }
      break;
    case 'object.created': {
      const c = e.object === null ? undefined : k.creatingAt.get(e.object);
      const making = c === undefined ? undefined : events[c];
      if (making?.type === 'object.creating') {
        totals[at + MADE]!++;
        totals[at + CREATE_MS]! += making.ms;
      }
      break;
    }
    case 'object.acquired':
      if (e.source === 'created') totals[at + CREATED]!++;
      else {
        totals[at + REUSED]!++;
        totals[at + REUSE_MS]! += e.waited;
      }
      break;
    case 'pool.exhausted':
    case 'acquire.rejected':
      totals[at + REFUSALS]!++;
      break;
    case 'acquire.timedout':
      totals[at + TIMEOUTS]!++;
      break;
    default:
      break;
  }
  const point = pointOf(e);
  const prev = k.series[k.series.length - 1];
  if (!prev || !samePoint(prev, point)) k.series.push(point);
  k.seriesLength.push(k.series.length);
  k.undo.push(undo);
  k.seen.push(e);
}

/** The figures up to and including the event at `cursor` (none before the first). */
export function metricsAt(events: readonly PoolEvent[], cursor: number): Metrics {
  const last = Math.min(cursor, events.length - 1);
  const k = last < 0 ? null : keptFor(events);
  const total = (what: number) => (k === null ? 0 : k.totals[last * STRIDE + what]!);
  const created = total(CREATED);
  const reused = total(REUSED);
  const objectsMade = total(MADE);
  const createMs = total(CREATE_MS);
  const reuseMs = total(REUSE_MS);
  const meanCreateMs = objectsMade === 0 ? null : createMs / objectsMade;
  return {
    created,
    reused,
    hitRate: created + reused === 0 ? null : reused / (created + reused),
    objectsMade,
    createMs,
    reuseMs,
    meanCreateMs,
    savedMs: meanCreateMs === null ? null : reused * meanCreateMs - reuseMs,
    refusals: total(REFUSALS),
    timeouts: total(TIMEOUTS),
    series: k === null ? [] : k.series.slice(0, k.seriesLength[last]),
  };
}
