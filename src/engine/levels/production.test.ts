/**
 * Conformance of the production pool, in the spirit of the suites real pools keep
 * (generic-pool, tarn.js, HikariCP): pre-fill, FIFO hand-off, exact timeouts, nothing lost,
 * validation and reset failures, checked release, close, concurrency, leaks, idle retirement.
 * Costs are fixed so that times can be stated exactly: create 100 ms, SELECT 1 2 ms, ROLLBACK and
 * DISCARD ALL 2 ms each, handing over from the shelf 0.5 ms.
 */
import { describe, expect, it } from 'vitest';
import { PoolError, type Op } from '../core';
import { ProductionPool, PRODUCTION_DEFAULTS } from './production';
import { runScenario, type RunOptions, type RunResult } from '../run';
import { parseScenario } from '../scenario';
import { DEFAULT_COSTS } from '../types';
import { eventsOf, warningsOf } from '../testing';
import { Connection, Runtime } from '../world';

const COSTS = { createMs: 100, validateMs: 2, resetMs: 2, reuseMs: 0.5 };

function run(options: Record<string, unknown>, steps: unknown[], opts: RunOptions = {}): RunResult {
  const scenario = parseScenario({
    level: 'production',
    options: { costs: COSTS, ...options },
    seed: 1,
    steps,
  }).scenario;
  const result = runScenario(scenario, opts);
  if (result.error) throw result.error;
  return result;
}

const step = (r: RunResult, i: number) => r.steps[i]!;
const destroyedIds = (r: RunResult) => eventsOf(r, 'object.destroyed').map((e) => e.object);

describe('pre-fill', () => {
  it('creates exactly minSize before the first step, and no more', () => {
    const r = run({ minSize: 3, maxSize: 5 }, [{ client: 'A', do: 'acquire' }]);
    const opened = eventsOf(r, 'pool.opened')[0]!;
    expect(opened.world!.pool.created).toBe(3);
    expect(opened.available).toEqual([1, 2, 3]);
    expect(r.final.pool.created).toBe(3);
    expect(step(r, 0).outcome).toMatchObject({ object: 3, source: 'shelf' });
  });

  it('creates nothing up front with minSize 0', () => {
    const r = run({ minSize: 0 }, [{ client: 'A', do: 'acquire' }]);
    expect(eventsOf(r, 'pool.opened')[0]!.world!.pool.created).toBe(0);
    expect(step(r, 0).outcome).toMatchObject({ object: 1, source: 'created' });
  });

  it('refills to minSize when dead ones were thrown away', () => {
    const r = run({ minSize: 2, maxSize: 4 }, [{ do: 'restart' }, { client: 'A', do: 'acquire' }]);
    expect(step(r, 1).outcome).toMatchObject({ object: 3, source: 'created', discarded: [2, 1] });
    // A holds 3; one more is made in the background so that 2 stay warm.
    expect(r.final.pool.open).toBe(2);
    expect(r.final.pool.available).toEqual([4]);
  });
});

