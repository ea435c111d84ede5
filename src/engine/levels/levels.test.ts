import { describe, expect, it } from 'vitest';
import { eventsOf, outcome, play, warningsOf } from '../testing';
import { linesOf } from '../world';

const acquire = (client: string, extra: object = {}) => ({ client, do: 'acquire', ...extra });
const release = (client: string, extra: object = {}) => ({ client, do: 'release', ...extra });

describe('level 1', () => {
  it('pre-creates size objects and lends the top of the shelf first', () => {
    const r = play({ level: 'level1', options: { size: 3 }, steps: [acquire('A'), acquire('B')] });
    expect(eventsOf(r, 'object.creating')).toHaveLength(3);
    expect(outcome(r, 0).outcome).toMatchObject({ object: 3, source: 'shelf' });
    expect(outcome(r, 1).outcome).toMatchObject({ object: 2, source: 'shelf' });
    expect(outcome(r, 1).available).toEqual([1]);
  });

  it('creates without bound when the shelf is empty and keeps everything after a burst', () => {
    const clients = ['A', 'B', 'C', 'D'];
    const r = play({
      level: 'level1',
      options: { size: 1 },
      steps: [...clients.map((c) => acquire(c, { at: 0 })), ...clients.map((c) => release(c))],
    });
    expect(r.final.pool.created).toBe(4);
    expect(outcome(r, 1).outcome.source).toBe('created');
    expect(r.final.pool.available).toHaveLength(4);
    expect(warningsOf(r)).toContain('unbounded-growth');
  });

  it('says the growth as it happens: the object it counts is still at the press', () => {
    const r = play({
      level: 'level1',
      options: { size: 1 },
      steps: [acquire('A', { at: 0 }), acquire('B', { at: 0 })],
    });
    const warned = eventsOf(r, 'monitor.warned').find((e) => e.warning === 'unbounded-growth')!;
    expect(warned.message).toBe(
      'the 2nd object went to the press, more than the 1 it started with, and nothing stops more',
    );
    const made = warned.world!.objects.find((o) => o.id === warned.object)!;
    expect(made.places.map((p) => p.at)).toEqual(['press']);
  });

  it('shelves whatever it is given, twice if asked', () => {
    const r = play({
      level: 'level1',
      options: { size: 1 },
      steps: [acquire('A'), release('A'), release('A', { object: 1 }), acquire('B'), acquire('C')],
    });
    expect(outcome(r, 2).available).toEqual([1, 1]);
    expect(outcome(r, 3).outcome.object).toBe(1);
    expect(outcome(r, 4).outcome.object).toBe(1);
    expect(warningsOf(r)).toEqual(expect.arrayContaining(['double-shelved', 'shared-object']));
    expect(r.final.pool.created).toBe(1);
  });

  it('lets the next reader read the last reader note', () => {
    const r = play({
      level: 'level1',
      options: { size: 1 },
      steps: [
        acquire('A'),
        { client: 'A', do: 'use', write: 'A was here' },
        release('A'),
        acquire('B'),
        { client: 'B', do: 'read' },
      ],
    });
    expect(outcome(r, 4).outcome.sees).toBe('A was here');
    expect(outcome(r, 3).warnings).toContain('dirty-object');
    expect(outcome(r, 4).warnings).toContain('dirty-read');
  });

  it('hands out a dead object, and using it fails', () => {
    const r = play({
      level: 'level1',
      options: { size: 2 },
      steps: [{ do: 'kill', object: 2 }, acquire('A'), { client: 'A', do: 'use', write: 'x' }],
    });
    expect(outcome(r, 1).outcome.object).toBe(2);
    expect(outcome(r, 1).warnings).toContain('dead-handout');
    expect(outcome(r, 2).outcome.error).toBe('dead');
    expect(outcome(r, 2).warnings).toContain('dead-used');
  });

  it('charges the creation cost only when it creates', () => {
    const r = play({
      level: 'level1',
      options: { size: 1, costs: { createMs: 100, reuseMs: 0.5 } },
      steps: [acquire('A'), acquire('B')],
    });
    expect(outcome(r, 0).startedAt).toBe(100);
    expect(outcome(r, 0).endedAt).toBe(100.5);
    expect(outcome(r, 1).endedAt).toBe(200.5);
  });
});

