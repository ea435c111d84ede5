/**
 * The levels, as the runner and the lab see them: how to build each, which options and scenario
 * steps it has, and what it teaches.
 */
import type { Pooled } from '../resources';
import type { PoolBase, Runtime, Waiting } from '../runtime';
import type { Op } from '../sim';
import type { LevelId, LevelOptions, StepKind } from '../types';
import { DatabasePool } from './database';
import { Level1Pool } from './level1';
import { Level2Pool } from './level2';
import { Level3Pool } from './level3';
import { Level4Pool } from './level4';
import { PRODUCTION_DEFAULTS, ProductionPool, type ProductionOptions } from './production';
import { NoPool } from './nopool';

/** What every level offers the runner, beyond the base class. */
export interface RunnablePool extends PoolBase<Pooled> {
  /** The guaranteed-release form (Level 4's `get`, the database's `connection`). */
  using?<R>(body: (obj: Pooled) => Op<R>): Op<R>;
  close?(): Op<void>;
  /** Callers queued for an object, first in line first (production level). */
  waitingList?(): readonly Waiting[];
  /** Set once close() has begun (production level). */
  readonly closed?: boolean;
}

export type OptionName =
  'size' | 'minSize' | 'maxSize' | 'acquireTimeout' | 'leakThreshold' | 'idleTimeout' | 'maxLifetime' | 'fixes';

export interface LevelInfo {
  readonly id: LevelId;
  readonly title: string;
  /** Options this level takes, with their defaults. */
  readonly options: Partial<Record<OptionName, unknown>>;
  readonly steps: readonly StepKind[];
  /** The bound the monitor holds it to: `maxSize`, or for Level 1 its initial size. */
  bound(options: LevelOptions): number | null;
  /** Build the pool. */
  make(rt: Runtime, options: LevelOptions): RunnablePool;
}

const BASIC_STEPS: readonly StepKind[] = ['acquire', 'release', 'use', 'read', 'fail', 'kill'];

/** Adapt a level's own guaranteed-release method to the runner's `using`. */
function withUsing<P extends PoolBase<Pooled>>(
  pool: P,
  method: (body: (obj: Pooled) => Op<unknown>) => Op<unknown>,
): RunnablePool {
  return Object.assign(pool, { using: method.bind(pool) }) as unknown as RunnablePool;
}

/** The production pool's options with every default filled in. */
export function productionOptions(o: LevelOptions): ProductionOptions {
  const d = PRODUCTION_DEFAULTS;
  return {
    maxSize: o.maxSize ?? d.maxSize,
    minSize: o.minSize ?? d.minSize,
    acquireTimeout: o.acquireTimeout === undefined ? d.acquireTimeout : o.acquireTimeout,
    leakThreshold: o.leakThreshold === undefined ? d.leakThreshold : o.leakThreshold,
    idleTimeout: o.idleTimeout === undefined ? d.idleTimeout : o.idleTimeout,
    maxLifetime: o.maxLifetime === undefined ? d.maxLifetime : o.maxLifetime,
    fixes: { ...d.fixes, ...o.fixes },
  };
}

export const LEVELS: Record<LevelId, LevelInfo> = {
  nopool: {
    id: 'nopool',
    title: 'No pool — print, read, burn',
    options: {},
    steps: BASIC_STEPS,
    bound: () => null,
    make: (rt) => new NoPool(rt, () => rt.createBook()) as unknown as RunnablePool,
  },
  level1: {
    id: 'level1',
    title: 'Level 1 — the basic pool',
    options: { size: 5 },
    steps: BASIC_STEPS,
    bound: (o) => o.size ?? 5,
    make: (rt, o) => new Level1Pool(rt, () => rt.createBook(), o.size ?? 5) as unknown as RunnablePool,
  },
  level2: {
    id: 'level2',
    title: 'Level 2 — a maximum size',
    options: { minSize: 2, maxSize: 10 },
    steps: BASIC_STEPS,
    bound: (o) => o.maxSize ?? 10,
    make: (rt, o) =>
      new Level2Pool(rt, () => rt.createBook(), o.minSize ?? 2, o.maxSize ?? 10) as unknown as RunnablePool,
  },
  level3: {
    id: 'level3',
    title: 'Level 3 — reset on release',
    options: { maxSize: 10 },
    steps: BASIC_STEPS,
    bound: (o) => o.maxSize ?? 10,
    make: (rt, o) =>
      new Level3Pool(
        rt,
        () => rt.createBook(),
        (b) => rt.resetBook(b),
        o.maxSize ?? 10,
      ) as unknown as RunnablePool,
  },
  level4: {
    id: 'level4',
    title: 'Level 4 — guaranteed release',
    options: { maxSize: 10 },
    steps: [...BASIC_STEPS, 'with'],
    bound: (o) => o.maxSize ?? 10,
    make: (rt, o) => {
      const pool = new Level4Pool(
        rt,
        () => rt.createBook(),
        (b) => rt.resetBook(b),
        o.maxSize ?? 10,
      );
      return withUsing(pool as unknown as PoolBase<Pooled>, (body) => pool.get(body as never));
    },
  },
  database: {
    id: 'database',
    title: 'The database pool',
    options: { maxSize: 10 },
    steps: [...BASIC_STEPS, 'with', 'restart', 'close'],
    bound: (o) => o.maxSize ?? 10,
    make: (rt, o) => {
      const pool = new DatabasePool(rt, o.maxSize ?? 10);
      return withUsing(pool as unknown as PoolBase<Pooled>, (body) => pool.connection(body as never));
    },
  },
  production: {
    id: 'production',
    title: 'The production pool',
    options: {
      maxSize: PRODUCTION_DEFAULTS.maxSize,
      minSize: PRODUCTION_DEFAULTS.minSize,
      acquireTimeout: PRODUCTION_DEFAULTS.acquireTimeout,
      leakThreshold: PRODUCTION_DEFAULTS.leakThreshold,
      idleTimeout: PRODUCTION_DEFAULTS.idleTimeout,
      maxLifetime: PRODUCTION_DEFAULTS.maxLifetime,
      fixes: PRODUCTION_DEFAULTS.fixes,
    },
    steps: [...BASIC_STEPS, 'with', 'restart', 'close'],
    bound: (o) => o.maxSize ?? PRODUCTION_DEFAULTS.maxSize,
    make: (rt, o) => {
      const pool = new ProductionPool(rt, productionOptions(o));
      return withUsing(pool as unknown as PoolBase<Pooled>, (body) => pool.connection(body as never));
    },
  },
};

export function levelInfo(id: LevelId): LevelInfo | undefined {
  return LEVELS[id];
}
