/**
 * What each reader is doing (DESIGN.md "Places and readers"): its state is read off its record —
 * which step it runs, whether it is inside a pool call, how its last action went wrong — and the
 * pool's waiting line. The record's error side is set here from the engine's own events, the moment
 * the error happens; the runner sets the rest as steps start and end.
 */
import type { ClientView, EventBody, ReaderState } from '../types';
import type { ClientRecord, Waiting } from './records';

/** Note on a reader's record an event that went wrong for it. */
export function noteReader(e: EventBody, client: ClientRecord | undefined): void {
  if (!client) return;
  switch (e.type) {
    case 'pool.exhausted':
      return void fail(client, 'refused', { kind: 'exhausted', message: e.message });
    case 'acquire.rejected':
      return void fail(client, 'refused', { kind: 'closed', message: e.message });
    case 'acquire.timedout':
      return void fail(client, 'timed-out', { kind: 'timeout', message: e.message });
    case 'release.refused':
      return void fail(client, 'failed', { kind: 'not-borrowed', message: e.message });
    case 'release.failed':
      return void fail(client, 'failed', { kind: 'dead', message: e.message });
    case 'use.failed':
      return void fail(client, 'failed', { kind: 'dead', message: e.message }, client.call);
    case 'client.crashed':
    case 'block.failed':
      client.ended = 'crashed';
      return;
    default:
      return;
  }
}

function fail(
  client: ClientRecord,
  ended: NonNullable<ClientRecord['ended']>,
  error: NonNullable<ClientRecord['error']>,
  call: ClientRecord['call'] = null,
): void {
  client.ended = ended;
  client.error = error;
  client.call = call;
}

/**
 * A reader's state: in line, inside a pool call, gone wrong, holding, or else idle — done once it has
 * no steps left (a reader that keeps an object to the end is still holding it).
 */
export function stateOf(c: ClientRecord, queued: boolean): ReaderState {
  if (queued) return 'waiting';
  if (c.call !== null) return c.call;
  if (c.ended !== null) return c.ended;
  if (c.holding.length > 0) return 'holding';
  return c.doing === null && c.stepsLeft === 0 ? 'done' : 'idle';
}

/**
 * The view of one reader, given the pool's waiting line: `prev` itself when nothing in it changed
 * (fields compared where they stand, before anything is built), else a new view sharing its list of
 * holdings with `prev` when that is unchanged.
 */
export function clientViewOf(c: ClientRecord, waiting: readonly Waiting[], prev: ClientView | undefined): ClientView {
  let at = -1;
  for (let i = 0; i < waiting.length && at < 0; i++) if (waiting[i]!.client === c.name) at = i;
  const queued = at >= 0 ? waiting[at]! : null;
  const holding = idsOf(c, prev);
  const status = queued ? 'waiting' : c.status;
  const state = stateOf(c, queued !== null);
  const position = queued ? at + 1 : null;
  const waitingSince = queued ? queued.since : null;
  const crashed = c.ended === 'crashed';
  if (
    prev !== undefined &&
    prev.name === c.name &&
    prev.holding === holding &&
    prev.status === status &&
    prev.state === state &&
    prev.crashed === crashed &&
    prev.position === position &&
    prev.error === c.error &&
    prev.doing === c.doing &&
    prev.waitingSince === waitingSince
  )
    return prev;
  return { name: c.name, holding, status, state, crashed, position, error: c.error, doing: c.doing, waitingSince };
}

/** The ids a reader holds, newest last: the last view's list when they are the same. */
function idsOf(c: ClientRecord, prev: ClientView | undefined): readonly number[] {
  const held = c.holding;
  if (prev !== undefined && prev.holding.length === held.length) {
    let same = true;
    for (let i = 0; i < held.length && same; i++) same = held[i]!.id === prev.holding[i];
    if (same) return prev.holding;
  }
  const ids = new Array<number>(held.length); // exact length: a pushed list keeps room for 17
  for (let i = 0; i < held.length; i++) ids[i] = held[i]!.id;
  return ids;
}