describe('level 2', () => {
  it('pre-creates minSize and counts what it lends', () => {
    const r = play({ level: 'level2', options: { minSize: 2, maxSize: 3 }, steps: [acquire('A')] });
    expect(eventsOf(r, 'object.creating')).toHaveLength(2);
    expect(outcome(r, 0).inUse).toBe(1);
    expect(outcome(r, 0).available).toEqual([1]);
  });

  it('refuses at once when full, without waiting', () => {
    const r = play({
      level: 'level2',
      options: { minSize: 0, maxSize: 1, costs: { createMs: 100 } },
      steps: [acquire('A'), acquire('B')],
    });
    const refused = outcome(r, 1);
    expect(refused.outcome.error).toBe('exhausted');
    expect(refused.startedAt).toBe(refused.endedAt);
    expect(refused.warnings).toContain('exhausted');
  });

  it('never creates past maxSize, even when acquires arrive together', () => {
    const r = play({
      level: 'level2',
      options: { minSize: 0, maxSize: 2 },
      steps: ['A', 'B', 'C', 'D'].map((c) => acquire(c, { at: 0 })),
    });
    expect(r.final.pool.created).toBe(2);
    expect(r.steps.map((s) => s.outcome.error ?? 'ok')).toEqual(['ok', 'ok', 'exhausted', 'exhausted']);
  });

  it('counts a double release twice: the counter goes below zero and one object is shelved twice', () => {
    const r = play({
      level: 'level2',
      options: { minSize: 1, maxSize: 3 },
      steps: [acquire('A'), release('A'), release('A', { object: 1 }), acquire('B'), acquire('C')],
    });
    expect(outcome(r, 2).inUse).toBe(-1);
    expect(outcome(r, 2).available).toEqual([1, 1]);
    expect(outcome(r, 2).warnings).toEqual(expect.arrayContaining(['counter-negative', 'double-shelved']));
    expect([outcome(r, 3).outcome.object, outcome(r, 4).outcome.object]).toEqual([1, 1]);
    expect(outcome(r, 4).warnings).toContain('shared-object');
    // shelf + counter still equals what was created
    expect(r.final.pool.available.length + (r.final.pool.inUse ?? 0)).toBe(r.final.pool.created);
  });

  it('does not clean a returned object', () => {
    const r = play({
      level: 'level2',
      options: { minSize: 1 },
      steps: [
        acquire('A'),
        { client: 'A', do: 'use', write: 'secret' },
        release('A'),
        acquire('B'),
        { client: 'B', do: 'read' },
      ],
    });
    expect(outcome(r, 4).outcome.sees).toBe('secret');
  });
});

describe('level 3', () => {
  it('starts empty and creates on first demand', () => {
    const r = play({ level: 'level3', steps: [acquire('A')] });
    expect(eventsOf(r, 'pool.opened')[0]!.t).toBe(0);
    expect(outcome(r, 0).outcome.source).toBe('created');
  });

  it('resets on release, so the next reader sees nothing', () => {
    const r = play({
      level: 'level3',
      options: { costs: { resetMs: 3 } },
      steps: [
        acquire('A'),
        { client: 'A', do: 'use', write: 'secret' },
        release('A'),
        acquire('B'),
        { client: 'B', do: 'read' },
      ],
    });
    expect(eventsOf(r, 'object.reset')).toHaveLength(1);
    const rel = outcome(r, 2);
    expect(rel.endedAt! - rel.startedAt!).toBe(3);
    expect(outcome(r, 4).outcome.sees).toBeNull();
    expect(warningsOf(r)).not.toContain('dirty-read');
  });

  it('loses a book for good when its reader crashes before releasing', () => {
    const r = play({
      level: 'level3',
      options: { maxSize: 1 },
      steps: [acquire('A'), { client: 'A', do: 'fail' }, acquire('B')],
    });
    expect(outcome(r, 1).outcome).toMatchObject({ object: 1, leaked: true });
    expect(outcome(r, 1).warnings).toContain('leaked');
    expect(outcome(r, 2).outcome.error).toBe('exhausted');
    expect(r.final.pool.inUse).toBe(1);
  });

  it('keeps the double-release bug', () => {
    const r = play({ level: 'level3', steps: [acquire('A'), release('A'), release('A', { object: 1 })] });
    expect(outcome(r, 2).available).toEqual([1, 1]);
    expect(outcome(r, 2).inUse).toBe(-1);
  });
});

