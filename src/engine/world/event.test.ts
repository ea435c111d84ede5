/**
 * A kept event is its head's fields, its world (not yet set), then its body's own fields, key for
 * key and value for value, for every type of event there is (the table below must name them all).
 */
import { describe, expect, it } from 'vitest';
import type { EventBody, EventType } from '../types';
import { keptEvent } from './event';

type Body<T extends EventType> = Extract<EventBody, { type: T }>;

const BODIES: { [T in EventType]: Body<T> } = {
  'pool.opening': { type: 'pool.opening' },
  'pool.opened': { type: 'pool.opened' },
  'step.started': { type: 'step.started', index: 3, do: 'use' },
  'step.finished': { type: 'step.finished', index: 3, do: 'use', outcome: { object: 2 } },
  'object.creating': { type: 'object.creating', ms: 40 },
  'object.created': { type: 'object.created' },
  'object.taken': { type: 'object.taken' },
  'object.shelved': { type: 'object.shelved' },
  'object.acquired': { type: 'object.acquired', source: 'shelf', waited: 12.5 },
  'object.released': { type: 'object.released' },
  'object.resetting': { type: 'object.resetting', ms: 2 },
  'object.reset': { type: 'object.reset' },
  'statement.started': { type: 'statement.started', sql: 'SELECT 1', ms: 0.5 },
  'statement.finished': { type: 'statement.finished', sql: 'SELECT 1', ok: false, error: 'gone' },
  'object.validated': { type: 'object.validated', ok: true },
  'pool.counted': { type: 'pool.counted', by: -1, of: 'returned' },
  'object.closed': { type: 'object.closed' },
  'object.destroyed': { type: 'object.destroyed', reason: 'dead' },
  'object.written': { type: 'object.written', value: 'n=1' },
  'object.read': { type: 'object.read', sees: null },
  'object.killed': { type: 'object.killed' },
  'server.restarted': { type: 'server.restarted', killed: [1, 2] },
  'client.crashed': { type: 'client.crashed' },
  'use.failed': { type: 'use.failed', message: 'use failed' },
  'pool.exhausted': { type: 'pool.exhausted', message: 'exhausted' },
  'release.failed': { type: 'release.failed', message: 'release failed' },
  'release.refused': { type: 'release.refused', message: 'not borrowed' },
  'block.entered': { type: 'block.entered' },
  'block.failed': { type: 'block.failed' },
  'block.exited': { type: 'block.exited' },
  'pool.closed': { type: 'pool.closed', closed: [1], borrowed: 2 },
  'acquire.queued': { type: 'acquire.queued', position: 1 },
  'acquire.timedout': { type: 'acquire.timedout', message: 'timed out' },
  'acquire.rejected': { type: 'acquire.rejected', message: 'rejected' },
  'object.handedoff': { type: 'object.handedoff', to: 'B' },
  'leak.suspected': { type: 'leak.suspected', since: 100, borrowStep: null },
  'leak.returned': { type: 'leak.returned', heldMs: 250 },
  'monitor.warned': { type: 'monitor.warned', warning: 'double-shelved', message: 'twice' },
};

describe('keptEvent', () => {
  const shelf = [2, 1];
  it.each(Object.values(BODIES))('keeps every field of a $type event, in order', (body) => {
    const event = keptEvent(body, 7, 12.5, 'A', 2, 'acquire.take', shelf, 3);
    const { type, ...own } = body;
    expect(Object.entries(event)).toEqual([
      ['type', type],
      ['seq', 7],
      ['t', 12.5],
      ['client', 'A'],
      ['object', 2],
      ['line', 'acquire.take'],
      ['available', shelf],
      ['inUse', 3],
      ['world', undefined],
      ...Object.entries(own),
    ]);
    expect(event.available).toBe(shelf);
  });
});
