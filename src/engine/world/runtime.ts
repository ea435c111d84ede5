/**
 * What the level classes run on: the clock, the factory for slow objects, the clients' records and
 * the event log. A level's code reads like the text's class; the pieces here record each thing it
 * does as an event, tagged with the code line (`op.kind`) that did it.
 */
import { createRng, delay, Sim, type Op, type Rng, type Task } from '../core';
import type { Costs, EventBody, LineId, PoolEvent, World } from '../types';
import { keptEvent } from './event';
import { Holds, type Hold } from './holds';
import { swapOut } from './lists';
import { calledFrom, KeptOnce, lineId, mix, type CallLines } from './kept';
import { noteReader } from './readers';
import type { ClientRecord, PoolState, StepScratch } from './records';
import { Book, Connection, type Pooled } from './resources';
import { WorldKeeper } from './snapshot';

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
  /** Rebuild every view of the world at every event instead of keeping it up to date (a check, for tests). */
  readonly rebuildWorld?: boolean;
  /** The kind of line a reader's own `SET` lights inside a pool method (the level's `blockStatements`). */
  readonly setKind?: string;
  /** The lines where the level's methods call each other (the level's `calls`). */
  readonly calls?: CallLines | undefined;
}

/**
 * Told of every event as it happens: its body (for a kept event, the event itself), who and what it
 * is about, and the code line it ran at (null when lines are not worked out). Nothing else is built
 * for a listener: a run that keeps no events makes no event records at all. What the pool looked
 * like then is the pool now (`inUse`, `poolState`), read at once.
 */
export type Listener = (body: EventBody, client: string | null, object: number | null, line: LineId | null) => void;

/** Who and what an event is about, when not the running client's (missing: the running client, no object, its last line). */
export interface EmitAt {
  readonly client?: string | null;
  readonly object?: number | null;
  readonly line?: LineId | null;
}
const NOWHERE: EmitAt = {};

// Events with nothing of their own but their type: one body each, shared by every event.
const CREATED: EventBody = Object.freeze({ type: 'object.created' });
const RESET: EventBody = Object.freeze({ type: 'object.reset' });

export class Runtime {
  readonly sim = new Sim();
  readonly rng: Rng;
  readonly costs: Costs;
  readonly record: boolean;
  readonly maxSize: number | null;
  readonly trace: boolean;
  /**
   * Tag events with their code line. Only a kept event shows its line: a run that keeps none (the
   * CLI, the bench) skips working the lines out — nothing it returns depends on them.
   */
  private readonly lines: boolean;
  private readonly setKind: string;
  private readonly calls: Map<string, Map<string, LineId>> | null;
  readonly events: PoolEvent[] = [];
  readonly objects: Pooled[] = [];
  readonly clients = new Map<string, ClientRecord>();
  readonly listeners: Listener[] = [];
  /** Set by the runner: reads the pool's shelf and counter. */
  poolState: () => PoolState = () => ({ available: [], inUse: null, closed: false, waiting: [] });
  /** Set by the runner: the level's own borrowed counter now (`PoolState.inUse`), read alone. */
  inUse: () => number | null = () => null;
  private seq = 0;
  /** Each reader's number of scenario steps (set by the runner before the run starts). */
  readonly stepCounts = new Map<string, number>();
  /** The task playing each reader's current step (a waiter handed an object is found by its name). */
  readonly stepTasks = new Map<string, Task>();
  /** Which pool operation holds which object (the counter, the desk, the press). */
  readonly holds: Holds;
  /** The world, kept up to date event by event. */
  private readonly world: WorldKeeper;
  /** Bumped by every change to the shelf, so events can share one copy of its ids until it changes. */
  shelfVersion = 0;
  private shelfCache: { version: number; ids: readonly number[] } = { version: -1, ids: [] };
  /** Every order the shelf has stood in, its ids kept once. */
  private readonly shelves = new KeptOnce<readonly number[]>();
  private leases = 0;
  /** Per task, loans its call has counted and not handed over, or taken back and not counted back. */
  // (Two short lists side by side, not a map: a few calls are under way at once, and a map's
  // entries taken out and put back at every loan make it a new table now and then.)
  private readonly owingTasks: Task[] = [];
  private readonly owingCounts: number[] = [];
  /** The clients' records in the order they came: `clients`' values, as a list (walked at every event of a recorded run). */
  readonly clientList: ClientRecord[] = [];
  /** The level's own counter is watched (`countMoves`): what it should say is kept (`owed`). */
  countsWatched = false;
  eventCount = 0;