describe('level 4', () => {
  it('returns the book even when the block throws', () => {
    const r = play({
      level: 'level4',
      steps: [{ client: 'A', do: 'with', write: 'note', fail: true }, acquire('B'), { client: 'B', do: 'read' }],
    });
    expect(outcome(r, 0).outcome).toMatchObject({ object: 1, source: 'created', bodyFailed: true });
    expect(outcome(r, 0).available).toEqual([1]);
    expect(outcome(r, 0).inUse).toBe(0);
    expect(outcome(r, 2).outcome.sees).toBeNull();
    expect(eventsOf(r, 'block.failed')).toHaveLength(1);
  });

  it('still leaks through plain acquire when a reader crashes', () => {
    const r = play({
      level: 'level4',
      options: { maxSize: 1 },
      steps: [acquire('A'), { client: 'A', do: 'fail' }, { client: 'B', do: 'with' }],
    });
    expect(outcome(r, 2).outcome.error).toBe('exhausted');
  });

  it('runs the block on the code lines of get()', () => {
    const r = play({ level: 'level4', steps: [{ client: 'A', do: 'with', write: 'x' }] });
    expect(eventsOf(r, 'block.entered')[0]!.line).toBe('get.body');
    // The reset runs inside release, which runs in get's `finally`: the event names both lines.
    expect(linesOf(eventsOf(r, 'object.reset')[0]!.line!)).toEqual(['get.release', 'release.reset']);
  });
});

