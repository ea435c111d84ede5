/**
 * The world as it stands after an event, for drawing: every object's places (press, shelf, counter,
 * desk, hands, lost, bin), every reader's state, and the pool's counts. Snapshots are kept up to
 * date rather than rebuilt: only the objects and readers an event touched are looked at again, and
 * whatever did not change is shared with the snapshot before, so a long timeline keeps one copy of
 * what stays the same.
 */
import type { ClientView, ObjectView, PoolView, World } from '../types';
import type { Hold } from './holds';
import { handsOn, legacyPlace, PlaceBook, placesStill, sameItems } from './places';
import { clientViewOf } from './readers';
import { KeptOnce, mix } from './kept';
import { Marks } from './lists';
import { Room } from './room';
import type { ClientRecord, PoolState } from './records';
import type { Pooled } from './resources';

/** What a snapshot is taken from. */
export interface SnapshotSource {
  readonly sim: { readonly now: number };
  readonly objects: readonly Pooled[];
  readonly clients: ReadonlyMap<string, ClientRecord>;
  /** The clients' records in the order they came (`clients`' values). */
  readonly clientList: readonly ClientRecord[];
  readonly maxSize: number | null;
  /** The pool operations' holds on an object (see holds.ts). */
  holdsOf(id: number): readonly Hold[];
  /** What the borrowed counter should say (see `PoolView.owed`). */
  owed(pool: PoolState): number | null;
}

const NO_SLOTS: readonly number[] = [];
/** By slot: the list of that slot alone. */
const SLOT_ALONE: (readonly number[])[] = [];
const NO_NAMES: readonly string[] = [];

export class WorldKeeper {
  private last: World | null = null;
  /** The world before `last`: an event often undoes the one before (a statement starts, then ends). */
  private lastButOne: World | null = null;
  private objects: ObjectView[] = [];
  private clients: readonly ClientView[] = [];
  private readonly clientIndex = new Map<string, number>();
  /** What to look at again at the next snapshot (see `Marks`: this runs at every event of a recorded run). */
  private readonly dirtyObjects = new Marks<number>();
  private readonly dirtyClients = new Marks<string>();
  private everything = true;
  private shelfIds: readonly number[] = [];
  private readonly slots = new Map<number, readonly number[]>();
  private readonly holders = new Map<number, readonly string[]>();
  private waiting: readonly string[] = NO_NAMES;
  private held = 0;
  private open = 0;

  constructor(
    private readonly rt: SnapshotSource,
    /** Rebuild every view at every snapshot (a check that the kept-up-to-date world is the true one). */
    private readonly rebuild = false,
  ) {}

  /** An object's view may have changed. */
  object(id: number | null): void {
    if (id !== null) this.dirtyObjects.add(id);
  }

  /** A reader's view may have changed. */
  client(name: string | null | undefined): void {
    if (name) this.dirtyClients.add(name);
  }

  /** Everything may have changed (a server restart kills every object). */
  all(): void {
    this.everything = true;
  }

  snapshot(pool: PoolState, ids: readonly number[]): World {
    if (this.rebuild) this.everything = true;
    if (ids !== this.shelfIds || this.rebuild) this.shelfMoved(ids);
    const waiting = this.waitingNow(pool);
    const clients = this.updateClients(pool);
    const objects = this.updateObjects();
    const poolView = this.poolView(pool, ids, waiting);
    this.everything = false;
    const last = this.last;
    if (last && last.pool === poolView && last.objects === objects && last.clients === clients) return last;
    const back = this.lastButOne;
    this.lastButOne = last;
    if (back && back.pool === poolView && back.objects === objects && back.clients === clients) this.last = back;
    else this.last = { pool: poolView, objects, clients };
    return this.last;
  }

  // ── the shelf and the line ──────────────────────────────────────────────────────────────────

  /** Objects whose slots moved: from the first slot that differs to the top, before and after. */
  private shelfMoved(ids: readonly number[]): void {
    const before = this.shelfIds;
    let i = 0;
    while (i < before.length && i < ids.length && before[i] === ids[i]) i++;
    for (let k = i; k < before.length; k++) this.dirtyObjects.add(before[k]!);
    for (let k = i; k < ids.length; k++) this.dirtyObjects.add(ids[k]!);
    this.shelfIds = ids;
    this.slots.clear();
    for (let slot = 0; slot < ids.length; slot++) {
      const list = this.slots.get(ids[slot]!);
      // Most objects stand in one slot: the one shared list of that slot alone.
      if (list) this.slots.set(ids[slot]!, [...list, slot]);
      else this.slots.set(ids[slot]!, (SLOT_ALONE[slot] ??= Object.freeze([slot])));
    }
  }