describe('waiting in line', () => {
  const full = [{ client: 'A', do: 'acquire' }];

  it('hands released objects to waiters first come, first served', () => {
    const r = run({ maxSize: 1, acquireTimeout: null }, [
      ...full,
      { client: 'B', do: 'acquire' },
      { client: 'C', do: 'acquire' },
      { client: 'D', do: 'acquire' },
      { client: 'A', do: 'release', at: 300 },
      { client: 'B', do: 'release', at: 400 },
      { client: 'C', do: 'release', at: 500 },
    ]);
    expect(eventsOf(r, 'acquire.queued').map((e) => [e.client, e.position])).toEqual([
      ['B', 1],
      ['C', 2],
      ['D', 3],
    ]);
    expect(eventsOf(r, 'object.handedoff').map((e) => e.to)).toEqual(['B', 'C', 'D']);
    expect([1, 2, 3].map((i) => step(r, i).outcome.object)).toEqual([1, 1, 1]);
    // Each waited from 100 (A's object made) until its hand-off (release + 4 ms of reset).
    expect([1, 2, 3].map((i) => step(r, i).outcome.waited)).toEqual([204, 304, 404]);
  });

  it('shows the queue in the world, in order, with each reader waiting since it queued', () => {
    const r = run({ maxSize: 1 }, [...full, { client: 'B', do: 'acquire' }, { client: 'C', do: 'acquire', at: 150 }]);
    const queued = eventsOf(r, 'acquire.queued').at(-1)!;
    expect(queued.world!.pool.waiting).toEqual(['B', 'C']);
    const clients = Object.fromEntries(queued.world!.clients.map((c) => [c.name, c]));
    expect(clients.B).toMatchObject({ status: 'waiting', waitingSince: 100 });
    expect(clients.C).toMatchObject({ status: 'waiting', waitingSince: 150 });
    expect(clients.A).toMatchObject({ status: 'idle', waitingSince: null });
  });

  it("starts the next step in the file once an acquire is queued, but not its own client's next", () => {
    // B queues at 100 and gives up at 1100; B's second acquire waits for its first, and A's
    // release, after it in the file, waits for that one to be queued.
    const r = run({ maxSize: 1, acquireTimeout: 1000 }, [
      ...full,
      { client: 'B', do: 'acquire' },
      { client: 'B', do: 'acquire' },
      { client: 'A', do: 'release' },
    ]);
    expect(step(r, 1)).toMatchObject({ endedAt: 1100, outcome: { error: 'timeout' } });
    expect(step(r, 2).startedAt).toBe(1100);
    expect(step(r, 3).startedAt).toBe(1100);
    expect(step(r, 2).outcome).toMatchObject({ object: 1, waited: 4 });
    const r2 = run({ maxSize: 1, acquireTimeout: 1000 }, [
      ...full,
      { client: 'B', do: 'acquire' },
      { client: 'A', do: 'release' },
      { client: 'B', do: 'read' },
    ]);
    expect(step(r2, 2).startedAt).toBe(100); // the release did not wait for B's acquire
    expect(step(r2, 1).outcome).toMatchObject({ object: 1, waited: 4 });
    expect(step(r2, 3).startedAt).toBe(step(r2, 1).endedAt); // B's read waited for B's acquire
  });

  it('times out at exactly start + acquireTimeout and leaves the queue', () => {
    const r = run({ maxSize: 1, acquireTimeout: 500 }, [...full, { client: 'B', do: 'acquire', at: 120 }]);
    const b = step(r, 1);
    expect(b.startedAt).toBe(120);
    expect(b.endedAt).toBe(620);
    expect(b.outcome).toMatchObject({ error: 'timeout', waited: 500 });
    expect(b.outcome.message).toContain('total 1, borrowed 1, idle 0, waiting 0');
    expect(b.waiting).toBe(0);
    const timedout = eventsOf(r, 'acquire.timedout')[0]!;
    expect(timedout.t).toBe(620);
    expect(timedout.world!.pool.waiting).toEqual([]);
    expect(warningsOf(r)).toContain('timeout');
  });

  it('throws away a dead connection handed to a waiter, and the waiter goes on', () => {
    // A's release hands 1 to B at 304; it dies while B checks it (304–306); B makes a new one.
    const r = run({ maxSize: 1, acquireTimeout: 1000 }, [
      { client: 'A', do: 'acquire' },
      { client: 'B', do: 'acquire' },
      { client: 'A', do: 'release', at: 300 },
      { do: 'kill', object: 1, at: 305 },
    ]);
    expect(step(r, 1).outcome).toMatchObject({ object: 2, source: 'created', discarded: [1], waited: 204 });
    expect(step(r, 1).endedAt).toBe(406);
    expect(eventsOf(r, 'object.handedoff').map((e) => [e.object, e.to])).toEqual([[1, 'B']]);
  });

  it('refuses at once with acquireTimeout 0', () => {
    const r = run({ maxSize: 1, acquireTimeout: 0 }, [...full, { client: 'B', do: 'acquire' }]);
    expect(step(r, 1).outcome.error).toBe('exhausted');
    expect(step(r, 1).endedAt).toBe(step(r, 1).startedAt);
    expect(eventsOf(r, 'acquire.queued')).toHaveLength(0);
  });

  it('never loses an object released after its waiter gave up', () => {
    const r = run({ maxSize: 1, acquireTimeout: 100 }, [
      ...full,
      { client: 'B', do: 'acquire' },
      { client: 'A', do: 'release', at: 300 },
      { client: 'C', do: 'acquire', at: 400 },
    ]);
    expect(step(r, 1).outcome.error).toBe('timeout');
    expect(eventsOf(r, 'object.handedoff')).toHaveLength(0);
    expect(step(r, 2).available).toEqual([1]);
    expect(step(r, 3).outcome).toMatchObject({ object: 1, source: 'shelf' });
  });

  it('hands past a waiter who gave up to the next in line', () => {
    const r = run({ maxSize: 1, acquireTimeout: 100 }, [
      ...full,
      { client: 'B', do: 'acquire' },
      { client: 'C', do: 'acquire', at: 150 },
      { client: 'A', do: 'release', at: 220 },
    ]);
    expect(step(r, 1).outcome.error).toBe('timeout');
    expect(eventsOf(r, 'object.handedoff').map((e) => e.to)).toEqual(['C']);
    expect(step(r, 2).outcome).toMatchObject({ object: 1, waited: 74 });
  });
});