describe('database pool', () => {
  it('pre-creates two connections and validates before lending', () => {
    const r = play({ level: 'database', options: { costs: { validateMs: 2, reuseMs: 0 } }, steps: [acquire('A')] });
    expect(eventsOf(r, 'object.creating')).toHaveLength(2);
    const sql = eventsOf(r, 'statement.finished').map((e) => e.sql);
    expect(sql).toEqual(['SELECT 1']);
    expect(outcome(r, 0).outcome).toMatchObject({ object: 2, source: 'shelf', discarded: [] });
    expect(outcome(r, 0).endedAt! - outcome(r, 0).startedAt!).toBe(2);
  });

  it('closes a dead connection and tries the next', () => {
    const r = play({ level: 'database', steps: [{ do: 'kill', object: 2 }, acquire('A')] });
    expect(outcome(r, 1).outcome).toMatchObject({ object: 1, source: 'shelf', discarded: [2] });
    expect(r.final.objects[1]!.place).toBe('bin');
  });

  it('replaces every shelved connection after a server restart', () => {
    const r = play({ level: 'database', steps: [{ do: 'restart' }, acquire('A')] });
    expect(outcome(r, 1).outcome).toMatchObject({ object: 3, source: 'created', discarded: [2, 1] });
    expect(outcome(r, 1).inUse).toBe(1);
  });

  it('resets with ROLLBACK, DISCARD ALL and COMMIT, each its own statement', () => {
    const r = play({
      level: 'database',
      steps: [
        acquire('A'),
        { client: 'A', do: 'use', write: "timezone = 'UTC'" },
        release('A'),
        acquire('B'),
        { client: 'B', do: 'read' },
      ],
    });
    const sql = eventsOf(r, 'statement.finished').map((e) => e.sql);
    expect(sql).toEqual([
      'SELECT 1',
      "SET timezone = 'UTC'",
      'ROLLBACK',
      'DISCARD ALL',
      'COMMIT',
      'SELECT 1',
      'SHOW ALL', // B's read: its session's settings, none left
    ]);
    expect(outcome(r, 4).outcome.sees).toBeNull();
  });

  it('leaks capacity when a connection dies while borrowed', () => {
    const r = play({
      level: 'database',
      options: { maxSize: 2 },
      steps: [acquire('A'), { do: 'kill', object: 2 }, release('A'), acquire('B'), acquire('C')],
    });
    expect(outcome(r, 2).outcome.error).toBe('dead');
    expect(outcome(r, 2).inUse).toBe(1);
    expect(outcome(r, 2).available).toEqual([1]);
    expect(outcome(r, 2).warnings).toContain('capacity-lost');
    expect(outcome(r, 4).outcome.error).toBe('exhausted');
    expect(r.final.objects[1]!.place).toBe('lost');
  });

  it('reports a failed release from the guaranteed-release form', () => {
    const r = play({
      level: 'database',
      steps: [
        { do: 'kill', object: 2 },
        { do: 'kill', object: 1 },
        { client: 'A', do: 'with', write: 'a=1' },
      ],
    });
    // both shelved connections are dead: a new one is created, used, and released fine
    expect(outcome(r, 2).outcome).toMatchObject({ object: 3, source: 'created', discarded: [2, 1] });
    expect(outcome(r, 2).outcome.releaseError).toBeUndefined();
  });

  it('close() closes only shelved connections and the pool keeps working', () => {
    const r = play({
      level: 'database',
      steps: [acquire('A'), { do: 'close' }, release('A'), acquire('B'), acquire('C')],
    });
    expect(eventsOf(r, 'pool.closed')[0]).toMatchObject({ closed: [1], borrowed: 1 });
    expect(outcome(r, 1).warnings).toContain('closed-with-borrowed');
    expect(outcome(r, 2).available).toEqual([2]);
    expect(outcome(r, 3).outcome).toMatchObject({ object: 2, source: 'shelf' });
    expect(outcome(r, 4).outcome).toMatchObject({ object: 3, source: 'created' });
    expect(outcome(r, 4).warnings).toContain('created-after-close');
  });

  it('takes the pool past maxSize when validation overlaps creation (the race)', () => {
    const r = play({
      level: 'database',
      options: { maxSize: 2 },
      steps: ['A', 'B', 'C', 'D'].map((c) => acquire(c, { at: 0 })),
    });
    expect(r.final.pool.created).toBe(4);
    expect(r.final.pool.inUse).toBe(4);
    expect(r.steps.map((s) => s.outcome.source)).toEqual(['shelf', 'shelf', 'created', 'created']);
    expect(warningsOf(r)).toContain('over-max');
  });

  it('flags a connection handed out while an earlier release is still cleaning it', () => {
    // Released twice, it stands on the shelf twice; A's release is still running ROLLBACK /
    // DISCARD ALL on it when C is handed the other copy.
    const r = play({
      level: 'database',
      options: { maxSize: 1 },
      steps: [release('A', { object: 2 }), acquire('A'), acquire('C'), release('A', { at: 0 })],
    });
    expect(outcome(r, 2).outcome.object).toBe(2);
    expect(outcome(r, 2).warnings).toContain('shared-object');
  });

  it('flags it too when another reader’s check ends while the cleaning still runs', () => {
    // Found by the property tests. D's foreign release shelves connection 3 while it is still being
    // made for A; D takes it back off the shelf and checks it with SELECT 1 while A, who got it from
    // the press, is already releasing it (ROLLBACK). D's SELECT 1 ends first: D is handed the
    // connection A's ROLLBACK still runs on. One connection, two operations at once: the end of one
    // must not hide the other.
    const r = play({
      level: 'database',
      seed: 0,
      options: { maxSize: 1, costs: { createMs: [5, 60] } },
      steps: [
        { do: 'close' },
        acquire('A'),
        release('D', { object: 3, at: 123 }),
        release('A'),
        acquire('D', { at: 0 }),
        acquire('A'),
      ],
    });
    expect(outcome(r, 4).outcome.object).toBe(3);
    expect(outcome(r, 4).startedAt).toBe(129);
    const handed = eventsOf(r, 'object.acquired').find((e) => e.client === 'D')!;
    const rollback = eventsOf(r, 'statement.started').filter((e) => e.sql === 'ROLLBACK' && e.client === 'A');
    expect(rollback.some((e) => e.t < handed.t && e.t + e.ms > handed.t)).toBe(true);
    expect(outcome(r, 4).warnings).toContain('shared-object');
  });

  it('validates before counting: the counter stays put while SELECT 1 runs', () => {
    const r = play({ level: 'database', steps: [acquire('A')] });
    const started = eventsOf(r, 'statement.started')[0]!;
    expect(started.inUse).toBe(0);
    expect(eventsOf(r, 'object.acquired')[0]!.inUse).toBe(1);
  });

  it('lights the check for its answer, and the counting line only once it has counted', () => {
    // Connection 2, on top of the shelf, dies: B's first check fails (it is closed), its second,
    // on connection 1, passes. The code panel must never light `inUseCount += 1` on a counter not
    // yet moved.
    const r = play({ level: 'database', steps: [{ do: 'kill', object: 2 }, acquire('B'), acquire('C')] });
    const checks = eventsOf(r, 'object.validated');
    expect(checks.map((e) => [e.ok, e.line])).toContainEqual([false, 'acquire.validate']);
    expect(checks.map((e) => [e.ok, e.line])).toContainEqual([true, 'acquire.validate']);
    let before = 0;
    for (const e of r.events) {
      if (e.line === 'acquire.valid') expect(e.inUse).toBe(before + 1);
      if (e.type === 'object.validated') before = e.inUse!;
    }
    expect(r.events.filter((e) => e.line === 'acquire.valid').length).toBeGreaterThan(0);
  });
});
