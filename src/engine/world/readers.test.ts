/**
 * What the world says about readers and counts, on the plots the stories tell: each reader's state
 * and error, the waiting line, and the readers' `held` count beside the pool's own counter.
 */
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../run';
import { outcome, play, warningsOf } from '../testing';
import type { ClientView, PoolEvent } from '../types';

const reader = (e: PoolEvent, name: string): ClientView => e.world!.clients.find((c) => c.name === name)!;
const first = (r: RunResult, test: (e: PoolEvent) => boolean): PoolEvent => r.events.find(test)!;
const last = (r: RunResult) => r.events.at(-1)!;
/** A reader as the world says it is just after the first event of a type. */
const after = (r: RunResult, type: PoolEvent['type'], name: string): ClientView =>
  reader(
    first(r, (e) => e.type === type),
    name,
  );
/** Steps: A borrows and crashes, then B borrows. */
const crashThenBorrow = [
  { client: 'A', do: 'acquire' },
  { client: 'A', do: 'fail' },
  { client: 'B', do: 'acquire' },
];

describe('reader states', () => {
  it('asks, then holds; a refused reader shows the refusal until its next action', () => {
    const r = play({
      level: 'level2',
      options: { minSize: 1, maxSize: 2 },
      steps: [
        { client: 'A', do: 'acquire' },
        { client: 'B', do: 'acquire' },
        { client: 'C', do: 'acquire' },
        { client: 'A', do: 'release' },
        { client: 'C', do: 'acquire' },
      ],
    });
    const started = first(r, (e) => e.type === 'step.started' && e.client === 'A');
    expect(reader(started, 'A')).toMatchObject({ state: 'asking', error: null, doing: 'acquire' });
    expect(
      reader(
        first(r, (e) => e.type === 'object.acquired' && e.client === 'A'),
        'A',
      ).state,
    ).toBe('holding');
    const refused = first(r, (e) => e.type === 'pool.exhausted');
    expect(reader(refused, 'C')).toMatchObject({
      state: 'refused',
      error: { kind: 'exhausted', message: 'No objects available!' },
    });
    // Still shown while others act, until C's own next step starts.
    const aReturns = first(r, (e) => e.type === 'object.shelved' && e.client === 'A');
    expect(reader(aReturns, 'A').state).toBe('returning');
    expect(reader(aReturns, 'C').state).toBe('refused');
    const cAgain = r.events.filter((e) => e.type === 'step.started' && e.client === 'C')[1]!;
    expect(reader(cAgain, 'C')).toMatchObject({ state: 'asking', error: null });
    expect(reader(last(r), 'C').state).toBe('holding');
    expect(reader(last(r), 'A').state).toBe('done');
  });

  it('waits in line with its position; gives up with the timeout error (production)', () => {
    const r = play({
      level: 'production',
      options: { maxSize: 1, acquireTimeout: 100 },
      steps: [
        { client: 'A', do: 'acquire' },
        { client: 'B', do: 'acquire', at: 200 },
        { client: 'C', do: 'acquire', at: 200 },
        { client: 'A', do: 'release', at: 250 },
      ],
    });
    const queued = r.events.filter((e) => e.type === 'acquire.queued').at(-1)!;
    expect(reader(queued, 'B')).toMatchObject({ state: 'waiting', position: 1, waitingSince: 200 });
    expect(reader(queued, 'C')).toMatchObject({ state: 'waiting', position: 2 });
    expect(queued.world!.pool.waiting).toEqual(['B', 'C']);
    // A's connection goes to B, first in line: B is being handed it (asking), C moves up.
    const handed = first(r, (e) => e.type === 'object.handedoff');
    expect(reader(handed, 'B')).toMatchObject({ state: 'asking', position: null });
    expect(reader(handed, 'C')).toMatchObject({ state: 'waiting', position: 1 });
    const gaveUp = first(r, (e) => e.type === 'acquire.timedout');
    expect(reader(gaveUp, 'C')).toMatchObject({ state: 'timed-out', error: { kind: 'timeout' }, position: null });
    expect(reader(last(r), 'C').state).toBe('timed-out');
  });

  it('crashes holding what it held; fails with the error of a dead object', () => {
    const r = play({
      level: 'level3',
      options: { maxSize: 2 },
      steps: [...crashThenBorrow, { do: 'kill', object: 2 }, { client: 'B', do: 'read' }],
    });
    expect(after(r, 'client.crashed', 'A')).toMatchObject({ state: 'crashed', error: null });
    expect(reader(last(r), 'B')).toMatchObject({ state: 'failed', error: { kind: 'dead' } });
  });

  it('says crashed after a block that threw, and returning while the block gives its book back (Level 4)', () => {
    const r = play({ level: 'level4', steps: [{ client: 'A', do: 'with', write: 'x', fail: true }] });
    expect(after(r, 'block.failed', 'A')).toMatchObject({ state: 'crashed', crashed: true });
    // The return is the block's, after the crash: still crashed, not a second crash afterwards.
    expect(after(r, 'object.resetting', 'A')).toMatchObject({ state: 'returning', crashed: true });
    expect(reader(last(r), 'A')).toMatchObject({ state: 'crashed', crashed: true });
    // A block that did not throw returns its book the same way, with no crash to carry.
    const fine = play({ level: 'level4', steps: [{ client: 'A', do: 'with', write: 'x' }] });
    expect(after(fine, 'object.resetting', 'A')).toMatchObject({ state: 'returning', crashed: false });
  });

  it('forgets a crash at the reader’s next action', () => {
    const r = play({
      level: 'level3',
      options: { maxSize: 2 },
      steps: [...crashThenBorrow, { client: 'A', do: 'acquire' }],
    });
    expect(after(r, 'client.crashed', 'A').crashed).toBe(true);
    const again = r.events.filter((e) => e.type === 'step.started' && e.client === 'A')[2]!;
    expect(reader(again, 'A')).toMatchObject({ state: 'asking', crashed: false });
  });
});