describe('validation and reset', () => {
  it('throws a dead connection away and lends the next one', () => {
    const r = run({ minSize: 2, maxSize: 2 }, [
      { do: 'kill', object: 2 },
      { client: 'A', do: 'acquire' },
    ]);
    expect(step(r, 1).outcome).toMatchObject({ object: 1, source: 'shelf', discarded: [2] });
    expect(destroyedIds(r)).toEqual([2]);
    expect(eventsOf(r, 'object.destroyed')[0]!.reason).toMatch(/validation/);
  });

  it("replaces a dead connection within the waiter's one deadline", () => {
    // A holds 1; B waits from 100; 1 dies; A's release cannot reset it: it is thrown away and a
    // new one is made for B in the background (100 ms), before B's deadline at 100 + 300.
    const steps = [
      { client: 'A', do: 'acquire' },
      { client: 'B', do: 'acquire' },
      { do: 'kill', object: 1, at: 150 },
      { client: 'A', do: 'release', at: 160 },
    ];
    const r = run({ maxSize: 1, acquireTimeout: 300 }, steps);
    expect(step(r, 1).outcome).toMatchObject({ object: 2, waited: 162 });
    expect(step(r, 1).endedAt).toBeLessThanOrEqual(400);
    expect(eventsOf(r, 'object.destroyed').map((e) => [e.object, e.reason])).toEqual([[1, 'its reset failed']]);
    // With a shorter deadline B gives up at exactly 100 + 150, before the new one is made at
    // 262; that one is not lost: it waits on the shelf.
    const late = run({ maxSize: 1, acquireTimeout: 150 }, steps);
    expect(step(late, 1).outcome.error).toBe('timeout');
    expect(step(late, 1).endedAt).toBe(250);
    expect(late.final.pool.available).toEqual([2]);
  });

  it('destroys a connection whose reset fails and frees its place', () => {
    const r = run({ maxSize: 1 }, [
      { client: 'A', do: 'acquire' },
      { do: 'kill', object: 1 },
      { client: 'A', do: 'release' },
      { client: 'B', do: 'acquire' },
    ]);
    expect(step(r, 2).outcome.error).toBeUndefined();
    expect(step(r, 2)).toMatchObject({ available: [], open: 0, inUse: 0 });
    expect(step(r, 3).outcome).toMatchObject({ object: 2, source: 'created' });
    expect(warningsOf(r)).not.toContain('capacity-lost');
  });

  it('cleans the session on release: the next borrower sees nothing', () => {
    const r = run({ maxSize: 1 }, [
      { client: 'A', do: 'acquire' },
      { client: 'A', do: 'use', write: 'role=admin' },
      { client: 'A', do: 'release' },
      { client: 'B', do: 'acquire' },
      { client: 'B', do: 'read' },
    ]);
    expect(step(r, 4).outcome).toMatchObject({ object: 1, sees: null });
    const sql = eventsOf(r, 'statement.started').map((e) => e.sql);
    expect(sql).toEqual(expect.arrayContaining(['ROLLBACK', 'DISCARD ALL']));
    expect(sql.indexOf('ROLLBACK')).toBeLessThan(sql.indexOf('DISCARD ALL'));
  });

  it('retires a connection on return once it is older than maxLifetime', () => {
    const r = run({ maxSize: 2, maxLifetime: 150 }, [
      { client: 'A', do: 'acquire' },
      { client: 'A', do: 'release', at: 200 },
      { client: 'B', do: 'acquire' },
    ]);
    expect(eventsOf(r, 'object.destroyed').map((e) => [e.object, e.reason])).toEqual([[1, 'it reached maxLifetime']]);
    expect(step(r, 2).outcome).toMatchObject({ object: 2, source: 'created' });
  });
});

