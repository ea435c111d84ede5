/**
 * What the level classes run on: the shelf, the factory for slow objects, the database, and the
 * event log. A level's code reads like the text's class; the pieces here record each thing it does
 * as an event, tagged with the code step (`op.kind`) that did it.
 */
import { Book, Connection, type Pooled } from './resources';
import { createRng, type Rng } from './rng';
import { delay, Sim, type Op, type Task } from './sim';
import type { ClientStatus, Costs, EventBody, ObjectView, Place, PoolEvent, StepId, StepKind, World } from './types';

/** The pool refused: nothing on the shelf and no room to create. */
export class PoolExhausted extends Error {
  override name = 'PoolExhausted';
}

/** The production pool said no: it timed out, it is closed, or the release was not of a borrowed object. */
export class PoolError extends Error {
  override name = 'PoolError';
  constructor(
    readonly kind: 'timeout' | 'closed' | 'not-borrowed',
    message: string,
  ) {
    super(message);
  }
}

/** Bad input in a scenario (not a bug in a level): the CLI reports it in one line. */
export class ScenarioError extends Error {
  override name = 'ScenarioError';
  constructor(
    message: string,
    readonly stepIndex: number | null = null,
  ) {
    super(message);
  }
}

/** A reference a client holds: which object, under which lease. */
export interface Holding {
  readonly id: number;
  readonly lease: number;
}

export interface ClientRecord {
  readonly name: string;
  readonly holding: Holding[];
  status: ClientStatus;
  doing: StepKind | null;
  waitingSince: number | null;
}

/** Scratch notes a task keeps while one scenario step runs. */
export interface StepScratch {
  /** The scenario step this task runs. */
  index: number;
  created: number[];
  discarded: number[];
  lastStep: StepId | null;
}

export interface RuntimeOptions {
  readonly seed: number;
  readonly costs: Costs;
  /** Keep every event and a world snapshot with each (the lab); off for batch runs. */
  readonly record: boolean;
  readonly maxSize: number | null;
  /**
   * Tag events with the code step that ran them (default true). Batch load runs, which read no
   * step ids, switch it off: the pool's methods are then called directly, unwrapped.
   */
  readonly trace?: boolean;
}

export type Listener = (event: PoolEvent) => void;

/** A client queued for an object (production level), and since when. */
export interface Waiting {
  readonly client: string;
  readonly since: number;
}

export interface PoolState {
  available: readonly Pooled[];
  inUse: number | null;
  closed: boolean;
  /** Queued acquires, first in line first. */
  waiting: readonly Waiting[];
}

export class Runtime {
  readonly sim = new Sim();
  readonly rng: Rng;
  readonly costs: Costs;
  readonly record: boolean;
  readonly maxSize: number | null;
  readonly trace: boolean;
  readonly events: PoolEvent[] = [];
  readonly objects: Pooled[] = [];
  readonly clients = new Map<string, ClientRecord>();
  readonly listeners: Listener[] = [];
  /** Set by the runner: reads the pool's shelf and counter. */
  poolState: () => PoolState = () => ({ available: [], inUse: null, closed: false, waiting: [] });
  private seq = 0;
  /** The last snapshot: parts of the world that did not change are shared with it, not copied. */
  private lastWorld: World | null = null;
  /** Bumped by every change to the shelf, so events can share one copy of its ids until it changes. */
  shelfVersion = 0;
  private shelfIds: { version: number; ids: readonly number[] } = { version: -1, ids: [] };
  private leases = 0;
  eventCount = 0;

  constructor(options: RuntimeOptions) {
    this.rng = createRng(options.seed);
    this.costs = options.costs;
    this.record = options.record;
    this.maxSize = options.maxSize;
    this.trace = options.trace ?? true;
  }

  nextLease(): number {
    return ++this.leases;
  }

  object(id: number): Pooled | undefined {
    return this.objects[id - 1];
  }

  client(name: string): ClientRecord {
    let c = this.clients.get(name);
    if (!c) {
      c = { name, holding: [], status: 'idle', doing: null, waitingSince: null };
      this.clients.set(name, c);
    }
    return c;
  }

  scratchOf(task: Task | null): StepScratch | undefined {
    return (task?.scratch as StepScratch | null | undefined) ?? undefined;
  }

  /** Who is calling right now: the client and the scenario step its task runs (for a borrower ledger). */
  caller(): { client: string | null; step: number | null } {
    const task = this.sim.current;
    return { client: task?.client ?? null, step: this.scratchOf(task)?.index ?? null };
  }

  /** The code step a primitive of `kind` is running, from the pool method the caller is inside. */
  stepFor(kind: string): StepId | null {
    const op = this.sim.current?.ops.at(-1);
    return op === undefined ? null : `${op}.${kind}`;
  }

  /** Record an event done by the running client, from inside the pool's code. */
  emitHere(body: EventBody, obj: Pooled | null, kind: string | null): void {
    const step = kind === null ? null : this.stepFor(kind);
    const scratch = this.scratchOf(this.sim.current);
    if (scratch && step) scratch.lastStep = step;
    this.emit(body, { object: obj?.id ?? null, step });
  }