  /** The waiting line's names; readers who joined or left it are looked at again. */
  private waitingNow(pool: PoolState): readonly string[] {
    const names = pool.waiting;
    const before = this.waiting;
    if (sameNames(names, before)) return before;
    for (const name of before) this.dirtyClients.add(name);
    for (const w of names) this.dirtyClients.add(w.client);
    this.waiting = names.length === 0 ? NO_NAMES : names.map((w) => w.client);
    return this.waiting;
  }

  // ── readers ─────────────────────────────────────────────────────────────────────────────────
  // (Plain loops and methods, no closures: this runs at every event of a recorded run.)

  /** The readers' views being made for this snapshot (see room.ts). */
  private readonly room = new Room();
  private holdingMoved = false;

  private updateClients(pool: PoolState): readonly ClientView[] {
    this.room.begin(this.clients);
    this.holdingMoved = false;
    if (this.everything) for (const c of this.rt.clientList) this.lookAtClient(c, pool);
    else
      for (let k = 0; k < this.dirtyClients.size; k++) {
        const c = this.rt.clients.get(this.dirtyClients.at(k));
        if (c) this.lookAtClient(c, pool);
      }
    this.dirtyClients.clear();
    this.clients = this.room.end();
    if (this.holdingMoved || this.everything) holdersOf(this.clients, this.places, this.holders);
    return this.clients;
  }

  private lookAtClient(c: ClientRecord, pool: PoolState): void {
    let i = this.clientIndex.get(c.name);
    const prev = i === undefined ? undefined : this.room.views[i];
    const fresh = clientViewOf(c, pool.waiting, prev);
    if (fresh === prev) return;
    const next = this.room.seenBefore(fresh);
    if (next === prev) return;
    if (i === undefined) {
      i = this.room.views.length;
      this.clientIndex.set(c.name, i);
    }
    this.room.put(i, next);
    if (prev === undefined || !sameItems(prev.holding, next.holding)) {
      this.holdingMoved = true;
      if (prev) for (const id of prev.holding) this.dirtyObjects.add(id);
      for (const id of next.holding) this.dirtyObjects.add(id);
    }
  }

  // ── objects ─────────────────────────────────────────────────────────────────────────────────

  private readonly places = new PlaceBook();

  /** The objects' views being made for this snapshot, as for the readers'. */
  private objectViews: ObjectView[] = [];
  /**
   * Each object's view before its present one, and the list of views before the present list. A
   * change is often undone at the next one (a connection busy with `SELECT 1`, then not), and what
   * it comes back to is then the view, and often the list, kept already.
   */
  private readonly viewsBefore: (ObjectView | undefined)[] = [];
  private objectsBefore: ObjectView[] = [];

  private updateObjects(): ObjectView[] {
    this.objectViews = this.objects;
    const all = this.rt.objects;
    if (this.everything) for (const o of all) this.lookAtObject(o);
    else {
      for (let i = this.objects.length; i < all.length; i++) this.lookAtObject(all[i]!);
      for (let k = 0; k < this.dirtyObjects.size; k++) {
        const o = all[this.dirtyObjects.at(k) - 1];
        if (o) this.lookAtObject(o);
      }
    }
    this.dirtyObjects.clear();
    if (this.objectViews !== this.objects) {
      const back = sameItems(this.objectViews, this.objectsBefore) ? this.objectsBefore : this.objectViews;
      this.objectsBefore = this.objects;
      this.objects = back;
    }
    return this.objects;
  }

  private lookAtObject(o: Pooled): void {
    const i = o.id - 1;
    const prev = this.objectViews[i];
    let next = this.objectView(o, prev);
    if (next === prev) return;
    const before = this.viewsBefore[i];
    if (before && prev && this.stillSays(before, o, this.rt.holdsOf(o.id), next)) next = before;
    this.viewsBefore[i] = prev;
    if (this.objectViews === this.objects) this.objectViews = this.objects.slice();
    this.objectViews[i] = next;
    this.held += handsOn(next) - (prev ? handsOn(prev) : 0);
    this.open += (next.place === 'bin' ? 0 : 1) - (prev && prev.place !== 'bin' ? 1 : 0);
  }

