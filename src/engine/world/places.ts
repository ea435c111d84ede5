/**
 * An object's places, from the facts the world keeps about it: closed or not, the pool operations'
 * holds on it, the shelf slots it stands in, and the readers holding it.
 */
import type { LegacyPlace, ObjectView, Place } from '../types';
import type { Hold } from './holds';
import type { Pooled } from './resources';

/**
 * Where an object is: the bin once closed; otherwise each pool operation's hold (the press, the
 * desk, the counter), each shelf slot it stands in, and the hands that hold it — or lost, when it
 * is at none of them.
 *
 * Places are made by a `PlaceBook`, which keeps one of each place and one list for each place
 * alone: an object goes back and forth between the same few places, and a recorded run keeps a
 * list of places for every time it moves. Places and lists are never changed once made.
 */
export class PlaceBook {
  /** Holds' places by kind, then reader, then the hold's work or way, then its check (no key string made per look). */
  private readonly heldPlaces = new Map<string, Map<string | null, Map<string | null, Map<string | null, Place>>>>();
  private readonly alone = new Map<Place, readonly Place[]>();
  private readonly slots: Place[] = [];
  private readonly hand = new Map<string, Place>();
  private readonly readerLists = new Map<string, readonly string[]>();

  placesOf(o: Pooled, holds: readonly Hold[], slots: readonly number[], holders: readonly string[]): readonly Place[] {
    if (o.closed) return this.only(BIN);
    const count = holds.length + slots.length + (holders.length > 0 ? 1 : 0);
    if (count === 0) return this.only(LOST);
    if (count === 1) {
      const hold = holds[0];
      if (hold !== undefined) return this.only(this.held(hold));
      if (slots.length === 1) return this.only(this.shelf(slots[0]!));
      if (holders.length === 1) return this.only(this.hands(holders[0]!));
    }
    // Filled by index into a list of its exact length (a list grown by `push` keeps room for 17).
    const places = new Array<Place>(count);
    let k = 0;
    for (const h of holds) places[k++] = this.held(h);
    for (const slot of slots) places[k++] = this.shelf(slot);
    if (holders.length > 0)
      places[k] = holders.length === 1 ? this.hands(holders[0]!) : { at: 'hands', readers: holders };
    return places;
  }

  /** The list of `place` alone. */
  private only(place: Place): readonly Place[] {
    let list = this.alone.get(place);
    if (list === undefined) this.alone.set(place, (list = Object.freeze([place])));
    return list;
  }

  /** Where a pool operation's hold puts an object: the press, the desk or the counter. */
  private held(h: Hold): Place {
    const at = h.making ? 'press' : h.work !== null ? 'desk' : 'counter';
    const second = at === 'press' ? null : at === 'desk' ? h.work : h.way;
    const third = at === 'counter' ? h.check : null;
    const byThird = inner(inner(inner(this.heldPlaces, at), h.reader), second);
    let place = byThird.get(third);
    if (place === undefined) {
      if (h.making) place = { at: 'press', for: h.reader };
      else if (h.work !== null) place = { at: 'desk', reader: h.reader, work: h.work };
      else place = { at: 'counter', reader: h.reader, way: h.way, work: h.check };
      byThird.set(third, Object.freeze(place));
    }
    return place;
  }

  private shelf(slot: number): Place {
    return (this.slots[slot] ??= Object.freeze({ at: 'shelf', slot }));
  }

  private hands(reader: string): Place {
    let place = this.hand.get(reader);
    if (place === undefined)
      this.hand.set(reader, (place = Object.freeze({ at: 'hands', readers: this.readersAlone(reader) })));
    return place;
  }

  /** The list of `reader` alone (an object's holders, a hands place's readers): one per name. */
  readersAlone(reader: string): readonly string[] {
    let list = this.readerLists.get(reader);
    if (list === undefined) this.readerLists.set(reader, (list = Object.freeze([reader])));
    return list;
  }
}

/** The map under `key` in `map`, made empty the first time it is asked for. */
function inner<K, K2, V>(map: Map<K, Map<K2, V>>, key: K): Map<K2, V> {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = new Map()));
  return value;
}

const BIN: Place = Object.freeze({ at: 'bin' });
const LOST: Place = Object.freeze({ at: 'lost' });

/**
 * Whether `placesOf` would give `prev` again, worked out without building anything: a snapshot
 * looks again at every object an event may have touched, and most of them have not moved.
 */
export function placesStill(
  prev: readonly Place[],
  o: Pooled,
  holds: readonly Hold[],
  slots: readonly number[],
  holders: readonly string[],
): boolean {
  if (o.closed) return prev.length === 1 && prev[0]!.at === 'bin';
  let k = 0;
  // (Loops by index: this runs for every object an event may have touched.)
  for (let i = 0; i < holds.length; i++) {
    const h = holds[i]!;
    const p = prev[k++];
    if (p === undefined) return false;
    if (h.making) {
      if (p.at !== 'press' || p.for !== h.reader) return false;
    } else if (h.work !== null) {
      if (p.at !== 'desk' || p.reader !== h.reader || p.work !== h.work) return false;
    } else if (p.at !== 'counter' || p.reader !== h.reader || p.way !== h.way || p.work !== h.check) return false;
  }
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i];
    const p = prev[k++];
    if (p === undefined || p.at !== 'shelf' || p.slot !== slot) return false;
  }
  if (holders.length > 0) {
    const p = prev[k++];
    if (p === undefined || p.at !== 'hands' || !sameItems(p.readers, holders)) return false;
  }
  if (k === 0) return prev.length === 1 && prev[0]!.at === 'lost';
  return k === prev.length;
}

/** The first stage's one word for a place (ObjectView.place). */
export function legacyPlace(p: Place): LegacyPlace {
  switch (p.at) {
    case 'counter':
      return 'desk';
    case 'hands':
      return 'held';
    default:
      return p.at;
  }
}

/** How many readers have the object in hand (none once it is in the bin, whoever still names it). */
export function handsOn(o: ObjectView): number {
  const places = o.places;
  for (let i = 0; i < places.length; i++) {
    const p = places[i]!;
    if (p.at === 'hands') return p.readers.length;
  }
  return 0;
}

export function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
