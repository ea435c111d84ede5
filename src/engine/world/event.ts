/**
 * A kept event (a recorded run keeps every event with its world): the fields every event has, then
 * its body's own fields, made as one object literal for each list of body fields.
 *
 * Why literals, written out: V8 makes a literal through an allocation site, which notices that what
 * it makes outlives the young generation — a kept event always does — and from then on makes it in
 * the old generation at once. An instance of a class is always made young, and the collector copies
 * it twice before it settles (the events are about two fifths of what a recorded database run
 * keeps). One literal per list of fields (not one for all, with the body's fields added after) also
 * sizes each event for its own fields, in one store.
 */
import type { EventBody, EventType, LineId, PoolEvent, World } from '../types';

/** A kept event: its world is set once the snapshot is taken, just after the event is made. */
export type KeptEvent = PoolEvent & { world: World | undefined };

type Body<T extends EventType> = Extract<EventBody, { type: T }>;
/** The fields every event has, besides its type, in their order (positional: no object is made for them). */
type Head = [
  seq: number,
  t: number,
  client: string | null,
  object: number | null,
  line: LineId | null,
  available: readonly number[],
  inUse: number | null,
];
/** Makes an event of type `T` from its body and its head: every field of the body must be in it. */
type Maker<T extends EventType> = (b: Body<T>, ...head: Head) => Omit<Body<T>, 'type'> & { world: undefined };

/** An event with nothing of its own but its type. */
// prettier-ignore
const bare: (b: EventBody, ...head: Head) => { world: undefined } =
  (b, seq, t, client, object, line, available, inUse) => ({ type: b.type, seq, t, client, object, line, available, inUse, world: undefined });
/** An event that says something went wrong, in `message`. */
// prettier-ignore
const withMessage: (b: Extract<EventBody, { message: string }>, ...head: Head) => { message: string; world: undefined } =
  (b, seq, t, client, object, line, available, inUse) => ({ type: b.type, seq, t, client, object, line, available, inUse, world: undefined, message: b.message });
/** An event that says how long something it starts takes, in `ms`. */
// prettier-ignore
const withMs: (b: Extract<EventBody, { type: 'object.creating' | 'object.resetting' }>, ...head: Head) => { ms: number; world: undefined } =
  (b, seq, t, client, object, line, available, inUse) => ({ type: b.type, seq, t, client, object, line, available, inUse, world: undefined, ms: b.ms });

// The fields every event has come first, in this order, then the body's in the order its literal
// gives them: key for key, the object an event was when its body was copied onto a record.
// prettier-ignore
const KEPT: { [T in EventType]: Maker<T> } = {
  'step.started': (b, seq, t, client, object, line, available, inUse) => ({ type: b.type, seq, t, client, object, line, available, inUse, world: undefined, index: b.index, do: b.do }),
  'step.finished': (b, seq, t, client, object, line, available, inUse) => ({ type: b.type, seq, t, client, object, line, available, inUse, world: undefined, index: b.index, do: b.do, outcome: b.outcome }),
  'object.acquired': (b, seq, t, client, object, line, available, inUse) => ({ type: b.type, seq, t, client, object, line, available, inUse, world: undefined, source: b.source, waited: b.waited }),
  'object.creating': withMs,
  'object.resetting': withMs,
  'statement.started': (b, seq, t, client, object, line, available, inUse) => ({ type: b.type, seq, t, client, object, line, available, inUse, world: undefined, sql: b.sql, ms: b.ms }),
  'statement.finished': (b, seq, t, client, object, line, available, inUse) => ({ type: b.type, seq, t, client, object, line, available, inUse, world: undefined, sql: b.sql, ok: b.ok, error: b.error }),
  'object.validated': (b, seq, t, client, object, line, available, inUse) => ({ type: b.type, seq, t, client, object, line, available, inUse, world: undefined, ok: b.ok }),
  'pool.counted': (b, seq, t, client, object, line, available, inUse) => ({ type: b.type, seq, t, client, object, line, available, inUse, world: undefined, by: b.by, of: b.of }),
  'object.destroyed': (b, seq, t, client, object, line, available, inUse) => ({ type: b.type, seq, t, client, object, line, available, inUse, world: undefined, reason: b.reason }),
  'object.written': (b, seq, t, client, object, line, available, inUse) => ({ type: b.type, seq, t, client, object, line, available, inUse, world: undefined, value: b.value }),
  'object.read': (b, seq, t, client, object, line, available, inUse) => ({ type: b.type, seq, t, client, object, line, available, inUse, world: undefined, sees: b.sees }),
  'server.restarted': (b, seq, t, client, object, line, available, inUse) => ({ type: b.type, seq, t, client, object, line, available, inUse, world: undefined, killed: b.killed }),
  'pool.closed': (b, seq, t, client, object, line, available, inUse) => ({ type: b.type, seq, t, client, object, line, available, inUse, world: undefined, closed: b.closed, borrowed: b.borrowed }),
  'acquire.queued': (b, seq, t, client, object, line, available, inUse) => ({ type: b.type, seq, t, client, object, line, available, inUse, world: undefined, position: b.position }),
  'object.handedoff': (b, seq, t, client, object, line, available, inUse) => ({ type: b.type, seq, t, client, object, line, available, inUse, world: undefined, to: b.to }),
  'leak.suspected': (b, seq, t, client, object, line, available, inUse) => ({ type: b.type, seq, t, client, object, line, available, inUse, world: undefined, since: b.since, borrowStep: b.borrowStep }),
  'leak.returned': (b, seq, t, client, object, line, available, inUse) => ({ type: b.type, seq, t, client, object, line, available, inUse, world: undefined, heldMs: b.heldMs }),
  'monitor.warned': (b, seq, t, client, object, line, available, inUse) => ({ type: b.type, seq, t, client, object, line, available, inUse, world: undefined, warning: b.warning, message: b.message }),
  'use.failed': withMessage,
  'pool.exhausted': withMessage,
  'release.failed': withMessage,
  'release.refused': withMessage,
  'acquire.timedout': withMessage,
  'acquire.rejected': withMessage,
  'pool.opening': bare,
  'pool.opened': bare,
  'object.created': bare,
  'object.taken': bare,
  'object.shelved': bare,
  'object.released': bare,
  'object.reset': bare,
  'object.closed': bare,
  'object.killed': bare,
  'client.crashed': bare,
  'block.entered': bare,
  'block.failed': bare,
  'block.exited': bare,
};

/** The event `body` makes (its world not yet set). */
export const keptEvent: (body: EventBody, ...head: Head) => KeptEvent = (
  body,
  seq,
  t,
  client,
  object,
  line,
  available,
  inUse,
) => (KEPT[body.type] as Maker<EventType>)(body, seq, t, client, object, line, available, inUse) as KeptEvent;
