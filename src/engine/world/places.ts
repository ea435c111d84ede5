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
 */
export function placesOf(
  o: Pooled,
  holds: readonly Hold[],
  slots: readonly number[],
  holders: readonly string[],
): Place[] {
  if (o.closed) return [{ at: 'bin' }];
  const places: Place[] = [];
  for (const h of holds) {
    if (h.making) places.push({ at: 'press', for: h.reader });
    else if (h.work !== null) places.push({ at: 'desk', reader: h.reader, work: h.work });
    else places.push({ at: 'counter', reader: h.reader, way: h.way });
  }
  for (const slot of slots) places.push({ at: 'shelf', slot });
  if (holders.length > 0) places.push({ at: 'hands', readers: holders });
  if (places.length === 0) places.push({ at: 'lost' });
  return places;
}

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
  for (const h of holds) {
    const p = prev[k++];
    if (p === undefined) return false;
    if (h.making) {
      if (p.at !== 'press' || p.for !== h.reader) return false;
    } else if (h.work !== null) {
      if (p.at !== 'desk' || p.reader !== h.reader || p.work !== h.work) return false;
    } else if (p.at !== 'counter' || p.reader !== h.reader || p.way !== h.way) return false;
  }
  for (const slot of slots) {
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

export function hasHands(o: ObjectView): boolean {
  for (const p of o.places) if (p.at === 'hands') return true;
  return false;
}

export function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
