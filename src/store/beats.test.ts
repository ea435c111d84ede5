import { describe, expect, it } from 'vitest';
import { runScenario, type PoolEvent } from '../engine';
import { STORIES } from '../stories';
import { PRODUCTION_STORIES } from '../stories/production';
import { beatIndexOf, beatsOf, momentOf, operationOf } from './beats';
import { narrateBeats } from './narrateBeats';
import { oneConnection, sessionOfA } from './testing';

const runs = [
  ...STORIES.map((s) => ({ id: s.id, level: s.level, events: runScenario(s.scenario).events })),
  ...PRODUCTION_STORIES.map((s) => ({
    id: `production ${s.id}`,
    level: s.level,
    events: runScenario(s.scenario, s.choices ? { choices: s.choices } : {}).events,
  })),
];

const eventsOf = (id: string): readonly PoolEvent[] => runs.find((r) => r.id === id)!.events;

describe('beatsOf', () => {
  for (const { id, events } of runs) {
    it(`${id}: puts every event in exactly one beat, in order`, () => {
      const beats = beatsOf(events);
      expect(beats[0]!.first).toBe(0);
      expect(beats.at(-1)!.last).toBe(events.length - 1);
      beats.forEach((b, i) => {
        expect(b.last).toBeGreaterThanOrEqual(b.first);
        if (i > 0) expect(b.first).toBe(beats[i - 1]!.last + 1);
      });
    });

    it(`${id}: keeps one reader, one instant and one operation per beat`, () => {
      for (const b of beatsOf(events)) {
        const own = events.slice(b.first, b.last + 1);
        expect(new Set(own.map((e) => e.t))).toEqual(new Set([b.t]));
        const acting = own.filter((e) => e.type !== 'monitor.warned');
        expect(new Set(acting.map((e) => e.client)).size).toBeLessThanOrEqual(1);
        if (acting.length > 0) expect(b.client).toBe(acting[0]!.client);
        const ops = new Set(own.map(operationOf).filter((op) => op !== null));
        expect(ops.size).toBeLessThanOrEqual(1);
        expect(b.op).toBe([...ops][0] ?? null);
        expect(b.warned).toBe(own.some((e) => e.type === 'monitor.warned'));
        // A scenario step starting only ever opens a beat.
        own.slice(1).forEach((e) => expect(e.type).not.toBe('step.started'));
      }
    });

    it(`${id}: tells each beat in one sentence`, () => {
      const beats = beatsOf(events);
      const sentences = narrateBeats(events, beats);
      expect(sentences).toHaveLength(beats.length);
      for (const s of sentences) {
        expect(s).toMatch(/^\S.*[.!?]$/);
        // One sentence: no full stop followed by a new sentence inside it.
        expect(s.slice(0, -1)).not.toMatch(/[.!?] [A-Z]/);
      }
    });
  }

  it('makes a return one beat, not four events', () => {
    const events = eventsOf('grows-forever-level1');
    const returns = beatsOf(events).filter((b) => events[b.first]!.type === 'step.started' && b.op === 'release');
    expect(returns).toHaveLength(4);
    for (const b of returns)
      expect(events.slice(b.first, b.last + 1).map((e) => e.type)).toEqual([
        'step.started',
        'object.shelved',
        'object.released',
        'step.finished',
      ]);
  });

  it('cuts Level 1’s four readers from 44 events to 16 beats', () => {
    const events = eventsOf('grows-forever-level1');
    expect(events).toHaveLength(44);
    expect(beatsOf(events)).toHaveLength(16);
  });

  it('splits a guaranteed-return block into acquire, use and release at one instant', () => {
    const events = eventsOf('crash-inside-with-level4');
    const a = beatsOf(events).filter(
      (b) => b.client === 'A' && b.t === events.find((e) => e.type === 'block.entered')!.t,
    );
    expect(a.map((b) => b.op)).toEqual(['acquire', 'use', 'release']);
  });

  it('gives each book the pool makes at start its own beats', () => {
    const events = eventsOf('grows-forever-level1');
    const opening = beatsOf(events).filter((b) => b.client === null);
    for (const b of opening) {
      const objects = new Set(events.slice(b.first, b.last + 1).flatMap((e) => (e.object === null ? [] : [e.object])));
      expect(objects.size).toBeLessThanOrEqual(1);
    }
  });

  it('has no beats for no events', () => {
    expect(beatsOf([])).toEqual([]);
  });
});