describe('checked release', () => {
  it('refuses a second release and changes nothing', () => {
    const r = run({ maxSize: 2 }, [
      { client: 'A', do: 'acquire' },
      { client: 'A', do: 'release' },
      { client: 'A', do: 'release', object: 1 },
    ]);
    expect(step(r, 2).outcome).toMatchObject({ object: 1, error: 'not-borrowed' });
    expect(step(r, 2)).toMatchObject({ available: [1], inUse: 0, open: 1 });
    expect(eventsOf(r, 'object.shelved')).toHaveLength(1);
    expect(warningsOf(r)).not.toContain('double-shelved');
  });

  it('refuses an old handle once the object is lent to someone else', () => {
    const r = run({ maxSize: 1 }, [
      { client: 'A', do: 'acquire' },
      { client: 'A', do: 'release' },
      { client: 'B', do: 'acquire' },
      { client: 'A', do: 'release', object: 1 },
      { client: 'C', do: 'acquire', at: 1000 },
    ]);
    expect(step(r, 3).outcome).toMatchObject({ error: 'not-borrowed' });
    expect(step(r, 3).outcome.message).toContain('lent to B');
    expect(step(r, 3)).toMatchObject({ available: [], inUse: 1 });
    expect(r.final.clients.find((c) => c.name === 'B')!.holding).toEqual([1]);
    expect(step(r, 4).outcome.error).toBe('timeout');
  });

  it('lets the holder keep its reference when its release is refused', () => {
    const r = run({ maxSize: 1 }, [
      { client: 'A', do: 'acquire' },
      { do: 'release', object: 1 },
      { client: 'A', do: 'release' },
    ]);
    expect(step(r, 1).outcome.error).toBeUndefined();
    expect(step(r, 2).outcome.error).toBe('not-borrowed');
    expect(r.final.clients.find((c) => c.name === 'A')!.holding).toEqual([1]);
  });

  it('refuses an object from another pool and changes nothing', () => {
    const rt = new Runtime({ seed: 1, costs: { ...DEFAULT_COSTS, createMs: [100, 100] }, record: true, maxSize: 2 });
    const pool = new ProductionPool(rt, { ...PRODUCTION_DEFAULTS, maxSize: 2, minSize: 1 });
    rt.poolState = () => ({
      available: pool.shelf(),
      inUse: pool.inUseCount,
      closed: pool.closed,
      waiting: pool.waitingList(),
    });
    const stranger = new Connection(rt, 99, 0);
    let caught: unknown = null;
    function* script(): Op<void> {
      yield* pool.init();
      try {
        yield* pool.release(stranger);
      } catch (error) {
        caught = error;
      }
    }
    rt.sim.spawn('X', script(), (_task, failed, error) => {
      if (failed) throw error;
    });
    rt.sim.run();
    expect(caught).toBeInstanceOf(PoolError);
    expect((caught as PoolError).kind).toBe('not-borrowed');
    expect(pool.shelf().map((c) => c.id)).toEqual([1]);
    expect(pool.total).toBe(1);
    expect(rt.events.filter((e) => e.type === 'release.refused')).toHaveLength(1);
  });
});