  emit(body: EventBody, at: { client?: string | null; object?: number | null; step?: StepId | null } = {}): void {
    this.eventCount++;
    if (!this.record && this.listeners.length === 0) return;
    const pool = this.poolState();
    if (this.shelfIds.version !== this.shelfVersion) {
      this.shelfIds = { version: this.shelfVersion, ids: pool.available.map((o) => o.id) };
    }
    // The body is a fresh literal from the caller: complete it in place rather than copy it (hot path).
    const event = body as EventBody & { -readonly [K in keyof PoolEvent]?: unknown };
    event.seq = this.seq++;
    event.t = this.sim.now;
    event.client = at.client === undefined ? (this.sim.current?.client ?? null) : at.client;
    event.object = at.object ?? null;
    event.step = at.step === undefined ? (this.scratchOf(this.sim.current)?.lastStep ?? null) : at.step;
    event.available = this.shelfIds.ids;
    event.inUse = pool.inUse;
    if (this.record) {
      event.world = this.snapshot();
      this.events.push(event as PoolEvent);
    }
    for (const listen of this.listeners) listen(event as PoolEvent);
  }

  // ── the slow work ────────────────────────────────────────────────────────────────────────

  private *build<T extends Pooled>(make: (id: number) => T): Op<T> {
    const ms = this.rng.int(this.costs.createMs[0], this.costs.createMs[1]);
    const obj = make(this.objects.length + 1);
    this.objects.push(obj);
    obj.busy = 'create';
    this.scratchOf(this.sim.current)?.created.push(obj.id);
    this.emitHere({ type: 'object.creating', ms }, obj, 'create');
    yield* delay(ms);
    obj.busy = null;
    this.emitHere({ type: 'object.created' }, obj, 'create');
    return obj;
  }

  /** Print a new book: the expensive operation a pool exists to avoid. */
  *createBook(): Op<Book> {
    return yield* this.build((id) => new Book(id, this.sim.now));
  }

  /** Open a new connection to the database: slow, like a real TCP + auth handshake. */
  *connect(): Op<Connection> {
    return yield* this.build((id) => new Connection(this, id, this.sim.now));
  }

  /** A plain reset: clear what the borrower wrote. */
  *resetBook(book: Book): Op<void> {
    book.busy = 'reset';
    this.emitHere({ type: 'object.resetting', ms: this.costs.resetMs }, book, 'reset');
    yield* delay(this.costs.resetMs);
    book.busy = null;
    book.note = null;
    book.writtenBy = null;
    this.emitHere({ type: 'object.reset' }, book, 'reset');
  }

  // ── the world, for drawing ───────────────────────────────────────────────────────────────

  snapshot(): World {
    const pool = this.poolState();
    const shelfCount = new Map<number, number>();
    for (const o of pool.available) shelfCount.set(o.id, (shelfCount.get(o.id) ?? 0) + 1);
    const holders = new Map<number, string[]>();
    for (const c of this.clients.values()) {
      for (const h of c.holding) {
        const list = holders.get(h.id) ?? [];
        if (!list.includes(c.name)) list.push(c.name);
        holders.set(h.id, list);
      }
    }
    let open = 0;
    const last = this.lastWorld;
    const objects: ObjectView[] = this.objects.map((o, i) => {
      if (!o.closed) open++;
      const onShelf = shelfCount.get(o.id) ?? 0;
      const held = holders.get(o.id) ?? [];
      let place: Place;
      if (o.closed) place = 'bin';
      else if (o.busy === 'create') place = 'press';
      else if (o.busy !== null) place = 'desk';
      else if (onShelf > 0) place = 'shelf';
      else if (held.length > 0) place = 'held';
      else place = 'lost';
      return reuse(last?.objects[i], {
        id: o.id,
        kind: o.kind,
        alive: o.alive,
        state: o.state,
        place,
        onShelf,
        holders: held,
        busy: o.busy,
        createdAt: o.createdAt,
        lends: o.lends,
      });
    });
    const clients = [...this.clients.values()].map((c, i) => {
      const queued = pool.waiting.find((w) => w.client === c.name);
      return reuse(last?.clients[i], {
        name: c.name,
        holding: c.holding.map((h) => h.id),
        status: queued ? 'waiting' : c.status,
        doing: c.doing,
        waitingSince: queued ? queued.since : c.waitingSince,
      });
    });
    const world: World = {
      t: this.sim.now,
      pool: reuse(last?.pool, {
        available: pool.available.map((o) => o.id),
        inUse: pool.inUse,
        created: this.objects.length,
        open,
        maxSize: this.maxSize,
        closed: pool.closed,
        waiting: pool.waiting.map((w) => w.client),
      }),
      objects: last && sameItems(last.objects, objects) ? last.objects : objects,
      clients: last && sameItems(last.clients, clients) ? last.clients : clients,
    };
    this.lastWorld = world;
    return world;
  }
}

const sameItems = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The previous snapshot's view of a thing when nothing in it changed (fields compared one level
 * deep, lists item by item), so a long timeline keeps one copy of what stays the same.
 */
