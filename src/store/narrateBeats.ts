/**
 * One sentence per beat (see beats.ts), built from the sentences narrate.ts gives its events — so a
 * beat says nothing its events do not, and keeps what they know of each other (`narrateAll`: a
 * connection passed straight to a waiting reader is not said to come from the shelf).
 *
 * A beat's sentence is its headline: the event that changes the most for the eye (a refusal over a
 * hand-over over a book taken off the shelf over a step starting…). Two things are added to it
 * where it would otherwise leave out what the learner sees:
 * - the reader's action, when the headline does not name the reader ("Reader A returns Book 2: Book
 *   2 goes on top of the shelf…"), and always for a guaranteed-return block;
 * - where a book came from, when it comes off the press (or the desk) and goes straight on;
 * - what a reader wrote, when its block then fails;
 * - the returning reader, when what it returns goes straight to a waiting one.
 * The monitor's warnings are not in the sentence: the callouts say them, the scrubber marks them.
 */
import type { LevelId, PoolEvent } from '../engine';
import { operationOf, type Beat } from './beats';
import { narrateAll } from './narrate';

/** Which event of a beat is its headline: earlier in this list wins. */
const HEADLINE: readonly PoolEvent['type'][] = [
  'pool.exhausted',
  'acquire.rejected',
  'acquire.timedout',
  'use.failed',
  'release.failed',
  'release.refused',
  'client.crashed',
  'block.failed',
  'object.killed',
  'server.restarted',
  'pool.closed',
  'object.handedoff',
  'object.acquired',
  'object.taken',
  'acquire.queued',
  'object.creating',
  'object.shelved',
  'object.resetting',
  // What a reader wrote or read says more than the statement that carried it (a connection's SET,
  // its own SHOW ALL): "Reader A reads Connection 2: it sees timezone=…", not "SHOW ALL answered".
  'object.written',
  'object.read',
  'statement.started',
  'object.validated',
  'statement.finished',
  'pool.counted',
  'object.reset',
  'object.created',
  'object.closed',
  'object.destroyed',
  'leak.suspected',
  'leak.returned',
  'block.exited',
  'block.entered',
  'object.released',
  'pool.opened',
  'pool.opening',
  'step.finished',
  'step.started',
];

const rank = (e: PoolEvent) => {
  // A connection failing its check is thrown away: more to see than the next one being taken or made.
  if (e.type === 'object.validated' && !e.ok) return HEADLINE.indexOf('object.handedoff') - 0.5;
  const i = HEADLINE.indexOf(e.type);
  return i < 0 ? HEADLINE.length : i;
};

/** The sentence without its full stop, to go on with. */
const open = (s: string) => s.replace(/[.]$/, '');
/** A sentence going on after a colon: "The pool takes…" becomes "the pool takes…"; names keep their capital. */
const onward = (s: string) => s.replace(/^(The|It|Something|Someone|Opening|Returning) /, (w) => w.toLowerCase());

/** A sentence for each beat of a timeline, in order. */
export function narrateBeats(events: readonly PoolEvent[], beats: readonly Beat[], level?: LevelId): string[] {
  const sentences = narrateAll(events, level);
  return beats.map((b) => beatSentence(events, sentences, b));
}

/** A beat's sentence, from the sentences of its events. */
export function beatSentence(events: readonly PoolEvent[], sentences: readonly string[], b: Beat): string {
  const idx: number[] = [];
  for (let i = b.first; i <= b.last; i++) if (events[i]!.type !== 'monitor.warned') idx.push(i);
  // A beat of warnings alone (the monitor's last word at the end of a run) says its warning.
  if (idx.length === 0) return sentences[b.last] ?? '';
  const head = idx.reduce((best, i) => (rank(events[i]!) < rank(events[best]!) ? i : best));
  const e = events[head]!;
  const text = sentences[head] ?? '';
  const find = (type: PoolEvent['type']) => idx.find((i) => events[i]!.type === type);

  const started = find('step.started');
  const step = started === undefined ? undefined : events[started];
  if (started !== undefined && step?.type === 'step.started' && started !== head && step.client !== null) {
    const lead = open(sentences[started] ?? '');
    const namesReader = text.includes(`Reader ${step.client}`);
    // "Reader A returns Connection 2: ROLLBACK runs on it at the cleaning desk …"
    if (step.do === 'release' && e.type === 'statement.started')
      return `${lead}: ${onward(text.replace(/ on (Book|Connection) \d+ at /, ' on it at '))}`;
    if (step.do === 'with' || ((step.do === 'release' || step.do === 'use') && !namesReader))
      return `${lead}: ${onward(text)}`;
  }

  // A failed check empties the shelf and the pool opens a new one in the same beat: say both.
  const creating = find('object.creating');
  if (e.type === 'object.validated' && !e.ok && creating !== undefined)
    return `${open(text)} — ${onward(sentences[creating] ?? '')}`;

  // The count moves in this reader's beat, and where it is the point (counted once checked, or
  // counted before the object exists: the database's race) the sentence says so.
  const counted = find('pool.counted');
  const count = counted === undefined ? undefined : events[counted];
  if (e.type === 'object.validated' && e.ok && count?.type === 'pool.counted')
    return `${open(text)}, and the pool counts it: inUseCount is ${count.inUse} now.`;
  if (e.type === 'object.creating' && count?.type === 'pool.counted' && count.of === 'made')
    return `${open(text)}, and the pool has counted it already: inUseCount is ${count.inUse} now.`;

  // The check passed and the pool took the connection off the shelf in one beat (the order of the
  // race without the lock: check the top, then take it): say both, or the check never ends on screen.
  const validated = find('object.validated');
  const check = validated === undefined ? undefined : events[validated];
  if (e.type === 'object.taken' && check?.type === 'object.validated' && check.ok)
    return `${open(sentences[validated!] ?? '')}: ${onward(text)}`;

  // The pool takes a connection off the shelf and starts its check in one beat: say both, or the
  // card's "SELECT 1 — is it alive?" is never told.
  const statement = find('statement.started');
  const st = statement === undefined ? undefined : events[statement];
  if (
    e.type === 'object.taken' &&
    st?.type === 'statement.started' &&
    st.object === e.object &&
    operationOf(st) === 'acquire'
  ) {
    const [take, ...rest] = open(text).split('; ');
    return `${take} and runs ${st.sql} on it to check it is still alive${rest.map((r) => `; ${r}`).join('')}.`;
  }

  const released = find('object.released');
  if (e.type === 'object.handedoff' && released !== undefined) return sentences[released] ?? text;

  const written = find('object.written');
  if (e.type === 'block.failed' && written !== undefined)
    return `${open(sentences[written] ?? '')}, then ${onward(text)}`;

  // "Book 1 comes off the press" / "is clean again", and goes on top of the shelf.
  const before = find('object.created') ?? find('object.reset');
  const same = `${text.split(' ').slice(0, 2).join(' ')} `;
  if (before !== undefined && before !== head && e.type !== 'object.acquired' && e.object === events[before]!.object) {
    const first = open(sentences[before] ?? '');
    if (text.startsWith(same) && first.startsWith(same))
      return `${first}${first.includes(' and ') ? ',' : ''} and ${text.slice(same.length)}`;
    return `${first}: ${onward(text)}`;
  }
  return text;
}