describe('close', () => {
  it('fails the waiters when it closes', () => {
    const r = run({ maxSize: 1, acquireTimeout: null }, [
      { client: 'A', do: 'acquire' },
      { client: 'B', do: 'acquire' },
      { client: 'C', do: 'acquire' },
      { do: 'close', at: 400 },
    ]);
    for (const i of [1, 2])
      expect(step(r, i)).toMatchObject({ endedAt: 400, outcome: { error: 'closed', waited: 300 } });
    expect(eventsOf(r, 'acquire.rejected').map((e) => e.client)).toEqual(['B', 'C']);
    expect(r.final.pool.waiting).toEqual([]);
  });

  it('refuses new acquires, closes idle ones now and borrowed ones when they come back', () => {
    const r = run({ minSize: 3, maxSize: 3 }, [
      { client: 'A', do: 'acquire' },
      { client: 'B', do: 'acquire' },
      { do: 'close', at: 400 },
      { client: 'E', do: 'acquire' },
      { client: 'A', do: 'release', at: 500 },
    ]);
    expect(step(r, 2)).toMatchObject({ available: [], open: 2 });
    expect(eventsOf(r, 'object.destroyed').map((e) => [e.object, e.t])).toEqual([
      [1, 400],
      [3, 500],
    ]);
    expect(step(r, 3).outcome.error).toBe('closed');
    expect(step(r, 4)).toMatchObject({ open: 1 });
    // B never gave its connection back: it is the one left open, and the monitor says so.
    expect(r.final.objects.filter((o) => o.place !== 'bin').map((o) => o.holders)).toEqual([['B']]);
    expect(r.warnings).toContain('open-after-close');
  });

  it('ends with every object created destroyed once all come back', () => {
    const r = run({ minSize: 2, maxSize: 4 }, [
      { client: 'A', do: 'acquire' },
      { client: 'B', do: 'acquire' },
      { client: 'C', do: 'acquire' },
      { client: 'B', do: 'release' },
      { do: 'close' },
      { client: 'A', do: 'release' },
      { client: 'C', do: 'release' },
    ]);
    expect(r.final.pool.created).toBe(3);
    expect(new Set(destroyedIds(r))).toEqual(new Set([1, 2, 3]));
    expect(r.final.pool.open).toBe(0);
    expect(r.warnings).not.toContain('open-after-close');
    expect(warningsOf(r)).not.toContain('closed-with-borrowed');
    expect(warningsOf(r)).not.toContain('created-after-close');
  });
});

describe('concurrency', () => {
  it('never lends one object twice or creates past maxSize when acquires arrive together', () => {
    const r = run(
      { minSize: 2, maxSize: 2, acquireTimeout: 100 },
      ['A', 'B', 'C', 'D'].map((client) => ({ client, do: 'acquire', at: 0 })),
    );
    expect(r.final.pool.created).toBe(2);
    const got = r.steps.map((s) => s.outcome.object ?? s.outcome.error);
    expect(got).toEqual([2, 1, 'timeout', 'timeout']);
    expect(warningsOf(r)).not.toContain('over-max');
    expect(warningsOf(r)).not.toContain('shared-object');
  });

  it('reserves room before creating, so a burst on an empty pool stops at maxSize', () => {
    const r = run(
      { maxSize: 2, acquireTimeout: 1000 },
      ['A', 'B', 'C', 'D'].map((client) => ({ client, do: 'acquire', at: 0 })),
    );
    expect(r.final.pool.created).toBe(2);
    expect(eventsOf(r, 'acquire.queued').map((e) => e.client)).toEqual(['C', 'D']);
  });
});