describe('momentOf', () => {
  const events = eventsOf('dirty-book-level2');
  const beats = beatsOf(events);

  it('opens the last event of the beat that holds an event', () => {
    for (let i = 0; i < events.length; i++) {
      const b = beats[beatIndexOf(beats, i)]!;
      expect(i).toBeGreaterThanOrEqual(b.first);
      expect(i).toBeLessThanOrEqual(b.last);
      expect(momentOf(beats, i, false)).toBe(b.last);
    }
  });

  it('round-trips: a beat’s own moment opens that beat', () => {
    for (const b of beats) expect(momentOf(beats, b.last, false)).toBe(b.last);
  });

  it('keeps the event itself line by line', () => {
    for (let i = 0; i < events.length; i++) expect(momentOf(beats, i, true)).toBe(i);
  });
});

describe('the operation of a statement', () => {
  it('is the pool’s check on the way out, its clean-up on the way back, else the reader’s own use', () => {
    const run = runScenario(oneConnection([...sessionOfA, { client: 'B', do: 'acquire' }]));
    const ops = run.events.flatMap((e) =>
      e.type === 'statement.started' && e.client !== null ? [`${e.client} ${e.sql}: ${operationOf(e)}`] : [],
    );
    expect(ops).toEqual([
      'A SELECT 1: acquire',
      'A SET timezone = UTC: use',
      'A SHOW ALL: use',
      'A ROLLBACK: release',
      'A DISCARD ALL: release',
      'A COMMIT: release',
      'B SELECT 1: acquire',
    ]);
  });
});

describe('the borrowed counter', () => {
  for (const { id, events } of runs) {
    const beats = beatsOf(events);
    if (!events.some((e) => e.type === 'pool.counted')) continue;
    it(`${id}: moves only in the beat of the reader whose call moved it`, () => {
      let before = events[0]!.inUse;
      for (const b of beats) {
        const own = events.slice(b.first, b.last + 1).filter((e) => e.type === 'pool.counted');
        const moved = own.reduce((sum, e) => sum + (e.type === 'pool.counted' ? e.by : 0), 0);
        expect(events[b.last]!.inUse).toBe((before ?? 0) + moved);
        for (const e of own) expect(e.client).toBe(b.client);
        before = events[b.last]!.inUse;
      }
    });
  }

  it('says so where the count is the point, in the race of four readers', () => {
    const events = eventsOf('race-database');
    const beats = beatsOf(events);
    const said = narrateBeats(events, beats, 'database');
    const counted = beats.flatMap((b, i) =>
      b.client !== null && events.slice(b.first, b.last + 1).some((e) => e.type === 'pool.counted')
        ? [`${b.client}: ${said[i]} [${events[b.last]!.inUse}]`]
        : [],
    );
    // C and D count the two they go to open (1, 2); A and B count theirs once checked (3, 4).
    expect(counted).toEqual([
      'C: Opening Connection 3 for Reader C: the handshake with the database takes 154 ms, and the pool has counted it already: inUseCount is 1 now. [1]',
      'D: Opening Connection 4 for Reader D: the handshake with the database takes 129 ms, and the pool has counted it already: inUseCount is 2 now. [2]',
      'A: Connection 2 passed the check for Reader A, so it can be lent, and the pool counts it: inUseCount is 3 now. [3]',
      'B: Connection 1 passed the check for Reader B, so it can be lent, and the pool counts it: inUseCount is 4 now. [4]',
    ]);
  });
});
