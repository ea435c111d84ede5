/**
 * The level registry: the one description of each level that every layer reads — the runner, the
 * scenario checker, the monitor and the CLI here; narration, callouts, the flow chart, the stage,
 * the stories, the routes and the code panel outside. A fact about a level lives here once; code
 * elsewhere asks the registry (`LEVELS[id].lends`) instead of comparing level ids.
 *
 * To add a level: write its class in this folder (it is shown in the code panel as it is), add its
 * id to `LEVEL_IDS` in ../types.ts, and its record below.
 */
import type { Pooled } from '../resources';
import type { PoolBase, Runtime, Waiting } from '../runtime';
import type { Op } from '../sim';
import type { BoundKind, LevelId, LevelOptions, Lends, StepKind, WarningKind } from '../types';
import { LEVEL_IDS } from '../types';
import { DatabasePool } from './database';
import { Level1Pool } from './level1';
import { Level2Pool } from './level2';
import { Level3Pool } from './level3';
import { Level4Pool } from './level4';
import { NoPool } from './nopool';
import { count, fixes, resolve, time, type OptionName, type OptionSpecs, type Resolved } from './options';
import { PRODUCTION_DEFAULTS, ProductionPool, type ProductionOptions } from './production';

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

/** The words for what a level lends, as a sentence needs them. */
export interface ThingWords {
  /** "book" / "connection" */
  readonly thing: string;
  /** "Book" / "Connection" */
  readonly Thing: string;
  /** "books" / "connections" */
  readonly things: string;
  /** "Books" / "Connections" */
  readonly Things: string;
  /** How one is made: "print" / "open". */
  readonly make: string;
}

export interface LevelInfo {
  readonly id: LevelId;
  /** Its place on the learning path, 0 first (the same order as `LEVEL_IDS`). */
  readonly order: number;
  /** Short name, e.g. "Level 3". */
  readonly label: string;
  /** Page title, e.g. "Level 3 — cleaning on return". */
  readonly title: string;
  /** One line: what this level adds. */
  readonly summary: string;
  readonly lends: Lends;
  readonly words: ThingWords;
  readonly bound: BoundKind;
  /** The objects it makes at start-up: an option's value, or a fixed number. */
  readonly startsWith: OptionName | number;
  /** Options this level takes, each with its default and its limits, in the order files list them. */
  readonly options: OptionSpecs;
  /** The scenario steps it has (`do`). */
  readonly steps: readonly StepKind[];
  /** Its class's file in src/engine/levels/, the text the code panel shows. */
  readonly source: string;
  /** It keeps what comes back on a shelf for the next reader (everything but no pool at all). */
  readonly shelf: boolean;
  /** It checks an object before lending it (`SELECT 1`), and throws away a dead one. */
  readonly validates: boolean;
  /** A reader may wait in line for an object (instead of being refused at once). */
  readonly queues: boolean;
  /** Its own bugs (the monitor's warnings its code lets happen), each with the level that fixes it. */
  readonly fixedBy: { readonly [W in WarningKind]?: LevelId };
  /** The text's problems this level fixes: the bugs of earlier levels whose `fixedBy` is this one. */
  readonly solves: readonly WarningKind[];
  /** Build the pool, with every default of its options filled in. */
  make(rt: Runtime, options: LevelOptions): RunnablePool;
}

const BOOK: ThingWords = { thing: 'book', Thing: 'Book', things: 'books', Things: 'Books', make: 'print' };
const CONNECTION: ThingWords = {
  thing: 'connection',
  Thing: 'Connection',
  things: 'connections',
  Things: 'Connections',
  make: 'open',
};

const BASIC_STEPS: readonly StepKind[] = ['acquire', 'release', 'use', 'read', 'fail', 'kill'];
const WITH_STEPS: readonly StepKind[] = [...BASIC_STEPS, 'with'];
const DATABASE_STEPS: readonly StepKind[] = [...WITH_STEPS, 'restart', 'close'];

/** The bugs every level of the text keeps: `release` trusts its caller. */
const TRUSTING_RELEASE = { 'double-shelved': 'production', 'shared-object': 'production' } as const;

/** Adapt a level's own guaranteed-release method to the runner's `using`. */
function withUsing<P extends PoolBase<Pooled>>(
  pool: P,
  method: (body: (obj: Pooled) => Op<unknown>) => Op<unknown>,
): RunnablePool {
  return Object.assign(pool, { using: method.bind(pool) }) as unknown as RunnablePool;
}

type Definition<S extends OptionSpecs> = Omit<LevelInfo, 'id' | 'order' | 'solves' | 'options' | 'make'> & {
  readonly options: S;
  make(rt: Runtime, options: Resolved<S>): RunnablePool;
};

