/**
 * What the level classes run on: the clock, the factory for slow objects, the clients' records and
 * the event log. A level's code reads like the text's class; the pieces here record each thing it
 * does as an event, tagged with the code line (`op.kind`) that did it.
 */
import { createRng, delay, Sim, type Op, type Rng, type Task } from '../core';
import type { Costs, EventBody, LineId, PoolEvent, World } from '../types';
import type { ClientRecord, PoolState, StepScratch } from './records';
import { Book, Connection, type Pooled } from './resources';
import { snapshotOf } from './snapshot';

export interface RuntimeOptions {
  readonly seed: number;
  readonly costs: Costs;
  /** Keep every event and a world snapshot with each (the lab); off for batch runs. */
  readonly record: boolean;
  readonly maxSize: number | null;
  /**
   * Tag events with the code line that ran them (default true). Batch load runs, which read no
   * line ids, switch it off: the pool's methods are then called directly, unwrapped.
   */
  readonly trace?: boolean;
}

export type Listener = (event: PoolEvent) => void;

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
      c = { name, holding: [], status: 'idle', doing: null };
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

  /** The code line a primitive of `kind` is running, from the pool method the caller is inside. */
  lineFor(kind: string): LineId | null {
    const op = this.sim.current?.ops.at(-1);
    return op === undefined ? null : `${op}.${kind}`;
  }

  /** Record an event done by the running client, from inside the pool's code. */
  emitHere(body: EventBody, obj: Pooled | null, kind: string | null): void {
    const line = kind === null ? null : this.lineFor(kind);
    const scratch = this.scratchOf(this.sim.current);
    if (scratch && line) scratch.lastLine = line;
    this.emit(body, { object: obj?.id ?? null, line });
  }

  emit(body: EventBody, at: { client?: string | null; object?: number | null; line?: LineId | null } = {}): void {
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
    event.line = at.line === undefined ? (this.scratchOf(this.sim.current)?.lastLine ?? null) : at.line;
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

  /** The world as it stands now, sharing what did not change with the last snapshot. */
  snapshot(): World {
    const world = snapshotOf(this, this.poolState(), this.lastWorld);
    this.lastWorld = world;
    return world;
  }
}