  constructor(options: RuntimeOptions) {
    this.rng = createRng(options.seed);
    this.costs = options.costs;
    this.record = options.record;
    this.maxSize = options.maxSize;
    this.trace = options.trace ?? true;
    this.lines = options.record;
    this.setKind = options.setKind ?? 'set';
    // By caller, then callee: looked up at every event inside a call, with no key string made for it.
    this.calls = null;
    for (const [pair, line] of Object.entries(options.calls ?? {})) {
      const [caller, callee] = pair.split('>') as [string, string];
      this.calls ??= new Map();
      let byCallee = this.calls.get(caller);
      if (byCallee === undefined) this.calls.set(caller, (byCallee = new Map()));
      byCallee.set(callee, line);
    }
    this.world = new WorldKeeper(this, options.rebuildWorld ?? false);
    // The world's views are looked at again only where a snapshot will be taken: a run that keeps no
    // events takes one, at the end, of everything (the keeper starts with everything to look at).
    this.holds = new Holds(
      (id) => {
        if (this.record) this.world.object(id);
      },
      (reader) => this.stepTasks.get(reader) ?? null,
    );
    // A task that ends lets go of whatever its pool call still had in hand, and owes nothing more.
    this.sim.onTaskEnd = (task) => {
      this.holds.end(task);
      const at = this.owingTasks.indexOf(task);
      if (at >= 0) {
        swapOut(this.owingTasks, at);
        swapOut(this.owingCounts, at);
      }
    };
  }

  /** The pool operations' holds on an object. */
  holdsOf(id: number): readonly Hold[] {
    return this.holds.of(id);
  }

  /**
   * Nothing can reach the object any more: it is open, but no reader holds it, it is not on the
   * shelf, and no pool operation has it in hand (what the world draws as lost).
   */
  unreachable(obj: Pooled): boolean {
    if (obj.closed || this.holds.of(obj.id).length > 0) return false;
    for (const c of this.clients.values()) if (c.holding.some((h) => h.id === obj.id)) return false;
    return !this.poolState().available.includes(obj);
  }

  /** A reader's record changed outside an event of its own (the runner's bookkeeping). */
  changed(client: ClientRecord): void {
    if (this.record) this.world.client(client.name);
  }

  /**
   * The running task's call owes the borrowed counter one more (`+1`: it counted what it has not
   * handed over; it took back what it has not counted back) or one less (`-1`: it settled one; never
   * below nothing: a release of what was never lent settles nothing). See `PoolView.owed`.
   */
  owe(by: 1 | -1): void {
    const task = this.sim.current;
    if (task === null || !this.record) return;
    // Kept (at 0 too) until the task ends.
    let at = this.owingTasks.indexOf(task);
    if (at < 0) {
      at = this.owingTasks.push(task) - 1;
      this.owingCounts.push(0);
    }
    this.owingCounts[at] = Math.max(0, this.owingCounts[at]! + by);
  }

  /**
   * What the borrowed counter should say (`PoolView.owed`); null for a pool that keeps no counter of
   * its own (the production pool's is worked out from its ledger, and cannot be wrong).
   */
  owed(pool: PoolState): number | null {
    if (!this.countsWatched || pool.inUse === null) return null;
    let owed = 0;
    const clients = this.clientList;
    for (let i = 0; i < clients.length; i++) owed += clients[i]!.holding.length;
    for (let i = 0; i < this.owingCounts.length; i++) owed += this.owingCounts[i]!;
    return owed;
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
      c = {
        name,
        holding: [],
        status: 'idle',
        doing: null,
        call: null,
        ended: null,
        error: null,
        stepsLeft: this.stepCounts.get(name) ?? 0,
      };
      this.clients.set(name, c);
      this.clientList.push(c);
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
    const op = this.sim.current?.op();
    return op === undefined ? null : this.called(lineId(op, kind));
  }

  /**
   * A line of the method at `depth` of the running task's calls (the innermost, by default), named
   * with the lines that called that method, where the level names them (`calls`): while `acquire`
   * runs inside Level 4's `get`, `get.acquire` runs too.
   */
  called(line: LineId, depth = (this.sim.current?.depth ?? 0) - 1): LineId {
    const task = this.sim.current;
    if (this.calls === null || task === null || depth < 1) return line;
    let chain: LineId | null = null;
    for (let i = 0; i < depth; i++) {
      const site = this.calls.get(task.opAt(i)!)?.get(task.opAt(i + 1)!);
      if (site !== undefined) chain = chain === null ? site : calledFrom(chain, site);
    }
    return chain === null ? line : calledFrom(chain, line);
  }

  /** No event is kept or listened to: events are only counted (a batch run). */
  get unheard(): boolean {
    return !this.record && this.listeners.length === 0;
  }

  /** Count an event nobody hears (see `unheard`): all `post` would do with it. */
  countUnheard(): void {
    this.eventCount++;
  }

  /**
   * A line of the pool's code that makes no event of its own ran (emptying the shelf): the running
   * step's next event that names no line of its own is shown at it, as after any other line.
   */
  ranLine(kind: string): void {
    if (!this.lines) return;
    const line = this.lineFor(kind);
    const scratch = this.scratchOf(this.sim.current);
    if (scratch && line) scratch.lastLine = line;
  }