/** A record whose `make` is given its options resolved against its own option specs. */
function level<S extends OptionSpecs>(id: LevelId, def: Definition<S>): Omit<LevelInfo, 'solves'> {
  return {
    ...def,
    id,
    order: LEVEL_IDS.indexOf(id),
    make: (rt, options) => def.make(rt, resolve(def.options, options)),
  };
}

const PRODUCTION_OPTIONS = {
  maxSize: count(PRODUCTION_DEFAULTS.maxSize, 1),
  minSize: count(PRODUCTION_DEFAULTS.minSize),
  acquireTimeout: time(PRODUCTION_DEFAULTS.acquireTimeout, 'waits forever', true),
  leakThreshold: time(PRODUCTION_DEFAULTS.leakThreshold, 'off', false),
  idleTimeout: time(PRODUCTION_DEFAULTS.idleTimeout, 'off', false),
  maxLifetime: time(PRODUCTION_DEFAULTS.maxLifetime, 'off', false),
  fixes: fixes(PRODUCTION_DEFAULTS.fixes),
};

const RECORDS: Record<LevelId, Omit<LevelInfo, 'solves'>> = {
  nopool: level('nopool', {
    label: 'No pool',
    title: 'No pool — print, read, burn',
    summary: 'No shelf at all: every reader gets a newly printed book, and it is burned after reading.',
    lends: 'book',
    words: BOOK,
    bound: 'none',
    startsWith: 0,
    options: {},
    steps: BASIC_STEPS,
    source: 'nopool.ts',
    shelf: false,
    validates: false,
    queues: false,
    fixedBy: {},
    make: (rt) => new NoPool(rt, () => rt.createBook()) as unknown as RunnablePool,
  }),
  level1: level('level1', {
    label: 'Level 1',
    title: 'Level 1 — the basic pool',
    summary: 'A shelf of ready books: take the top one, or print a new one when the shelf is empty.',
    lends: 'book',
    words: BOOK,
    bound: 'size',
    startsWith: 'size',
    options: { size: count(5) },
    steps: BASIC_STEPS,
    source: 'level1.ts',
    shelf: true,
    validates: false,
    queues: false,
    fixedBy: {
      'unbounded-growth': 'level2',
      'dirty-object': 'level3',
      'dirty-read': 'level3',
      leaked: 'level4',
      'dead-handout': 'database',
      'dead-used': 'database',
      ...TRUSTING_RELEASE,
    },
    make: (rt, o) => new Level1Pool(rt, () => rt.createBook(), o.size) as unknown as RunnablePool,
  }),
  level2: level('level2', {
    label: 'Level 2',
    title: 'Level 2 — a maximum size',
    summary: 'Counts the books on loan and refuses to print past a maximum.',
    lends: 'book',
    words: BOOK,
    bound: 'maxSize',
    startsWith: 'minSize',
    options: { minSize: count(2), maxSize: count(10, 1) },
    steps: BASIC_STEPS,
    source: 'level2.ts',
    shelf: true,
    validates: false,
    queues: false,
    fixedBy: {
      exhausted: 'production',
      'dirty-object': 'level3',
      'dirty-read': 'level3',
      leaked: 'level4',
      'dead-handout': 'database',
      'dead-used': 'database',
      'counter-negative': 'production',
      ...TRUSTING_RELEASE,
    },
    make: (rt, o) => new Level2Pool(rt, () => rt.createBook(), o.minSize, o.maxSize) as unknown as RunnablePool,
  }),
  level3: level('level3', {
    label: 'Level 3',
    title: 'Level 3 — cleaning on return',
    summary: 'Cleans every book at the desk before it goes back on the shelf.',
    lends: 'book',
    words: BOOK,
    bound: 'maxSize',
    startsWith: 0,
    options: { maxSize: count(10, 1) },
    steps: BASIC_STEPS,
    source: 'level3.ts',
    shelf: true,
    validates: false,
    queues: false,
    fixedBy: {
      exhausted: 'production',
      // Only when two readers hold one book (a double release): the cleaning comes too late.
      'dirty-object': 'production',
      'dirty-read': 'production',
      leaked: 'level4',
      'dead-handout': 'database',
      'dead-used': 'database',
      'counter-negative': 'production',
      ...TRUSTING_RELEASE,
    },
    make: (rt, o) =>
      new Level3Pool(
        rt,
        () => rt.createBook(),
        (b) => rt.resetBook(b),
        o.maxSize,
      ) as unknown as RunnablePool,
  }),
  level4: level('level4', {
    label: 'Level 4',
    title: 'Level 4 — a guaranteed return',
    summary: 'A block that lends a book and always takes it back, even when the reader fails inside it.',
    lends: 'book',
    words: BOOK,
    bound: 'maxSize',
    startsWith: 0,
    options: { maxSize: count(10, 1) },
    steps: WITH_STEPS,
    source: 'level4.ts',
    shelf: true,
    validates: false,
    queues: false,
    fixedBy: {
      exhausted: 'production',
      'dirty-object': 'production',
      'dirty-read': 'production',
      // Borrowed the plain way, a crash still leaks; the production pool names the borrower.
      leaked: 'production',
      'dead-handout': 'database',
      'dead-used': 'database',
      'counter-negative': 'production',
      ...TRUSTING_RELEASE,
    },
    make: (rt, o) => {
      const pool = new Level4Pool(
        rt,
        () => rt.createBook(),
        (b) => rt.resetBook(b),
        o.maxSize,
      );
      return withUsing(pool as unknown as PoolBase<Pooled>, (body) => pool.get(body as never));
    },
  }),
  database: level('database', {
    label: 'Database',
    title: 'The database pool',
    summary:
      'Real connections: each is checked with SELECT 1 before it is lent, and wiped with ROLLBACK and DISCARD ALL when it returns.',
    lends: 'connection',
    words: CONNECTION,
    bound: 'maxSize',
    startsWith: 2,
    options: { maxSize: count(10, 1) },
    steps: DATABASE_STEPS,
    source: 'database.ts',
    shelf: true,
    validates: true,
    queues: false,
    fixedBy: {
      'over-max': 'production',
      exhausted: 'production',
      'dirty-object': 'production',
      'dirty-read': 'production',
      'dead-handout': 'production',
      leaked: 'production',
      'counter-negative': 'production',
      'capacity-lost': 'production',
      'closed-with-borrowed': 'production',
      'created-after-close': 'production',
      'open-after-close': 'production',
      ...TRUSTING_RELEASE,
    },
    make: (rt, o) => {
      const pool = new DatabasePool(rt, o.maxSize);
      return withUsing(pool as unknown as PoolBase<Pooled>, (body) => pool.connection(body as never));
    },
  }),
  production: level('production', {
    label: 'Production',
    title: 'The production pool',
    summary:
      'Every fix the text asks for, each a switch: a line with a timeout, checked releases, validation, cleanup and leak detection.',
    lends: 'connection',
    words: CONNECTION,
    bound: 'maxSize',
    startsWith: 'minSize',
    options: PRODUCTION_OPTIONS,
    steps: DATABASE_STEPS,
    source: 'production.ts',
    shelf: true,
    validates: true,
    queues: true,
    // Its problems come back only with a fix switched off.
    fixedBy: {},
    make: (rt, o) => {
      const pool = new ProductionPool(rt, o);
      return withUsing(pool as unknown as PoolBase<Pooled>, (body) => pool.connection(body as never));
    },
  }),
};

