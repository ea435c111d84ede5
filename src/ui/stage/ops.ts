/**
 * The guide's three operations — acquire, use, release — named where they happen on the scene.
 * Nothing here finds out what is happening: a reader's state and an object's place come from the
 * engine's world; this file only says which of the three operations that state or place is part
 * of, and how the scene writes it (a word, an arrow or pen, and one colour: --op-acquire,
 * --op-use, --op-release in theme.css).
 */
import type { ClientView, Place } from '../../engine';

export type Op = 'acquire' | 'use' | 'release';

export const OP_WORD: Record<Op, string> = { acquire: 'ACQUIRE', use: 'USE', release: 'RELEASE' };

/** The mark beside the word (never colour alone): out to the reader, the pen, back to the pool. */
export const OP_MARK: Record<Op, string> = { acquire: '→', use: '✎', release: '←' };

/** Step kinds in which a reader uses what it holds. */
const USING = new Set(['use', 'read', 'fail', 'with']);

/** The operation a reader is in, from its engine state; null when it is in none. */
export function opOfReader(c: Pick<ClientView, 'state' | 'doing'>): Op | null {
  switch (c.state) {
    case 'asking':
    case 'waiting':
      return 'acquire';
    case 'returning':
      return 'release';
    case 'holding':
      return c.doing !== null && USING.has(c.doing) ? 'use' : null;
    default:
      return null;
  }
}

/** The operation a counter place is part of: on its way out (acquire) or back (release). */
export function opOfCounter(place: Place): Op | null {
  return place.at === 'counter' ? (place.way === 'out' ? 'acquire' : 'release') : null;
}
