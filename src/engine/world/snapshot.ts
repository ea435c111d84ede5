/**
 * The world as it stands after an event, for drawing: where every object is (press, shelf, desk,
 * held, lost, bin), who holds what, and the pool's counts. Each snapshot shares the parts that did
 * not change with the one before it, so a long timeline keeps one copy of what stays the same.
 */
import type { ClientView, LegacyPlace, ObjectView, Place, ReaderState, World } from '../types';
import type { ClientRecord, PoolState } from './records';
import type { Pooled } from './resources';

/** What a snapshot is taken from. */
export interface SnapshotSource {
  readonly sim: { readonly now: number };
  readonly objects: readonly Pooled[];
  readonly clients: ReadonlyMap<string, ClientRecord>;
  readonly maxSize: number | null;
}

export function snapshotOf(rt: SnapshotSource, pool: PoolState, last: World | null): World {
  const shelfCount = new Map<number, number>();
  for (const o of pool.available) shelfCount.set(o.id, (shelfCount.get(o.id) ?? 0) + 1);
  const holders = new Map<number, string[]>();
  for (const c of rt.clients.values()) {
    for (const h of c.holding) {
      const list = holders.get(h.id) ?? [];
      if (!list.includes(c.name)) list.push(c.name);
      holders.set(h.id, list);
    }
  }
  let open = 0;
  const objects: ObjectView[] = rt.objects.map((o, i) => {
    if (!o.closed) open++;
    const onShelf = shelfCount.get(o.id) ?? 0;
    const held = holders.get(o.id) ?? [];
    const places: Place[] = [];
    let place: LegacyPlace;
    if (o.closed) {
      place = 'bin';
      places.push({ at: 'bin' });
    } else {
      if (o.busy === 'create') places.push({ at: 'press', for: null });
      else if (o.busy === 'SELECT 1') places.push({ at: 'counter', reader: null, way: 'out' });
      else if (o.busy !== null) places.push({ at: 'desk', reader: null, work: o.busy });
      pool.available.forEach((s, slot) => {
        if (s === o) places.push({ at: 'shelf', slot });
      });
      if (held.length > 0) places.push({ at: 'hands', readers: held });
      if (places.length === 0) places.push({ at: 'lost' });
      place =
        o.busy === 'create'
          ? 'press'
          : o.busy !== null
            ? 'desk'
            : onShelf > 0
              ? 'shelf'
              : held.length > 0
                ? 'held'
                : 'lost';
    }
    const prev = last?.objects[i];
    return reuse(prev, {
      id: o.id,
      kind: o.kind,
      alive: o.alive,
      state: o.state,
      place,
      places: prev && samePlaces(prev.places, places) ? prev.places : places,
      onShelf,
      holders: held,
      busy: o.busy,
      createdAt: o.createdAt,
      lends: o.lends,
    });
  });
  const clients = [...rt.clients.values()].map((c, i) => {
    const at = pool.waiting.findIndex((w) => w.client === c.name);
    const queued = at >= 0 ? pool.waiting[at] : undefined;
    const state: ReaderState = queued
      ? 'waiting'
      : c.status === 'crashed'
        ? 'crashed'
        : c.doing === 'acquire' || c.doing === 'with'
          ? 'asking'
          : c.doing === 'release'
            ? 'returning'
            : c.holding.length > 0
              ? 'holding'
              : 'idle';
    const view: ClientView = {
      name: c.name,
      holding: c.holding.map((h) => h.id),
      status: queued ? 'waiting' : c.status,
      state,
      position: queued ? at + 1 : null,
      error: null,
      doing: c.doing,
      waitingSince: queued ? queued.since : null,
    };
    return reuse(last?.clients[i], view);
  });
  let held = 0;
  for (const list of holders.values()) if (list.length > 0) held++;
  return {
    t: rt.sim.now,
    pool: reuse(last?.pool, {
      available: pool.available.map((o) => o.id),
      inUse: pool.inUse,
      held,
      created: rt.objects.length,
      open,
      maxSize: rt.maxSize,
      closed: pool.closed,
      waiting: pool.waiting.map((w) => w.client),
    }),
    objects: last && sameItems(last.objects, objects) ? last.objects : objects,
    clients: last && sameItems(last.clients, clients) ? last.clients : clients,
  };
}

const sameItems = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The previous snapshot's view of a thing when nothing in it changed (fields compared one level
 * deep, lists item by item).
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

const samePlace = (a: Place, b: Place): boolean => {
  if (a.at !== b.at) return false;
  for (const key of Object.keys(a) as (keyof Place)[]) {
    const x: unknown = a[key];
    const y: unknown = (b as typeof a)[key];
    if (x === y) continue;
    if (Array.isArray(x) && Array.isArray(y) && sameItems(x, y)) continue;
    return false;
  }
  return true;
};

const samePlaces = (a: readonly Place[], b: readonly Place[]): boolean =>
  a.length === b.length && a.every((p, i) => samePlace(p, b[i]!));