  /** Record an event done by the running client, from inside the pool's code. */
  emitHere(body: EventBody, obj: Pooled | null, kind: string | null): void {
    const task = this.sim.current;
    let line: LineId | null = null;
    if (this.lines && kind !== null) {
      line = this.lineFor(kind === 'set' ? this.setKind : kind);
      const scratch = this.scratchOf(task);
      if (scratch && line) scratch.lastLine = line;
    }
    this.post(body, task?.client ?? null, obj?.id ?? null, line);
  }

  emit(body: EventBody, at: EmitAt = NOWHERE): void {
    const task = this.sim.current;
    const line = at.line !== undefined ? at.line : this.lines ? (this.scratchOf(task)?.lastLine ?? null) : null;
    this.post(body, at.client === undefined ? (task?.client ?? null) : at.client, at.object ?? null, line);
  }

  /**
   * Complete an event and hand it on: to the log with its world (when recording), and to the
   * listeners. An event nobody keeps is never built: the listeners hear its body and its fields.
   */
  private post(body: EventBody, client: string | null, object: number | null, line: LineId | null): void {
    this.eventCount++;
    const listeners = this.listeners;
    if (this.record) {
      const pool = this.poolState();
      const event = keptEvent(body, this.seq++, this.sim.now, client, object, line, this.shelfNow(pool), pool.inUse);
      this.track(body, client, object);
      event.world = this.world.snapshot(pool, event.available);
      this.events.push(event);
      for (let i = 0; i < listeners.length; i++) listeners[i]!(event, client, object, line);
      return;
    }
    if (listeners.length === 0) return;
    this.track(body, client, object);
    for (let i = 0; i < listeners.length; i++) listeners[i]!(body, client, object, line);
  }

  // ── the slow work ────────────────────────────────────────────────────────────────────────

  private *build<T extends Pooled>(make: (id: number) => T): Op<T> {
    const ms = this.rng.int(this.costs.createMs[0], this.costs.createMs[1]);
    const obj = make(this.objects.length + 1);
    this.objects.push(obj);
    obj.begin('create');
    const scratch = this.scratchOf(this.sim.current);
    if (scratch) (scratch.created ??= []).push(obj.id);
    this.emitHere({ type: 'object.creating', ms }, obj, 'create');
    yield* delay(ms);
    obj.end('create');
    this.emitHere(CREATED, obj, 'create');
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
    book.begin('reset');
    this.emitHere({ type: 'object.resetting', ms: this.costs.resetMs }, book, 'reset');
    yield* delay(this.costs.resetMs);
    book.end('reset');
    book.note = null;
    book.writtenBy = null;
    this.emitHere(RESET, book, 'reset');
  }

  // ── the world, for drawing ───────────────────────────────────────────────────────────────

  /** The world as it stands now, sharing what did not change with the last snapshot. */
  snapshot(): World {
    const pool = this.poolState();
    return this.world.snapshot(pool, this.shelfNow(pool));
  }

  /** The shelf's ids, one copy shared by every event until the shelf changes. */
  private shelfNow(pool: PoolState): readonly number[] {
    if (this.shelfCache.version !== this.shelfVersion) {
      // A recorded run keeps every shelf its events carry, and every run each step's shelf in its
      // report; the shelf comes back to the same few orders again and again, and each is kept once.
      const shelf = pool.available;
      let hash = shelf.length;
      for (const o of shelf) hash = mix(hash, o.id);
      const ids =
        this.shelves.find(hash, shelf, sameIds) ??
        this.shelves.keep(
          hash,
          shelf.map((o) => o.id),
        );
      this.shelfCache = { version: this.shelfVersion, ids };
    }
    return this.shelfCache.ids;
  }

  /** The shelf's ids now, bottom to top (the same shared copy the events carry). */
  shelfIds(): readonly number[] {
    return this.shelfNow(this.poolState());
  }

  /** What an event changes in the world: the operations' holds, the readers' errors, what to look at again. */
  private track(body: EventBody, client: string | null, object: number | null): void {
    const task = this.sim.current;
    this.holds.note(body, object, task);
    if (client !== null) noteReader(body, this.clients.get(client));
    if (!this.record) return;
    const world = this.world;
    world.object(object);
    world.client(client);
    world.client(task?.client);
    if (body.type === 'object.handedoff') world.client(body.to);
    else if (body.type === 'server.restarted') world.all();
  }
}

/** Whether a kept list of ids is the shelf's objects' ids, in order. */
function sameIds(ids: readonly number[], shelf: readonly Pooled[]): boolean {
  if (ids.length !== shelf.length) return false;
  for (let i = 0; i < ids.length; i++) if (ids[i] !== shelf[i]!.id) return false;
  return true;
}
