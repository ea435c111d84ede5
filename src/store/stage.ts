/**
 * The stage as the engine's world says it: every drawn copy of every object at its place, the
 * shelf, and the places in words. Nothing here decides where an object is — the world says so
 * (`ObjectView.places`, computed in the engine); this file only arranges the copies to draw and
 * names them. Readers are in readers.ts, the counts in counts.ts.
 */
import type { ObjectView, Place, PlaceName, World } from '../engine';
import { andList } from './format';

/** One copy of an object as the stage draws it. */
export interface Drawn {
  readonly object: ObjectView;
  readonly place: Place;
  /** For a copy in a reader's hands, whose hands: an object held by two readers is drawn in both. */
  readonly reader: string | null;
  /** The object's first copy: the one whose moves animate. */
  readonly primary: boolean;
  /**
   * The motion `layoutId`, one per drawn copy: `book-2` for the first, `book-2-shelf-1` (its place and
   * slot, or whose hands) for another copy of the same object.
   */
  readonly layoutId: string;
  /** Where else the same object is drawn at this moment, in words; empty when it is drawn once. */
  readonly also: readonly string[];
}

/** The places of one object, each hands place split into one entry per holder. */
function copiesOf(o: ObjectView): { place: Place; reader: string | null }[] {
  return o.places.flatMap((place): { place: Place; reader: string | null }[] =>
    place.at === 'hands' ? place.readers.map((reader) => ({ place, reader })) : [{ place, reader: null }],
  );
}

function copyKey(place: Place, reader: string | null, index: number): string {
  if (place.at === 'shelf') return String(place.slot);
  return reader ?? String(index);
}

/** Every drawn copy of every object, in the order of the world's objects and their places. */
export function drawnOf(world: World): Drawn[] {
  const out: Drawn[] = [];
  for (const object of world.objects) {
    const copies = copiesOf(object);
    const base = `${object.kind}-${object.id}`;
    copies.forEach(({ place, reader }, i) => {
      out.push({
        object,
        place,
        reader,
        primary: i === 0,
        layoutId: i === 0 ? base : `${base}-${place.at}-${copyKey(place, reader, i)}`,
        also: alsoOf(
          copies.filter((_, j) => j !== i),
          place,
        ),
      });
    });
  }
  return out;
}

/**
 * Where an object's other copies are, in words, for the copy at `here`: each place once, and the
 * copies at the counter going the same way in one phrase ("at the counter, on its way to Reader A
 * and Reader B"), so that a card in a narrow column does not repeat the counter for each.
 */
function alsoOf(others: readonly { place: Place; reader: string | null }[], here: Place): string[] {
  const places = others.map((c) => c.place);
  const words = others.map(({ place, reader }) =>
    place.at === 'shelf' && here.at === 'shelf'
      ? 'on the shelf again: shelved twice'
      : wordsAmong(place, places, reader),
  );
  return [...new Set(words)];
}

/**
 * One of an object's places in words, among its `places`: a copy at the counter names every reader
 * the copies there going the same way are for, once each ("…on its way to Reader A and Reader B").
 */
function wordsAmong(place: Place, places: readonly Place[], holder: string | null = null): string {
  if (place.at !== 'counter' || place.reader === null) return placeWords(place, holder);
  const readers: string[] = [];
  for (const p of places)
    if (p.at === 'counter' && p.way === place.way && p.reader !== null && !readers.includes(p.reader))
      readers.push(p.reader);
  return counterWords(place.way, readers);
}

/** The copies drawn at one place (press, counter, desk, lost, bin), in the world's order. */
export function drawnAt(world: World, at: PlaceName): Drawn[] {
  return drawnOf(world).filter((d) => d.place.at === at);
}

export interface ShelfSlot extends Drawn {
  /** Position from the bottom, 0-based. */
  readonly slot: number;
  /** The top of the pile: what `pop` takes next. */
  readonly nextOut: boolean;
}

/** The shelf bottom to top: one slot per shelf place the world gives (an object shelved twice has two). */
export function shelfOf(world: World): ShelfSlot[] {
  const top = world.pool.available.length - 1;
  return drawnAt(world, 'shelf')
    .map((d) => {
      const slot = d.place.at === 'shelf' ? d.place.slot : 0;
      return { ...d, slot, nextOut: slot === top };
    })
    .sort((a, b) => a.slot - b.slot);
}

/** The copies in one reader's hands. */
export function handsOf(world: World, reader: string): Drawn[] {
  return drawnAt(world, 'hands').filter((d) => d.reader === reader);
}

/** Copies elsewhere that are on their way to or from a reader, or being made or reset for it. */
export function comingOf(world: World, reader: string): Drawn[] {
  return drawnOf(world).filter((d) => forReader(d.place) === reader);
}

/** The reader a place is for or from (press, counter, desk), else null. */
export function forReader(place: Place): string | null {
  switch (place.at) {
    case 'press':
      return place.for;
    case 'counter':
    case 'desk':
      return place.reader;
    default:
      return null;
  }
}

const reader = (name: string) => `Reader ${name}`;

function names(list: readonly string[]): string {
  return andList(list.map(reader));
}

/**
 * One place in words, as the table and the stage's marks say it. `holder` is for a copy in one
 * reader's hands; without it, a hands place names all its holders.
 */
export function placeWords(place: Place, holder: string | null = null): string {
  switch (place.at) {
    case 'press':
      return place.for === null ? 'being made' : `being made for ${reader(place.for)}`;
    case 'shelf':
      return 'on the shelf';
    case 'counter':
      return place.reader === null ? 'at the counter' : counterWords(place.way, [place.reader]);
    case 'desk':
      return `at the cleaning desk (${place.work})${place.reader === null ? '' : `, back from ${reader(place.reader)}`}`;
    case 'hands':
      return holder !== null
        ? `in ${reader(holder)}’s hands`
        : place.readers.length === 1
          ? `in ${reader(place.readers[0]!)}’s hands`
          : `in the hands of ${names(place.readers)}`;
    case 'lost':
      return 'lost: no reader holds it, and the pool cannot reach it';
    case 'bin':
      return 'in the bin (closed)';
  }
}

/** At the counter, on its way to (or back from) `readers`. */
function counterWords(way: 'out' | 'back', readers: readonly string[]): string {
  return `at the counter, on its way ${way === 'out' ? 'to' : 'back from'} ${names(readers)}`;
}

/**
 * Every place of an object in words: "on the shelf twice and in Reader B’s hands" (the counter said
 * once for the copies there going the same way, as on the cards).
 */
export function whereOf(o: ObjectView): string {
  const parts: string[] = [];
  const shelved = o.places.filter((p) => p.at === 'shelf').length;
  for (const place of o.places) {
    if (place.at === 'shelf') {
      if (parts.some((p) => p.startsWith('on the shelf'))) continue;
      parts.push(shelved > 1 ? `on the shelf ${shelved === 2 ? 'twice' : `${shelved} times`}` : 'on the shelf');
    } else parts.push(wordsAmong(place, o.places));
  }
  return [...new Set(parts)].join(' and ');
}