  /** The object's view: `prev` itself when nothing in it changed (compared before anything is built). */
  private objectView(o: Pooled, prev: ObjectView | undefined): ObjectView {
    const slots = this.slots.get(o.id) ?? NO_SLOTS;
    let holders = this.holders.get(o.id) ?? NO_NAMES;
    if (prev && prev.holders !== holders && sameItems(prev.holders, holders)) holders = prev.holders;
    const holds = this.rt.holdsOf(o.id);
    const places =
      prev && placesStill(prev.places, o, holds, slots, holders)
        ? prev.places
        : this.places.placesOf(o, holds, slots, holders);
    if (prev && prev.places === places && sameFields(prev, o, holders, slots.length)) return prev;
    return {
      id: o.id,
      kind: o.kind,
      alive: o.alive,
      state: o.state,
      place: legacyPlace(places[0]!),
      places,
      onShelf: slots.length,
      holders,
      createdAt: o.createdAt,
      lends: o.lends,
    };
  }

  /** Whether an earlier view of the object says what `next`, just made, says. */
  private stillSays(view: ObjectView, o: Pooled, holds: readonly Hold[], next: ObjectView): boolean {
    return (
      sameItems(view.holders, next.holders) &&
      sameFields(view, o, view.holders, next.onShelf) &&
      placesStill(view.places, o, holds, this.slots.get(o.id) ?? NO_SLOTS, next.holders)
    );
  }

  // ── the pool ────────────────────────────────────────────────────────────────────────────────

  private readonly pools = new KeptOnce<PoolView>();
  private readonly poolProbe: { -readonly [K in keyof PoolView]: PoolView[K] } = {
    available: NO_SLOTS,
    inUse: null,
    owed: null,
    held: 0,
    created: 0,
    open: 0,
    maxSize: null,
    closed: false,
    waiting: NO_NAMES,
  };

  private poolView(pool: PoolState, ids: readonly number[], waiting: readonly string[]): PoolView {
    // Compared as a probe first (nothing is made for a pool whose figures stand), then looked for
    // among the pools kept: its figures come back to the same few too (a shelf of 8, none out; 7
    // and 1; …), and each is kept once. The shelf's lists are kept once already (compared as they are).
    const probe = this.poolProbe;
    probe.available = ids;
    probe.inUse = pool.inUse;
    probe.owed = this.rt.owed(pool);
    probe.held = this.held;
    probe.created = this.rt.objects.length;
    probe.open = this.open;
    probe.maxSize = this.rt.maxSize;
    probe.closed = pool.closed;
    probe.waiting = waiting;
    const prev = this.last?.pool;
    if (prev && samePool(prev, probe)) return prev;
    let hash = mix(
      mix(mix(mix(mix(ids.length, probe.inUse ?? -1), probe.owed ?? -1), probe.held), probe.created),
      probe.open,
    );
    for (const id of ids) hash = mix(hash, id);
    return this.pools.find(hash, probe, samePool) ?? this.pools.keep(hash, { ...probe });
  }
}

/**
 * Each object's holders, oldest first, from the readers' views in their order, written into `into`
 * (one map, filled again). One reader alone holds most objects: its list is the one shared list of
 * that name.
 */
function holdersOf(clients: readonly ClientView[], places: PlaceBook, into: Map<number, readonly string[]>): void {
  into.clear();
  for (const c of clients) {
    for (const id of c.holding) {
      const list = into.get(id);
      if (list === undefined) into.set(id, places.readersAlone(c.name));
      else if (!list.includes(c.name)) into.set(id, [...list, c.name]);
    }
  }
}

/** Whether the line's waiters are `names`, in order. */
function sameNames(line: PoolState['waiting'], names: readonly string[]): boolean {
  if (line.length !== names.length) return false;
  for (let i = 0; i < line.length; i++) if (line[i]!.client !== names[i]) return false;
  return true;
}

/** Whether a view's fields, other than its places, are the object's as it stands. */
function sameFields(view: ObjectView, o: Pooled, holders: readonly string[], onShelf: number): boolean {
  return (
    view.holders === holders &&
    view.onShelf === onShelf &&
    view.alive === o.alive &&
    view.state === o.state &&
    view.lends === o.lends &&
    view.kind === o.kind &&
    view.createdAt === o.createdAt
  );
}

function samePool(a: PoolView, b: PoolView): boolean {
  return (
    a.available === b.available &&
    a.inUse === b.inUse &&
    a.owed === b.owed &&
    a.held === b.held &&
    a.created === b.created &&
    a.open === b.open &&
    a.maxSize === b.maxSize &&
    a.closed === b.closed &&
    a.waiting === b.waiting
  );
}
