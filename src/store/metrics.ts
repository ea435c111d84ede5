/**
 * Metrics at the cursor: what reuse has bought so far. Everything is computed from the events up
 * to and including the one at `cursor`, so stepping back shows the figures as they were.
 */
import type { PoolEvent } from '../engine';
import { tallyOf } from './counts';

/** The counts at one instant, in the words of counts.ts (the same as the stage's badge). */
export interface MetricsPoint {
  /** Virtual ms. */
  readonly t: number;
  /** Objects on the shelf (an object standing there twice counts twice). */
  readonly shelf: number;
  /** The pool's own counter: how many it thinks are out (null: the level keeps none). */
  readonly counted: number | null;
  /** Distinct objects in readers' hands. */
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
  if (!world) return { t: e.t, shelf: e.available.length, counted: e.inUse, held: 0, created: 0, lost: 0, onTheWay: 0 };
  const { onShelf, counted, held, created, lost, onTheWay } = tallyOf(world);
  return { t: e.t, shelf: onShelf, counted, held, created, lost, onTheWay };
}

const KEYS = ['shelf', 'counted', 'held', 'created', 'lost', 'onTheWay'] as const;
const samePoint = (a: MetricsPoint, b: MetricsPoint) => KEYS.every((k) => a[k] === b[k]);

export function metricsAt(events: readonly PoolEvent[], cursor: number): Metrics {
  const last = Math.min(cursor, events.length - 1);
  let created = 0;
  let reused = 0;
  let objectsMade = 0;
  let createMs = 0;
  let reuseMs = 0;
  let refusals = 0;
  let timeouts = 0;
  const creating = new Map<number, number>();
  const series: MetricsPoint[] = [];

  for (let i = 0; i <= last; i++) {
    const e = events[i]!;
    switch (e.type) {
      case 'object.creating':
        if (e.object !== null) creating.set(e.object, e.ms);
        break;
      case 'object.created': {
        const ms = e.object === null ? undefined : creating.get(e.object);
        if (ms !== undefined) {
          objectsMade++;
          createMs += ms;
        }
        break;
      }
      case 'object.acquired':
        if (e.source === 'created') created++;
        else {
          reused++;
          reuseMs += e.waited;
        }
        break;
      case 'pool.exhausted':
      case 'acquire.rejected':
        refusals++;
        break;
      case 'acquire.timedout':
        timeouts++;
        break;
      default:
        break;
    }
    const point = pointOf(e);
    const prev = series[series.length - 1];
    if (!prev || !samePoint(prev, point)) series.push(point);
  }

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
    refusals,
    timeouts,
    series,
  };
}
