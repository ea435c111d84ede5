/**
 * One sentence for each moment of an analogy scene: what one reader did at one instant, said in
 * the library's words from that moment's events (and, for a read, how long the engine's read step
 * took). Nothing is said that the events do not say; a moment of another shape falls back on the
 * lab's own sentence for its headline event.
 */
import type { PoolEvent } from '../engine';
import { ms } from './format';
import { narrate } from './narrate';

/** A moment's events, and what the engine's steps say about reading. */
export interface MomentFacts {
  readonly events: readonly PoolEvent[];
  /** Virtual ms each reader's read step took, by reader. */
  readonly readMs: ReadonlyMap<string, number>;
  /** Books on the shelf after the moment. */
  readonly onShelf: number;
  readonly pool: boolean;
}

const books = (n: number) => (n === 0 ? 'no book' : n === 1 ? 'one book' : `${n} books`);

export function captionOf({ events, readMs, onShelf, pool }: MomentFacts): string {
  const find = <T extends PoolEvent['type']>(type: T) =>
    events.find((e): e is Extract<PoolEvent, { type: T }> => e.type === type);
  const reader = events.find((e) => e.client !== null)?.client ?? null;
  const who = reader === null ? 'The library' : `Reader ${reader}`;
  const arrives = events.some((e) => e.type === 'step.started' && e.do === 'acquire');
  const creating = find('object.creating');
  const taken = find('object.taken');
  const acquired = find('object.acquired');
  const opens = events.some((e) => e.type === 'step.started' && e.do === 'read');
  const read = find('object.read');
  const shelved = find('object.shelved');
  const destroyed = find('object.destroyed');
  const reading = reader !== null ? readMs.get(reader) : undefined;
  const readFor = reading !== undefined && reading > 0 ? ` for ${ms(reading)}` : '';

  if (creating) {
    const why = pool ? (arrives ? 'arrives to an empty shelf, so' : 'finds the shelf empty, so') : 'arrives, and';
    return `${who} ${why} the press prints Book ${creating.object} for them (${ms(creating.ms)}).`;
  }
  if (taken) return `${who} arrives; the pool takes Book ${taken.object} off the top of the shelf for them.`;
  if (acquired) {
    const got =
      acquired.source === 'created'
        ? `gets Book ${acquired.object}, fresh from the press after ${ms(acquired.waited)}`
        : `gets Book ${acquired.object} from the shelf after ${ms(acquired.waited)} — nothing printed —`;
    const said = got.endsWith('—') ? got.slice(0, -2) : got;
    return opens ? `${who} ${got}${got.endsWith('—') ? '' : ','} and reads it${readFor}.` : `${who} ${said}.`;
  }
  if (read && (shelved || destroyed)) {
    return shelved
      ? `${who} finishes Book ${read.object} and puts it back on the shelf: ${books(onShelf)} there now.`
      : `${who} finishes Book ${read.object}; it goes to the bin, burned.`;
  }
  if (read) return `${who} finishes reading Book ${read.object}.`;
  if (shelved) return `${who} puts Book ${shelved.object} back on the shelf: ${books(onShelf)} there now.`;
  if (destroyed) return `${who} is done with Book ${destroyed.object}; it goes to the bin, burned.`;
  if (opens) return `${who} starts reading${readFor}.`;
  const headline = events.find((e) => e.type !== 'step.finished' && e.type !== 'step.started') ?? events[0];
  return headline ? narrate(headline) : '';
}
