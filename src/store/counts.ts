/**
 * The numbers the stage, the metrics chart and the table view show, and the words for them — one
 * set of words for all three. Two numbers that look alike are different facts and are named as
 * such: the pool's own counter ("the pool thinks 2 are out", `pool.inUse`) and the objects in
 * readers' hands ("readers hold 0", `pool.held`). On Levels 2–4 and the database pool the
 * difference is the leak, and the words say so. Every number comes from the engine's world.
 */
import { LEVELS } from '../engine';
import type { LevelId, ThingWords, World } from '../engine';

/** What one world counts, whatever the level. */
export interface Tally {
  readonly onShelf: number;
  /** The pool's own counter of what is out (null: the level keeps none, as Level 1). */
  readonly counted: number | null;
  /** What that counter should say, from the engine (`PoolView.owed`; null: the level keeps none). */
  readonly owed: number | null;
  /** Objects in readers' hands, one per reader holding one (a shared object counts once per holder). */
  readonly held: number;
  /** Objects made or being made so far: the ones still at the press count (see `atPress`). */
  readonly created: number;
  /** Of those created, the ones still being made (at the press). */
  readonly atPress: number;
  /** Objects in more than one reader's hands at once (a bug the lessons show). */
  readonly shared: number;
  /** The holds on those beyond the first: what `held` counts more than the objects in hands. */
  readonly sharedExtra: number;
  /** Created and not yet closed. */
  readonly open: number;
  /** Objects the engine finds lost: no reader holds them and the pool cannot reach them. */
  readonly lost: number;
  /** Objects a pool operation has (being made for a reader, at the counter, at the desk). */
  readonly onTheWay: number;
  /** Of those, the ones on their way out to a reader (made for one, or at the counter going out). */
  readonly outToReaders: number;
  /** The readers those are on their way to: more than `outToReaders` when one goes to two at once (the race). */
  readonly outReaders: number;
  /** Of those on their way out, the ones a reader already holds (the race: lent to one, on its way to another). */
  readonly outHeld: number;
  /** Those, by where they are (an object at two of these places counts at the first). */
  readonly onTheWayAt: OnTheWayAt;
}

export interface OnTheWayAt {
  readonly press: number;
  readonly counter: number;
  readonly desk: number;
}

export interface Counts extends Tally {
  /** close() has run (what the pool still does after it is the level's own: the database's lends on). */
  readonly closed: boolean;
  /** maxSize, or null for a level bounded by its start-up size (Level 1), which has none. */
  readonly maxSize: number | null;
  /** The start-up size of a level bounded by it (Level 1), shown instead of a maximum. */
  readonly startSize: number | null;
}

/** What the metrics' points do not keep (they keep the counts themselves), for the chart's words to be the scene's. */
export type Unpointed = Pick<
  Tally,
  'onTheWayAt' | 'outToReaders' | 'outReaders' | 'outHeld' | 'shared' | 'sharedExtra'
>;

/** A tally's figures that a metrics point does not keep. */
export function unpointed(t: Tally): Unpointed {
  const { onTheWayAt, outToReaders, outReaders, outHeld, shared, sharedExtra } = t;
  return { onTheWayAt, outToReaders, outReaders, outHeld, shared, sharedExtra };
}

export function tallyOf(world: World): Tally {
  let lost = 0;
  let onTheWay = 0;
  let outToReaders = 0;
  let outReaders = 0;
  let outHeld = 0;
  let atPress = 0;
  let shared = 0;
  let sharedExtra = 0;
  const onTheWayAt = { press: 0, counter: 0, desk: 0 };
  for (const o of world.objects) {
    if (o.holders.length > 1) {
      shared++;
      sharedExtra += o.holders.length - 1;
    }
    if (o.places.some((p) => p.at === 'press')) atPress++;
    if (o.places.some((p) => p.at === 'lost')) lost++;
    else {
      const way = o.places.find((p) => p.at === 'press' || p.at === 'counter' || p.at === 'desk');
      if (way !== undefined) {
        onTheWay++;
        onTheWayAt[way.at as keyof OnTheWayAt]++;
        if ((way.at === 'press' && way.for !== null) || (way.at === 'counter' && way.way === 'out')) {
          outToReaders++;
          const to = new Set<string | null>();
          for (const p of o.places)
            if (p.at === 'press' && p.for !== null) to.add(p.for);
            else if (p.at === 'counter' && p.way === 'out') to.add(p.reader);
          outReaders += to.size;
          if (o.holders.length > 0) outHeld++;
        }
      }
    }
  }
  return {
    onShelf: world.pool.available.length,
    counted: world.pool.inUse,
    owed: world.pool.owed,
    held: world.pool.held,
    created: world.pool.created,
    atPress,
    shared,
    sharedExtra,
    open: world.pool.open,
    lost,
    onTheWay,
    outToReaders,
    outReaders,
    outHeld,
    onTheWayAt,
  };
}

