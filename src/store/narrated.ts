/**
 * The narration of the timeline on stage, kept beside its arrays and grown with them. The manual
 * panel grows its run in place (manualLive.ts); narrated from its first event at every click, a
 * session of 5,000 steps would spend a fifth of a second per click on sentences nobody had asked
 * to change. Here only the events from the first one that is new or was replaced (a reader given
 * one more step is shown idle, not done, from the end of its last: engine/run/grow.ts) are
 * narrated again, from what the events before them told (rolled back through an undo log), and
 * the beats from the first one that reaches them. The sentences are exactly `narrateAll`'s and
 * `narrateBeats`' (a property test grows runs click by click and holds it).
 *
 * The arrays handed out are the kept ones, grown in place like the timeline's: key on the run.
 */
import type { LevelId, PoolEvent } from '../engine';
import type { Beat } from './beats';
import { freshTold, narrate, remember, type Told } from './narrate';
import { beatSentence } from './narrateBeats';
import { stillKept } from './kept';

type HandedOff = Told['handedOff'] extends Map<number, infer V> ? V : never;

interface Kept {
  readonly level: LevelId | undefined;
  /** The events narrated, as they were (to find those replaced since). */
  readonly seen: PoolEvent[];
  readonly sentences: string[];
  /** What the events narrated told, after the last of them. */
  readonly told: Told;
  /** Per event, what it changed in `told`: the object and its entry before (undefined: none). */
  readonly undo: ({ object: number; before: HandedOff | undefined; taken: string | null | undefined } | null)[];
  /** The first event changed since the beats were last made. */
  changedFrom: number;
  beats: { readonly of: readonly Beat[]; readonly seen: Beat[]; readonly sentences: string[] } | null;
}

const kept = new WeakMap<readonly PoolEvent[], Kept>();

/** One sentence per event of `events` (narrateAll's), narrating only what changed since the last call. */
export function sentencesOf(events: readonly PoolEvent[], level?: LevelId): readonly string[] {
  return narrated(events, level).sentences;
}

/**
 * One sentence per beat (narrateBeats'), made again only from the first beat that changed or that
 * reaches an event that changed. Given the same array again, its beats are taken to be the ones
 * kept, up to those replaced at its end (as a timeline grown in place has them).
 */
export function beatSentencesOf(
  events: readonly PoolEvent[],
  beats: readonly Beat[],
  level?: LevelId,
): readonly string[] {
  const k = narrated(events, level);
  if (k.beats?.of !== beats) k.beats = { of: beats, seen: [], sentences: [] };
  const b = k.beats;
  let from = Math.min(b.seen.length, beats.length);
  while (from > 0 && beats[from - 1] !== b.seen[from - 1]) from--;
  // The beats are in order: the first that reaches a changed event, by halves.
  let lo = 0;
  while (lo < from) {
    const mid = (lo + from) >> 1;
    if (b.seen[mid]!.last < k.changedFrom) lo = mid + 1;
    else from = mid;
  }
  b.seen.length = from;
  b.sentences.length = from;
  for (let i = from; i < beats.length; i++) {
    b.seen.push(beats[i]!);
    b.sentences.push(beatSentence(events, k.sentences, beats[i]!));
  }
  k.changedFrom = Number.POSITIVE_INFINITY;
  return b.sentences;
}

function narrated(events: readonly PoolEvent[], level: LevelId | undefined): Kept {
  let k = kept.get(events);
  if (k === undefined || k.level !== level) {
    k = { level, seen: [], sentences: [], told: freshTold(), undo: [], changedFrom: 0, beats: null };
    kept.set(events, k);
  }
  // The events kept that are still the array's: replaced ones form a run at the end (grow.ts).
  const same = stillKept(k.seen, events);
  if (same === k.seen.length && same === events.length) return k;
  // Roll what was told back to before the first changed event, then narrate on from there.
  for (let i = k.seen.length - 1; i >= same; i--) {
    const u = k.undo[i];
    if (!u) continue;
    if (u.before === undefined) k.told.handedOff.delete(u.object);
    else k.told.handedOff.set(u.object, u.before);
    if (u.taken === undefined) k.told.takenFor.delete(u.object);
    else k.told.takenFor.set(u.object, u.taken);
  }
  k.seen.length = same;
  k.sentences.length = same;
  k.undo.length = same;
  for (let i = same; i < events.length; i++) {
    const e = events[i]!;
    k.sentences.push(narrate(e, level, k.told));
    k.undo.push(
      e.object === null
        ? null
        : { object: e.object, before: k.told.handedOff.get(e.object), taken: k.told.takenFor.get(e.object) },
    );
    remember(e, k.told);
    k.seen.push(e);
  }
  k.changedFrom = Math.min(k.changedFrom, same);
  return k;
}
