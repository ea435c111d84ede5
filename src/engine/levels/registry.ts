/**
 * The level registry's records: one per level, in path order. To add a level, write its class in
 * this folder, add its id to `LEVEL_IDS` (../types.ts) and its record here.
 */
import { LEVEL_IDS, type LevelId, type StepKind, type WarningKind } from '../types';
import type { CallLines, CountLines, PoolBase, Pooled, Runtime, Op } from '../world';
import { DatabasePool } from './database';
import type { LevelInfo, RunnablePool, ThingWords } from './info';
import { Level1Pool } from './level1';
import { Level2Pool } from './level2';
import { Level3Pool } from './level3';
import { Level4Pool } from './level4';
import { NoPool } from './nopool';
import { count, fixes, resolve, time, type OptionSpecs, type Resolved } from './options';
import { PRODUCTION_DEFAULTS, ProductionPool } from './production';

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

/** The markers of the lines that move a text level's own `inUseCount` (the same on every level that keeps one). */
const COUNT_LINES: CountLines = { taken: 'acquire.count', made: 'acquire.countNew', returned: 'release.count' };

/** The lines of a `connection(body)` method that call acquire and release (see `LevelInfo.calls`). */
const CONNECTION_CALLS: CallLines = {
  'connection>acquire': 'connection.acquire',
  'connection>release': 'connection.release',
};

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
    summary:
      'A shelf of ready-made books: take the top one, or print a new one when the shelf is empty, and put back whatever comes back.',
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
    counts: COUNT_LINES,
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
    counts: COUNT_LINES,
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
    summary: 'A block that lends a book and always takes it back, even when the reader crashes inside it.',
    lends: 'book',
    words: BOOK,
    bound: 'maxSize',
    startsWith: 0,
    options: { maxSize: count(10, 1) },
    steps: WITH_STEPS,
    source: 'level4.ts',
    shelf: true,
    counts: COUNT_LINES,
    calls: { 'get>acquire': 'get.acquire', 'get>release': 'get.release' },
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
      'Real connections: each one is checked with SELECT 1 before it is lent, and its session is wiped with ROLLBACK and DISCARD ALL when it returns; close() shuts the pool.',
    lends: 'connection',
    words: CONNECTION,
    bound: 'maxSize',
    startsWith: 2,
    options: { maxSize: count(10, 1) },
    steps: DATABASE_STEPS,
    source: 'database.ts',
    shelf: true,
    counts: COUNT_LINES,
    calls: {
      ...CONNECTION_CALLS,
      'init>createConnection': 'init.create',
      'acquire>createConnection': 'acquire.create',
      'acquire>validateConnection': 'acquire.validate',
      'release>resetConnection': 'release.reset',
    },
    validates: true,
    loanLine: 'acquire.valid',
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
    calls: CONNECTION_CALLS,
    validates: true,
    loanLine: 'acquire.valid',
    queues: true,
    blockStatements: 'set',
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