describe('the line a loan is shown at', () => {
  // Two readers at once on a pool of two, then a third when one comes back: with the lock off, the
  // check comes first and the take off the shelf after it, on a line of its own; the loan is on the
  // lending line in every case (the code panel lights it), and a connection made for the reader is
  // lent where it was made.
  const steps = [
    { client: 'A', do: 'acquire', at: 0 },
    { client: 'B', do: 'acquire', at: 0 },
    { client: 'A', do: 'release' },
    { client: 'C', do: 'acquire' },
  ];
  it.each([
    { lock: true, validate: true },
    { lock: false, validate: true },
    { lock: true, validate: false },
    { lock: false, validate: false },
  ])('lock $lock, validate $validate: every loan from the shelf at acquire.valid', (fixes) => {
    const r = run({ minSize: 1, maxSize: 2, acquireTimeout: 1000, fixes }, steps, { record: true });
    const loans = eventsOf(r, 'object.acquired');
    expect(loans.map((e) => e.client)).toEqual(['A', 'B', 'C']);
    for (const e of loans) expect(e.line).toBe(e.source === 'shelf' ? 'acquire.valid' : 'acquire.create');
    expect(loans.filter((e) => e.source === 'shelf').length).toBeGreaterThanOrEqual(2);
  });
});

describe('leaks and idle connections', () => {
  it('reports a leak once, with its borrower and the step that borrowed, and its return', () => {
    const r = run({ maxSize: 2, leakThreshold: 100 }, [
      { client: 'A', do: 'acquire' },
      { client: 'B', do: 'acquire' },
      { client: 'B', do: 'release' },
      { client: 'A', do: 'release', at: 600 },
    ]);
    const suspected = eventsOf(r, 'leak.suspected');
    expect(suspected.map((e) => [e.client, e.object, e.since, e.borrowStep, e.t])).toEqual([['A', 1, 100, 0, 200]]);
    const returned = eventsOf(r, 'leak.returned');
    expect(returned.map((e) => [e.client, e.object, e.heldMs])).toEqual([['A', 1, 500]]);
    expect(warningsOf(r).filter((w) => w === 'leak-suspected')).toHaveLength(1);
  });

  it('lists every loan in the ledger with its borrower, time and step', () => {
    const rt = new Runtime({ seed: 1, costs: { ...DEFAULT_COSTS, createMs: [100, 100] }, record: false, maxSize: 2 });
    const pool = new ProductionPool(rt, { ...PRODUCTION_DEFAULTS, maxSize: 2 });
    function* borrower(): Op<void> {
      yield* pool.acquire();
    }
    rt.sim.spawn('Q', borrower(), () => {});
    rt.sim.run();
    expect(pool.ledger().map(({ id, loan }) => [id, loan.client, loan.since])).toEqual([[1, 'Q', 100]]);
  });

  it('retires idle objects above minSize and never below it', () => {
    const r = run({ minSize: 2, maxSize: 4, idleTimeout: 1000 }, [
      { client: 'A', do: 'acquire' },
      { client: 'B', do: 'acquire' },
      { client: 'C', do: 'acquire' },
      { client: 'D', do: 'acquire' },
      { client: 'A', do: 'release' },
      { client: 'B', do: 'release' },
      { client: 'C', do: 'release' },
      { client: 'D', do: 'release' },
    ]);
    const retired = eventsOf(r, 'object.destroyed');
    expect(retired).toHaveLength(2);
    expect(retired.every((e) => e.reason.includes('idle'))).toBe(true);
    expect(r.final.pool.open).toBe(2);
    expect(r.final.pool.available).toHaveLength(2);
  });

  it('never retires a borrowed object, however long it is held', () => {
    const r = run({ minSize: 0, maxSize: 2, idleTimeout: 100 }, [
      { client: 'A', do: 'acquire' },
      { client: 'B', do: 'acquire' },
      { client: 'B', do: 'release' },
      { client: 'A', do: 'read', at: 1000 },
    ]);
    expect(destroyedIds(r)).toEqual([2]);
    expect(step(r, 3).outcome).toMatchObject({ object: 1, sees: null });
    expect(r.final.objects.find((o) => o.id === 1)!.place).toBe('held');
  });
});