function reuse<T extends object>(prev: T | undefined, next: T): T {
  if (prev === undefined) return next;
  for (const key of Object.keys(next) as (keyof T)[]) {
    const a = prev[key];
    const b = next[key];
    if (a === b) continue;
    if (Array.isArray(a) && Array.isArray(b) && sameItems(a, b)) continue;
    return next;
  }
  return prev;
}

/**
 * The shelf of available objects: a stack, as in the text (`append` puts on top, `pop` takes the
 * top: last in, first out). It records each push and pop as an event.
 */
export class Shelf<T extends Pooled> implements Iterable<T> {
  private items: T[] = [];
  constructor(private readonly rt: Runtime) {
    rt.shelfVersion++;
  }

  get length(): number {
    return this.items.length;
  }

  push(obj: T): void {
    this.items.push(obj);
    this.rt.shelfVersion++;
    this.rt.emitHere({ type: 'object.shelved' }, obj, 'push');
  }

  pop(): T {
    const obj = this.items.pop();
    if (obj === undefined) throw new Error('pop from an empty shelf');
    this.rt.shelfVersion++;
    this.rt.emitHere({ type: 'object.taken' }, obj, 'pop');
    return obj;
  }

  /** The top of the shelf, left where it is (no event: looking is not taking). */
  top(): T | undefined {
    return this.items.at(-1);
  }

  /** Take one particular object off the shelf as a recorded step; false if it is not there. */
  take(obj: T): boolean {
    if (!this.remove(obj)) return false;
    this.rt.emitHere({ type: 'object.taken' }, obj, 'take');
    return true;
  }

  /** Take one particular object off the shelf, wherever it stands. */
  remove(obj: T): boolean {
    const i = this.items.lastIndexOf(obj);
    if (i < 0) return false;
    this.items.splice(i, 1);
    this.rt.shelfVersion++;
    return true;
  }

  includes(obj: T): boolean {
    return this.items.includes(obj);
  }

  /** Empty the shelf (what the text writes as `self.available = []`). */
  clear(): void {
    this.items = [];
    this.rt.shelfVersion++;
  }

  toArray(): readonly T[] {
    return this.items;
  }

  [Symbol.iterator](): Iterator<T> {
    return [...this.items][Symbol.iterator]();
  }
}

type GeneratorMethod = (...args: unknown[]) => Op<unknown>;

/**
 * The base every level extends. It wraps the level's own generator methods so each event knows
 * which method ran it (the first half of a step id), and reports a refusal where it is thrown.
 */
export abstract class PoolBase<T extends Pooled> {
  protected readonly available: Shelf<T>;

  constructor(protected readonly rt: Runtime) {
    this.available = new Shelf<T>(rt);
    if (rt.trace) traceMethods(this, rt);
  }

  /** Fill the pool at start-up: the text's `__init__`, which may create objects (slow). */
  abstract init(): Op<void>;
  abstract acquire(): Op<T>;
  abstract release(obj: T): Op<void>;

  /** The shelf as it stands, bottom to top. */
  shelf(): readonly T[] {
    return this.available.toArray();
  }
}

function traceMethods(pool: object, rt: Runtime): void {
  const wrapped = new Set<string>();
  for (
    let proto = Object.getPrototypeOf(pool) as object | null;
    proto && proto !== PoolBase.prototype;
    proto = Object.getPrototypeOf(proto) as object | null
  ) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const fn: unknown = Object.getOwnPropertyDescriptor(proto, name)?.value; // getters are not run
      if (name === 'constructor' || wrapped.has(name) || typeof fn !== 'function') continue;
      if (fn.constructor?.name !== 'GeneratorFunction') continue;
      wrapped.add(name);
      const method = fn as GeneratorMethod;
      Object.defineProperty(pool, name, {
        value: function* traced(this: unknown, ...args: unknown[]): Op<unknown> {
          const task = rt.sim.current;
          task?.ops.push(name);
          try {
            const result = yield* method.apply(this, args);
            if (name.startsWith('validate')) {
              const obj = args[0] as Pooled;
              const parent = task?.ops.at(-2) ?? name;
              const step: StepId = `${parent}.${result ? 'valid' : 'validate'}`;
              const scratch = rt.scratchOf(task);
              if (scratch) {
                scratch.lastStep = step;
                if (!result) scratch.discarded.push(obj.id);
              }
              rt.emit({ type: 'object.validated', ok: Boolean(result) }, { object: obj.id, step });
            }
            return result;
          } catch (error) {
            if (error instanceof PoolExhausted && !reported.has(error)) {
              reported.add(error);
              const step: StepId = `${name}.refuse`;
              const scratch = rt.scratchOf(task);
              if (scratch) scratch.lastStep = step;
              rt.emit({ type: 'pool.exhausted', message: error.message }, { step });
            }
            throw error;
          } finally {
            task?.ops.pop();
          }
        },
        writable: true,
        configurable: true,
      });
    }
  }
}

const reported = new WeakSet<Error>();