describe('counts', () => {
  it('counts a book two readers hold once for each, as the pool’s counter counts two loans (double release)', () => {
    const r = play({
      level: 'level2',
      options: { minSize: 1, maxSize: 3 },
      steps: [
        { client: 'A', do: 'acquire' },
        { client: 'A', do: 'release' },
        { client: 'A', do: 'release', object: 1 },
        { client: 'B', do: 'acquire' },
        { client: 'C', do: 'acquire' },
      ],
    });
    const end = last(r).world!;
    expect(end.objects[0]!.holders).toEqual(['B', 'C']);
    expect(end.pool.held).toBe(2);
    expect(end.pool.owed).toBe(2);
  });

  it('keeps the pool’s own counter beside what readers hold: after two crashes, 2 against 0 (Level 3)', () => {
    const r = play({
      level: 'level3',
      options: { maxSize: 2 },
      steps: [...crashThenBorrow, { client: 'B', do: 'fail' }],
    });
    expect(r.final.pool).toMatchObject({ inUse: 2, held: 0 });
    expect(r.final.objects.map((o) => o.places)).toEqual([[{ at: 'lost' }], [{ at: 'lost' }]]);
  });
});

describe('leaks the monitor reports', () => {
  it('calls a crash a leak only when the object is lost: not when it is also on the shelf (Level 1)', () => {
    const r = play({
      level: 'level1',
      options: { size: 1 },
      steps: [
        { client: 'A', do: 'acquire' },
        { client: 'A', do: 'release' },
        { client: 'A', do: 'release', object: 1 },
        { client: 'B', do: 'acquire' },
        { client: 'B', do: 'fail' },
      ],
    });
    expect(outcome(r, 4).outcome).toEqual({ object: 1 });
    expect(warningsOf(r)).not.toContain('leaked');
    expect(r.final.objects[0]!.places).toEqual([{ at: 'shelf', slot: 0 }]);
  });

  it('reports a refused guaranteed release instead of stopping the run (production, lock off)', () => {
    const r = play({
      level: 'production',
      options: { maxSize: 1, minSize: 1, acquireTimeout: 0, fixes: { lock: false } },
      steps: [
        { client: 'B', do: 'with', write: 'a=1' },
        { client: 'A', do: 'acquire', at: 0 },
      ],
    });
    expect(r.error).toBeNull();
    expect(outcome(r, 0).outcome).toMatchObject({ object: 1, releaseError: 'not-borrowed' });
    expect(reader(last(r), 'B')).toMatchObject({ state: 'failed', error: { kind: 'not-borrowed' } });
    expect(r.final.objects[0]!.places).toEqual([{ at: 'hands', readers: ['A'] }]);
  });
});
