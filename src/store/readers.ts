/**
 * The readers as the engine's world says they are: each one's state (`ClientView.state`, computed in
 * the engine), its place in the waiting line, the error it got, what it holds, and what is on its
 * way to it — put into the words the card and the table show. Nothing here works out a reader's
 * state; it only names it.
 */
import { ordinal, type ClientView, type Place, type ReaderState, type ThingWords, type World } from '../engine';
import { comingOf, handsOf, placeWords, type Drawn } from './stage';

export interface ReaderView {
  readonly name: string;
  readonly state: ReaderState;
  /** Its last action crashed (also while the guaranteed-return block still gives back what it held). */
  readonly crashed: boolean;
  /** 1 = first in the waiting line; null when not in it. */
  readonly position: number | null;
  /** The error from its last action, shown until its next one. */
  readonly error: ClientView['error'];
  /** Its state in a word or two: "waiting", "timed out". */
  readonly label: string;
  /** What more there is to say after the label: "2nd in line", "writing in it"; may be empty. */
  readonly detail: string;
  /** Label and detail in one: "waiting — 2nd in line". */
  readonly doing: string;
  /** The copies in its hands. */
  readonly hands: readonly Drawn[];
  /** Objects being made, checked, handed over or reset for it, elsewhere on the stage, in words. */
  readonly coming: readonly string[];
}

export const STATE_LABEL: Record<ReaderState, string> = {
  idle: 'idle',
  asking: 'asking',
  waiting: 'waiting',
  holding: 'holding',
  returning: 'returning',
  refused: 'refused',
  'timed-out': 'timed out',
  failed: 'failed',
  crashed: 'crashed',
  done: 'done',
};

/** "1st", "2nd", "3rd", "11th"… (the engine's, which says "the 4th object is being made"). */
export { ordinal };

const USE_WORDS: Partial<Record<string, string>> = {
  use: 'writing in it',
  read: 'reading it',
  fail: 'running into an error',
  with: 'inside the guaranteed-return block',
};

function detailOf(c: ClientView, words: ThingWords, held: readonly Drawn[]): string {
  const things = held.map((d) => `${words.Thing} ${d.object.id}`).join(' and ');
  switch (c.state) {
    case 'idle':
      return held.length === 0 ? `holds no ${words.thing}` : `holds ${things}`;
    case 'asking':
      return `for a ${words.thing}`;
    case 'waiting':
      return c.position === null ? 'in line' : `${ordinal(c.position)} in line`;
    case 'holding':
      // What it holds is drawn in its hands; say only what it is doing with it.
      return (c.doing && USE_WORDS[c.doing]) ?? '';
    case 'returning':
      // Its hands, or the line of what is on its way back, show what it returns. After a crash
      // inside the guaranteed-return block, the block's `finally` is returning it: not a new crash.
      return c.crashed ? 'crashed; the block returns it anyway' : '';
    case 'refused':
      return `no ${words.thing} for it`;
    case 'timed-out':
      return 'it gave up waiting';
    case 'failed':
      return held.length > 0 ? `still holds ${things}` : '';
    case 'crashed':
      return held.length > 0 ? `still holds ${things}` : '';
    case 'done':
      return held.length > 0 ? `still holds ${things}` : '';
  }
}

/** Where an object on its way to or from a reader is, as that reader's card says it. */
export function comingWords(place: Place): string {
  switch (place.at) {
    case 'press':
      return 'is being made for it';
    case 'counter':
      return place.way === 'out' ? 'is at the counter, on its way to it' : 'is at the counter, on its way back';
    case 'desk':
      return `is at the cleaning desk (${place.work})`;
    default:
      return placeWords(place);
  }
}

/** Every reader of the world, as its card shows it. */
export function readersOf(world: World, words: ThingWords): ReaderView[] {
  return world.clients.map((c) => {
    const hands = handsOf(world, c.name);
    const detail = detailOf(c, words, hands);
    return {
      name: c.name,
      state: c.state,
      crashed: c.crashed,
      position: c.position,
      error: c.error,
      label: STATE_LABEL[c.state],
      detail,
      doing: detail ? `${STATE_LABEL[c.state]} — ${detail}` : STATE_LABEL[c.state],
      hands,
      coming: comingOf(world, c.name).map((d) => `${words.Thing} ${d.object.id} ${comingWords(d.place)}`),
    };
  });
}

/** The waiting line, first in line first (the production level's queue), by the engine's positions. */
export function waitingLine(world: World): { readonly name: string; readonly position: number }[] {
  const line: { name: string; position: number }[] = [];
  for (const c of world.clients)
    if (c.state === 'waiting' && c.position !== null) line.push({ name: c.name, position: c.position });
  return line.sort((a, b) => a.position - b.position);
}

/**
 * The run's readers not yet on the scene at `world`, in the order they come in: the run's last
 * world (`final`) has every reader that ever came, in that order, so the ones here are its first.
 * The room keeps each one's place from the start, and the scene does not grow as they come in.
 */
export function readersToCome(world: World, final: World): string[] {
  const here = new Set(world.clients.map((c) => c.name));
  return final.clients.flatMap((c) => (here.has(c.name) ? [] : [c.name]));
}

/** What the room says when the run has no reader at all. */
export const NO_READERS = 'No readers yet: pick a story, or add one in “Try it yourself”.';