export function countsOf(world: World, level: LevelId): Counts {
  // The world's `maxSize` is the number the level is held to: its start-up size when that is its bound.
  const bySize = LEVELS[level].bound === 'size';
  return {
    ...tallyOf(world),
    maxSize: bySize ? null : world.pool.maxSize,
    startSize: bySize ? world.pool.maxSize : null,
    closed: world.pool.closed,
  };
}

/** The words the badge, the chart and the table use for the two counts and their difference. */
export interface CountWords {
  /** "The pool thinks 2 are out", or "The pool keeps no count". */
  readonly counted: string;
  /** "Readers hold 0". */
  readonly held: string;
  /** What the difference is, when there is one: the leak, objects on their way, or a wrong count. */
  readonly gap: string | null;
  /** The difference is a fault (a leak, or a count below what readers hold), not objects on their way. */
  readonly bad: boolean;
  /** What the counter should say, from the engine, when it says something else (else null). */
  readonly should: number | null;
}

const are = (n: number) => (n === 1 ? 'is' : 'are');

/**
 * The words around the pool's count, before and after the number (the badge draws the number
 * bold): "The pool thinks 2 are out"; below zero there is nothing it can think is out: "The pool’s
 * count is -1".
 */
export function countedAround(counted: number): readonly [string, string] {
  return counted < 0 ? ['The pool’s count is ', ''] : ['The pool thinks ', ` ${are(counted)} out`];
}

export function countedWords(counted: number | null): string {
  if (counted === null) return 'The pool keeps no count';
  const [before, after] = countedAround(counted);
  return `${before}${counted}${after}`;
}

export function heldWords(held: number): string {
  return `Readers hold ${held}`;
}

const WAY_PLACES: readonly (keyof OnTheWayAt)[] = ['press', 'counter', 'desk'];

/**
 * Where the objects on their way are: ", at the press" when all are at one place, " (2 at the press,
 * 1 at the desk)" when they are at several; without the breakdown, the three places it may be.
 */
function wherePhrase(at: OnTheWayAt | undefined): string {
  const places = at === undefined ? [] : WAY_PLACES.filter((p) => at[p] > 0);
  if (at === undefined || places.length === 0) return ', at the press, the counter or the desk';
  if (places.length === 1) return `, at the ${places[0]}`;
  return ` (${places.map((p) => `${at[p]} at the ${p}`).join(', ')})`;
}

/** What the counts' words are made from: a tally's figures, or some of them (a test's). */
type CountFigures = Pick<Tally, 'counted' | 'held' | 'lost' | 'onTheWay'> &
  Partial<Pick<Tally, 'outToReaders' | 'outReaders' | 'outHeld' | 'shared' | 'sharedExtra'>> & {
    readonly onTheWayAt?: OnTheWayAt | undefined;
    /** What the counter should say (the engine's); missing: judged from the other figures alone. */
    readonly owed?: number | null | undefined;
  };

export function countWords(t: CountFigures, words: Pick<ThingWords, 'thing' | 'things'>): CountWords {
  const said = gapWords(t, words);
  // The engine knows what the counter should say: a count that differs from it is wrong, whatever
  // the difference from the readers' hands seems to explain (after a double release the count can
  // equal what readers hold, and still be one short of what is out).
  const should = t.counted !== null && t.owed != null && t.counted !== t.owed ? t.owed : null;
  return { ...said, bad: said.bad || should !== null, should };
}

/** What the count should be, as a sentence after the gap's (empty when the gap says it is wrong, or it is right). */
export function shouldWords(said: CountWords): string {
  if (said.should === null) return '';
  const wrong = said.gap?.includes('wrong') ? 'It' : 'The pool’s count is wrong: it';
  return ` ${wrong} should be ${said.should}.`;
}

/** The counts' words in one line of text (the table view). */
export function countLine(said: CountWords): string {
  return `${said.counted}. ${said.held}.${said.gap ? ` ${said.gap}` : ''}${shouldWords(said)}`;
}

