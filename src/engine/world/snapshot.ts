/**
 * The world as it stands after an event, for drawing: where every object is (press, shelf, desk,
 * held, lost, bin), who holds what, and the pool's counts. Each snapshot shares the parts that did
 * not change with the one before it, so a long timeline keeps one copy of what stays the same.
 */
import type { ObjectView, Place, World } from '../types';
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
  const clients = [...rt.clients.values()].map((c, i) => {
    const queued = pool.waiting.find((w) => w.client === c.name);
    return reuse(last?.clients[i], {
      name: c.name,
      holding: c.holding.map((h) => h.id),
      status: queued ? 'waiting' : c.status,
      doing: c.doing,
      waitingSince: queued ? queued.since : null,
    });
  });
  return {
    t: rt.sim.now,
    pool: reuse(last?.pool, {
      available: pool.available.map((o) => o.id),
      inUse: pool.inUse,
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