const solvedBy = (id: LevelId): WarningKind[] => {
  const found = new Set<WarningKind>();
  for (const other of LEVEL_IDS) {
    for (const [warning, fixer] of Object.entries(RECORDS[other].fixedBy)) {
      if (fixer === id) found.add(warning as WarningKind);
    }
  }
  return [...found];
};

function byId<T>(make: (id: LevelId) => T): Record<LevelId, T> {
  const out = {} as Record<LevelId, T>;
  for (const id of LEVEL_IDS) out[id] = make(id);
  return out;
}

/** Every level, by id. */
export const LEVELS: { readonly [L in LevelId]: LevelInfo } = byId((id) => ({ ...RECORDS[id], solves: solvedBy(id) }));

/** The level with this id, or undefined for a name that is not one (a file or a link may say anything). */
export function levelInfo(id: string): LevelInfo | undefined {
  return Object.hasOwn(LEVELS, id) ? LEVELS[id as LevelId] : undefined;
}

/** A level's options with every default filled in. */
export function resolveOptions(id: LevelId, options: LevelOptions): LevelOptions {
  return resolve(LEVELS[id].options, options) as LevelOptions;
}

/** The production pool's options with every default filled in. */
export function productionOptions(options: LevelOptions): ProductionOptions {
  return resolve(PRODUCTION_OPTIONS, options);
}

/** The number the monitor holds a level to: its `maxSize`, Level 1's start-up size, or null. */
export function boundOf(id: LevelId, options: LevelOptions): number | null {
  const { bound } = LEVELS[id];
  if (bound === 'none') return null;
  const value = resolveOptions(id, options)[bound];
  return typeof value === 'number' ? value : null;
}

/** How many objects a level makes at start-up with these options. */
export function startSizeOf(id: LevelId, options: LevelOptions): number {
  const { startsWith } = LEVELS[id];
  if (typeof startsWith === 'number') return startsWith;
  const value = resolveOptions(id, options)[startsWith];
  return typeof value === 'number' ? value : 0;
}