function gapWords(t: CountFigures, words: Pick<ThingWords, 'thing' | 'things'>): Omit<CountWords, 'should'> {
  const base = { counted: countedWords(t.counted), held: heldWords(t.held) };
  const n = (k: number) => `${k} ${k === 1 ? words.thing : words.things}`;
  if (t.counted === null) return { ...base, gap: null, bad: false };
  // The count matches the hands, and yet some are on their way out to readers: the database checks
  // a connection before it counts it, so none of them is counted yet (the race's own moment). Only
  // when the count is right (the engine's `owed`): after a double release a count can match the
  // hands by being one short.
  const out = t.outToReaders ?? 0;
  const right = t.owed == null || t.owed === t.counted;
  // One object on its way to two readers at once (the race without the lock) is said so: the
  // counter shows a copy for each.
  const readers = Math.max(t.outReaders ?? out, out);
  const atOnce = readers > out ? ` to ${readers} readers at once` : '';
  const toReaders =
    readers > out
      ? `${n(out)} on the way out${atOnce}`
      : `${n(out)} on the way out to ${out === 1 ? 'a reader' : 'readers'}`;
  if (t.counted === t.held && out > 0 && t.lost === 0) {
    // On its way to one reader while another holds it: counted already, once, as the other's.
    if (right && t.outHeld === out)
      return {
        ...base,
        gap: `${n(out)} on the way out to a reader while another holds ${out === 1 ? 'it' : 'them'}; this pool counts each ${words.thing} once.`,
        bad: false,
      };
    return right
      ? { ...base, gap: `${toReaders}, not counted yet.`, bad: false }
      : { ...base, gap: `${toReaders}; the pool’s count is wrong.`, bad: true };
  }
  if (t.counted === t.held) return { ...base, gap: null, bad: false };
  const diff = t.counted - t.held;
  // Below zero, "1 fewer than readers hold" when they hold none reads as a riddle: say what it is.
  // Where the engine knows what it should be, the counter's own flag says it ("below zero, should
  // be 0"): a line more would say "below zero" twice.
  if (t.counted < 0)
    return { ...base, gap: t.owed == null ? 'A count below zero: the pool’s count is wrong.' : null, bad: true };
  // A pool that counts objects, not loans (the production pool: whatever is off the shelf), counts
  // an object two readers hold once: the difference is the sharing, not a wrong count.
  if (diff < 0 && t.owed === null && t.lost === 0 && t.onTheWay === 0 && t.sharedExtra === -diff && t.shared)
    return {
      ...base,
      gap: `${-diff} fewer than readers hold: ${n(t.shared)} in more than one reader’s hands at once, and this pool counts each ${words.thing} once.`,
      bad: true,
    };
  if (diff < 0)
    // Where the engine knows what the count should be, its "should be" says it all beside "Readers
    // hold": the words would only repeat it (and take a line of the scene).
    return right
      ? { ...base, gap: `${-diff} fewer than readers hold: the pool’s count is wrong.`, bad: true }
      : { ...base, gap: null, bad: true };
  const more = `${diff} more than readers hold`;
  const place = wherePhrase(t.onTheWayAt);
  // What the words say adds up to the difference: the objects counted as out that no reader holds
  // are lost or on their way (if the count is right), and only the counted ones are said counted.
  if (t.lost > 0) {
    const counted = t.lost <= diff ? ', counted as out but in no reader’s hands' : ', in no reader’s hands';
    // The rest of the difference is what on the way is counted already (a pool that counts after
    // its check has not counted the one at the counter yet): said, so the words add up.
    const countedOnWay = Math.min(Math.max(diff - t.lost, 0), t.onTheWay);
    const whether =
      countedOnWay === t.onTheWay
        ? ', counted as out already'
        : countedOnWay === 0
          ? ', not counted yet'
          : `, and the pool counts ${countedOnWay} of them as out`;
    const also = t.onTheWay > 0 ? ` Also on the way${place}: ${n(t.onTheWay)}${whether}.` : '';
    return { ...base, gap: `${more}: the leak — ${n(t.lost)} lost${counted}.${also}`, bad: true };
  }
  if (t.onTheWay === diff) {
    // All of them being made for the shelf, for no reader (the production pool fills it at
    // start-up): its count is of whatever is not on the shelf, and "out" means only that.
    const forShelf = t.outToReaders === 0 && t.onTheWayAt !== undefined && t.onTheWayAt.press === diff;
    return forShelf
      ? {
          ...base,
          gap: `${more}: ${n(diff)} being made at the press for the shelf; this pool counts whatever is not on the shelf as out.`,
          bad: false,
        }
      : { ...base, gap: `${more}: ${n(diff)} on the way${place}${atOnce && `,${atOnce}`}.`, bad: false };
  }
  if (t.onTheWay > diff)
    return {
      ...base,
      gap: `${more}: ${n(t.onTheWay)} on the way${place}; the pool counts ${diff} of them as out, not the other ${t.onTheWay - diff}.`,
      bad: false,
    };
  // More counted than on the way, and the engine says the count is right: a pool that counts first
  // (Levels 2–4) has counted what it has not yet taken off the shelf or made (a moment of its own,
  // line by line).
  if (t.owed != null && right) {
    const early = diff - t.onTheWay;
    const them = early === 1 ? 'it' : 'them';
    const onWay = t.onTheWay > 0 ? `${n(t.onTheWay)} on the way${place}, and ` : '';
    return {
      ...base,
      gap: `${more}: ${onWay}the pool counts ${n(early)} as out before taking ${them} from the shelf or making ${them}.`,
      bad: false,
    };
  }
  if (t.onTheWay > 0)
    return {
      ...base,
      gap: `${more}: only ${n(t.onTheWay)} on the way${place}; the pool’s count is wrong.`,
      bad: true,
    };
  return { ...base, gap: `${more}: the pool’s count is wrong.`, bad: true };
}
