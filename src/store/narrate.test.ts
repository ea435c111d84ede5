import { describe, expect, it } from 'vitest';
import { LEVEL_IDS, LEVELS, runScenario } from '../engine';
import type { EventBody, EventType, PoolEvent, Scenario } from '../engine';
import { STORIES } from '../stories';
import { productionStoryById } from '../stories/production';
import { ms } from './format';
import { beatsOf } from './beats';
import { count, narrate, narrateAll } from './narrate';
import { narrateBeats } from './narrateBeats';
import { oneConnection } from './testing';

/** Every event type, so this file stops compiling when one is added and not sampled below. */
const ALL_TYPES: Record<EventType, true> = {
  'pool.opening': true,
  'pool.opened': true,
  'step.started': true,
  'step.finished': true,
  'object.creating': true,
  'object.created': true,
  'object.taken': true,
  'object.shelved': true,
  'object.acquired': true,
  'object.released': true,
  'object.resetting': true,
  'object.reset': true,
  'statement.started': true,
  'statement.finished': true,
  'object.validated': true,
  'pool.counted': true,
  'object.closed': true,
  'object.destroyed': true,
  'object.written': true,
  'object.read': true,
  'object.killed': true,
  'server.restarted': true,
  'client.crashed': true,
  'use.failed': true,
  'pool.exhausted': true,
  'release.failed': true,
  'release.refused': true,
  'block.entered': true,
  'block.failed': true,
  'block.exited': true,
  'pool.closed': true,
  'acquire.queued': true,
  'acquire.timedout': true,
  'acquire.rejected': true,
  'object.handedoff': true,
  'leak.suspected': true,
  'leak.returned': true,
  'monitor.warned': true,
};

/** A database run that takes every path the text's levels have. */
const tour: Scenario = {
  level: 'database',
  options: { maxSize: 3 },
  seed: 3,
  steps: [
    { client: 'A', do: 'acquire' },
    { client: 'A', do: 'use', write: 'timezone = UTC' },
    { client: 'A', do: 'read' },
    { client: 'A', do: 'release' },
    { client: 'B', do: 'with', write: 'x = 1', fail: true },
    { do: 'kill', object: 1 },
    { client: 'C', do: 'acquire' },
    { client: 'C', do: 'fail' },
    { do: 'restart' },
    { client: 'D', do: 'acquire' },
    { do: 'close' },
  ],
};

const recorded: PoolEvent[] = [tour, ...STORIES.map((s) => s.scenario)].flatMap((s) => [...runScenario(s).events]);

/** Events only the production level emits, made by hand on top of a recorded event's world. */
function synthetic(body: EventBody, object: number | null = 2): PoolEvent {
  const base = recorded.find((e) => e.type === 'object.acquired')!;
  return { ...base, object, ...body } as PoolEvent;
}

const handMade: PoolEvent[] = [
  synthetic({ type: 'object.destroyed', reason: 'its reset failed' }),
  synthetic({ type: 'release.refused', message: 'it is not on loan' }),
  synthetic({ type: 'acquire.queued', position: 2 }, null),
  synthetic({ type: 'acquire.timedout', message: 'waited 500 ms; 3 total, 3 borrowed, 0 idle, 1 waiting' }, null),
  synthetic({ type: 'acquire.rejected', message: 'the pool is closed' }, null),
  synthetic({ type: 'object.handedoff', to: 'C' }),
  synthetic({ type: 'leak.suspected', since: 120, borrowStep: 3 }),
  synthetic({ type: 'leak.returned', heldMs: 900.25 }),
];

const all = [...recorded, ...handMade];

describe('narrate', () => {
  it('has a sample of every event type', () => {
    const seen = new Set(all.map((e) => e.type));
    expect([...seen].sort()).toEqual(Object.keys(ALL_TYPES).sort());
  });

  it.each(Object.keys(ALL_TYPES))('tells %s in one plain sentence', (type) => {
    const samples = all.filter((e) => e.type === type);
    expect(samples.length).toBeGreaterThan(0);
    for (const e of samples) {
      const text = narrate(e);
      expect(text).toMatch(/^[A-Z“]/);
      expect(text).toMatch(/[.!?]$/);
      expect(text).not.toMatch(/undefined|NaN|\[object|null\b|\s{2}|\.\./);
      expect(text.length).toBeLessThan(220);
      // One sentence: no full stop in the middle, except inside ms figures and quotes.
      expect(
        text
          .replace(/\d\.\d/g, '')
          .replace(/“[^”]*”/g, '')
          .slice(0, -1),
      ).not.toMatch(/\.\s/);
    }
  });

  it('names the reader and the object when the event has them', () => {
    for (const e of all) {
      if (e.type === 'monitor.warned' || e.type === 'step.started') continue;
      const text = narrate(e);
      if (e.object !== null && !['statement.finished', 'pool.closed', 'server.restarted'].includes(e.type)) {
        expect(text, `${e.type}: ${text}`).toMatch(new RegExp(`(Book|Connection) ${e.object}\\b`));
      }
    }
  });

  it('tells a reuse from the shelf as the text’s win, and a first loan of one made in advance as that', () => {
    const fromShelf = (first: boolean) =>
      recorded.find(
        (x) =>
          x.type === 'object.acquired' &&
          x.source === 'shelf' &&
          x.world?.objects[0]?.kind === 'book' &&
          (x.world.objects.find((o) => o.id === x.object)?.lends === 1) === first,
      )!;
    const again = fromShelf(false);
    expect(narrate(again)).toBe(
      `Reader ${again.client} got Book ${again.object} from the shelf — reused, ready in 0.5 ms, nothing made.`,
    );
    // Made at start-up and never lent: nobody had it before, so it is not "reused".
    const first = fromShelf(true);
    expect(narrate(first)).toBe(
      `Reader ${first.client} got Book ${first.object} from the shelf — made in advance, its first loan, ready in 0.5 ms, nothing made.`,
    );
    const done = recorded
      .slice(recorded.indexOf(first))
      .find((x) => x.type === 'step.finished' && x.client === first.client)!;
    expect(narrate(done)).toBe(`Reader ${first.client} now holds Book ${first.object}, made in advance.`);
  });

  it('says how many books the shelf has when a reader asks', () => {
    const e = recorded.find((x) => x.type === 'step.started' && x.do === 'acquire' && x.available.length === 2)!;
    expect(narrate(e)).toMatch(/^Reader \w+ asks for a (book|connection); the shelf has two (books|connections)\.$/);
  });

  it('uses the library’s words for books and the database’s for connections', () => {
    const press = recorded.find((x) => x.type === 'object.creating' && x.world?.objects[0]?.kind === 'book')!;
    expect(narrate(press)).toContain('The press starts printing Book');
    const open = recorded.find((x) => x.type === 'object.creating' && x.world?.objects[0]?.kind === 'connection')!;
    expect(narrate(open)).toContain('handshake with the database');
    const discard = recorded.find((x) => x.type === 'statement.started' && x.sql === 'DISCARD ALL')!;
    expect(narrate(discard)).toContain('forget every session setting');
  });

  it('quotes what a reader finds in a dirty book', () => {
    const e = recorded.find((x) => x.type === 'object.read' && x.sees !== null)!;
    expect(narrate(e)).toContain(`finds “${e.type === 'object.read' ? e.sees : ''}”`);
  });

  it('falls back on the level for an event before any object exists', () => {
    const opening = recorded.find((x) => x.type === 'step.started' && x.world?.objects.length === 0)!;
    const { world: _world, ...bare } = opening;
    expect(narrate(bare, 'database')).toContain('connection');
    expect(narrate(bare, 'level3')).toContain('book');
  });

  it('opens the production pool, before any connection exists, with the database’s words', () => {
    // A fresh production pool (minSize 0) has no object at all when it opens: only the level can
    // say what it lends. It lends connections, as the database level does.
    const fresh = runScenario({ level: 'production', options: {}, seed: 1, steps: [] }).events;
    expect(fresh[0]?.world?.objects ?? []).toEqual([]);
    const said = fresh.map((e) => narrate(e, 'production'));
    expect(said[0]).toBe('The pool opens and starts connecting to the database.');
    expect(said).toContain('The pool is ready with an empty shelf: each connection will be made when first asked for.');
    expect(said.join(' ')).not.toMatch(/\bbooks?\b|library|printed/i);
    // Every level's own words, from the registry: books for the text's levels, connections after.
    for (const level of LEVEL_IDS) {
      const opening = runScenario({ level, options: {}, seed: 1, steps: [] }).events[0]!;
      const { world: _world, ...bare } = opening;
      const words = narrate(bare, level);
      if (LEVELS[level].lends === 'connection') expect(words).toContain('connecting to the database');
      else expect(words).toContain('sets up its shelf');
    }
  });

  it('tells a queued reader its place in line', () => {
    const queued = handMade.find((e) => e.type === 'acquire.queued')!;
    expect(narrate(queued)).toMatch(/second in line\.$/);
  });

  it('names the object the way the stage shows it in a warning', () => {
    const e = recorded.find((x) => x.type === 'monitor.warned' && x.warning === 'leaked')!;
    expect(e.type === 'monitor.warned' && e.message).toMatch(/object \d/);
    expect(narrate(e)).toMatch(/^Warning: .*(Book|Connection) \d/);
    expect(narrate(e)).not.toMatch(/object \d/);
  });

  it('words counts and times plainly', () => {
    expect(count(0, 'book')).toBe('no books');
    expect(count(1, 'book')).toBe('one book');
    expect(count(14, 'connection')).toBe('14 connections');
    expect(ms(0.1 + 0.2)).toBe('0.3 ms');
    expect(ms(143)).toBe('143 ms');
  });

  it('never says a connection handed to a waiting reader came from the shelf', () => {
    const story = productionStoryById('queue')!;
    const events = runScenario(story.scenario).events;
    const said = narrateAll(events, 'production');
    const handoff = events.findIndex((e) => e.type === 'object.handedoff');
    expect(handoff).toBeGreaterThan(0);
    const e = events[handoff]!;
    if (e.type !== 'object.handedoff') throw new Error('not a handoff');
    expect(said[handoff]).toContain(`straight to Reader ${e.to}`);
    const got = events.findIndex((x, i) => i > handoff && x.type === 'object.acquired' && x.client === e.to);
    expect(said[got]).toBe(
      `Reader ${e.to} got Connection ${e.object}, passed on from Reader ${e.client} after waiting ${ms(
        (events[got] as { waited: number }).waited,
      )} in line — reused, nothing made.`,
    );
    const released = events.findIndex((x, i) => i > handoff && x.type === 'object.released');
    expect(said[released]).toBe(
      `Reader ${e.client} has given Connection ${e.object} back, and the pool has passed it on to Reader ${e.to}.`,
    );
    // Told on its own, without what came before, the acquire is the ordinary reuse.
    expect(narrate(events[got]!, 'production')).toContain('from the shelf');
    expect(said.join(' ')).not.toMatch(new RegExp(`Reader ${e.to} got Connection ${e.object} from the shelf`));
  });

  it('tells a dead book handed out as dead, not as a plain reuse', () => {
    const story = STORIES.find((s) => s.id === 'dead-handout-level1')!;
    const run = runScenario(story.scenario);
    const said = narrateAll(run.events, 'level1');
    const handed = run.events.flatMap((e, i) =>
      e.type === 'object.acquired' && e.source === 'shelf'
        ? [{ dead: e.world!.objects.find((o) => o.id === e.object)!.alive === false, text: said[i]! }]
        : [],
    );
    expect(handed.some((h) => h.dead)).toBe(true);
    for (const h of handed) expect(h.text.endsWith(', but it is dead.')).toBe(h.dead);
  });

  it('tells a second return of one book, and the book then lent twice, as what they are (double release)', () => {
    for (const level of ['level2', 'database'] as const) {
      const story = STORIES.find((s) => s.id === `double-release-${level}`)!;
      const run = runScenario(story.scenario);
      const said = narrateAll(run.events, level);
      const returns = run.events.flatMap((e, i) => (e.type === 'step.started' && e.do === 'release' ? [said[i]!] : []));
      expect(returns).toHaveLength(2);
      expect(returns[0]).not.toContain('does not hold');
      expect(returns[1]).toMatch(/^Reader A returns (Book|Connection) \d+, which it does not hold\.$/);
      const lent = run.events.flatMap((e, i) => (e.type === 'object.acquired' ? [said[i]!] : []));
      // A gets it, B gets it; C gets the very same one B holds.
      expect(lent.at(-1)).toMatch(/ — and Reader B holds it too\.$/);
      // B's loan, shared: not "reused" (nor a first loan) for C, when it comes or at the step's end.
      expect(lent.at(-1)).toMatch(/from the shelf — ready in /);
      const holds = run.events.flatMap((e, i) => (e.type === 'step.finished' && e.do === 'acquire' ? [said[i]!] : []));
      expect(holds.at(-1)).toMatch(/^Reader C now holds (Book|Connection) \d+ — and Reader B holds it too\.$/);
      expect(lent.slice(0, -1).some((text) => text.includes('holds it too'))).toBe(false);
    }
  });

  it('says a book was wiped though nothing was written in it only when nothing was', () => {
    const run = runScenario({
      level: 'level3',
      options: { maxSize: 1 },
      seed: 1,
      steps: [
        { client: 'A', do: 'acquire' },
        { client: 'A', do: 'use', write: 'x = 1' },
        { client: 'A', do: 'release' },
        { client: 'B', do: 'acquire' },
        { client: 'B', do: 'read' },
        { client: 'B', do: 'release' },
      ],
    });
    const said = narrateAll(run.events, 'level3').filter((_, i) => run.events[i]!.type === 'object.resetting');
    expect(said).toEqual([
      'Book 1 goes to the cleaning desk to wipe what its reader wrote (2 ms).',
      'Book 1 goes to the cleaning desk to be wiped (2 ms), though nothing was written in it.',
    ]);
  });

  it('tells the pool’s check of a connection, SELECT 1, from a reader’s read, SHOW ALL', () => {
    const run = runScenario(
      oneConnection([
        { client: 'A', do: 'acquire' },
        { client: 'A', do: 'read' },
        { client: 'A', do: 'release' },
        { client: 'B', do: 'acquire' },
      ]),
    );
    const said = narrateAll(run.events, 'database').filter((_, i) => run.events[i]!.type === 'statement.started');
    // The pool checks the connection before lending it to A, A reads its settings, the pool cleans
    // it on its way back and checks it for B.
    expect(said).toEqual([
      'The pool runs SELECT 1 on Connection 2 for Reader A to check it is still alive.',
      'Reader A on Connection 2 runs SHOW ALL to read the session’s settings.',
      'ROLLBACK runs on Connection 2 at the cleaning desk to undo anything left uncommitted.',
      expect.stringMatching(/^DISCARD ALL runs on Connection 2 at the cleaning desk/),
      expect.stringMatching(/^COMMIT runs on Connection 2 at the cleaning desk/),
      'The pool runs SELECT 1 on Connection 2 for Reader B to check it is still alive.',
    ]);
    // A reader's plain use with nothing to write still just checks the connection answers.
    const plain = runScenario(
      oneConnection([
        { client: 'A', do: 'acquire' },
        { client: 'A', do: 'use' },
      ]),
    );
    const own = plain.events.filter((e) => e.type === 'statement.started' && e.line === null);
    expect(own.map((e) => e.type === 'statement.started' && e.sql)).toEqual(['SELECT 1']);
  });

  it('gives the cleaning to the desk, not to the reader who returned the connection', () => {
    const story = STORIES.find((s) => s.id === 'close-with-borrowed-database')!;
    const run = runScenario(story.scenario);
    const said = narrateAll(run.events, 'database');
    const resets = run.events.flatMap((e, i) =>
      e.type === 'statement.started' && e.sql !== 'SELECT 1' ? [said[i]!] : [],
    );
    expect(resets).toEqual([
      'ROLLBACK runs on Connection 2 at the cleaning desk to undo anything left uncommitted.',
      'DISCARD ALL runs on Connection 2 at the cleaning desk to forget every session setting.',
      'COMMIT runs on Connection 2 at the cleaning desk; after the ROLLBACK no transaction is open, so it changes nothing.',
    ]);
    // Stepping by beats, the return and its first statement are one moment.
    const beats = narrateBeats(run.events, beatsOf(run.events), 'database');
    expect(beats).toContain(
      'Reader A returns Connection 2: ROLLBACK runs on it at the cleaning desk to undo anything left uncommitted.',
    );
    // And the closed pool opening a connection for B is told as what it is.
    const opening = run.events.findIndex((e) => e.type === 'object.creating' && e.client === 'B');
    expect(said[opening]).toMatch(/^Opening Connection 3 for Reader B, though the pool is closed: /);
    const before = run.events.findIndex((e) => e.type === 'object.taken' && e.client === 'A');
    expect(said[before]).not.toContain('closed');
  });

  it('says why a refusal has no room: what the pool counts, and what readers really hold when less', () => {
    const refusal = (id: string) => {
      const story = STORIES.find((s) => s.id === id)!;
      const run = runScenario(story.scenario);
      const i = run.events.findIndex((e) => e.type === 'pool.exhausted');
      return narrateAll(run.events, story.scenario.level)[i];
    };
    expect(refusal('exhaustion-level2')).toMatch(/\(it counts 2 out, and the most it may hold is 2\)\.$/);
    expect(refusal('dies-while-borrowed-database')).toMatch(/; readers hold only 1\)\.$/);
    expect(refusal('crash-leaks-level3')).toMatch(/; readers hold none\)\.$/);
  });

  it('names the connections a restart cuts off as a list: "Connections 1 and 2 are dead now"', () => {
    const run = runScenario(STORIES.find((s) => s.id === 'restart-database')!.scenario);
    const i = run.events.findIndex((e) => e.type === 'server.restarted');
    expect(narrateAll(run.events, 'database')[i]).toBe(
      'The database restarts and cuts off every open connection: Connections 1 and 2 are dead now.',
    );
  });

  it('says what part of a wait for a new one was the making, when the wait began before it', () => {
    const run = runScenario(STORIES.find((s) => s.id === 'restart-database')!.scenario);
    const told = narrateAll(run.events, 'database');
    const made = run.events
      .map((e, i) => ({ e, i }))
      .filter(({ e }) => e.type === 'object.acquired' && e.source === 'created');
    // Reader B's 156 ms: 2 ms checking the shelf's dead Connection 1, then 154 ms opening Connection 3.
    const b = made.find(({ e }) => e.client === 'B')!;
    expect(told[b.i]).toBe(
      'Reader B got Connection 3, brand new, after waiting 156 ms in all, 154 ms of it for it to be made.',
    );
    // A wait that was all making says only that.
    for (const { e, i } of made.filter((m) => m !== b)) {
      if (e.type !== 'object.acquired') continue;
      expect(told[i]).toBe(
        `Reader ${e.client} got Connection ${e.object}, brand new, after waiting ${ms(e.waited)} for it to be made.`,
      );
    }
  });

  it('says a book counted before it is taken is still on the shelf, as the stage shows it', () => {
    const counted = recorded.filter(
      (e) => e.type === 'pool.counted' && e.of === 'taken' && e.object === null && e.available.length > 0,
    );
    expect(counted.length).toBeGreaterThan(0);
    for (const e of counted)
      expect(narrate(e)).toMatch(/as lent before it takes one off the shelf: inUseCount is \d+ now\.$/);
  });

  it('says "dead" when a book dies, as the stage crosses it out', () => {
    const story = STORIES.find((s) => s.id === 'dead-handout-level3')!;
    const events = runScenario(story.scenario).events;
    const said = narrateAll(events, 'level3');
    const killed = events.findIndex((e) => e.type === 'object.killed');
    expect(events[killed]!.world!.objects[0]!.alive).toBe(false);
    expect(said[killed]).toBe('Book 1 falls apart on the shelf: it is dead now.');
    expect(said[killed + 1]).toBe('Book 1 stays where it is, dead; the pool has not noticed.');
    expect(said.join(' ')).not.toMatch(/nothing shows it/);
  });

  it('speaks of connections on the levels that lend them, whatever the event carries', () => {
    for (const level of LEVEL_IDS) {
      const said = narrateAll(
        runScenario({ level, options: {}, seed: 1, steps: [{ client: 'A', do: 'acquire' }] }).events,
        level,
      );
      const other = LEVELS[level].lends === 'connection' ? /\bbooks?\b|\bprint/i : /\bconnections?\b/i;
      expect(said.join(' '), level).not.toMatch(other);
    }
  });

  it('quotes a warning in the page’s words: the level’s name for the object, and “Reader X”', () => {
    const story = STORIES.find((s) => s.id === 'discard-all-database')!;
    const events = runScenario(story.scenario).events;
    const said = narrateAll(events, 'database');
    const i = events.findIndex((e) => e.type === 'monitor.warned' && e.warning === 'leaked');
    expect(said[i]).toMatch(/^Warning: Reader C crashed holding Connection \d; it will never be returned\.$/);
  });
});

describe('a suspected leak', () => {
  it('is said to have reached the threshold, as the ledger shows it (the check fires at it, not after)', () => {
    const story = productionStoryById('leak')!;
    const events = runScenario(story.scenario).events;
    const e = events.find((x) => x.type === 'leak.suspected')!;
    expect(e.type === 'leak.suspected' && e.t - e.since).toBe(story.scenario.options.leakThreshold);
    expect(narrate(e)).toMatch(/: it has reached the leak threshold\.$/);
  });
});

describe('a check of a connection left on the shelf', () => {
  it('says it stays on the shelf while the check runs (the race without the lock), and that the second check is on the same one', () => {
    const race = productionStoryById('same-book')!.scenario;
    const events = runScenario(race).events;
    const told = narrateAll(events, race.level);
    const checks = events.flatMap((e, i) =>
      e.type === 'statement.started' && e.sql === 'SELECT 1' && e.object !== null && e.available.includes(e.object)
        ? [told[i]]
        : [],
    );
    expect(checks).toEqual([
      'The pool runs SELECT 1 on Connection 2 for Reader A to check it is still alive; it stays on top of the shelf while the check runs, so another reader who asks now can find it there too.',
      'The pool runs SELECT 1 on Connection 2 for Reader B to check it is still alive: the pool found it still on top of the shelf, where it stays while the check for Reader A goes on.',
    ]);
    // With the lock the pool takes it off the shelf before the check; the text's levels take first too.
    const locked = { ...race, options: { ...race.options, fixes: {} } };
    for (const scenario of [locked, ...STORIES.map((s) => s.scenario)])
      expect(narrateAll(runScenario(scenario).events, scenario.level).join(' ')).not.toMatch(
        /(stays|still) on top of the shelf/,
      );
  });
});

describe('a loan of a connection another reader’s call took off the shelf', () => {
  it('says the pool took it off the shelf for the other reader, not that it came from the shelf', () => {
    const race = productionStoryById('same-book')!.scenario;
    const events = runScenario(race).events;
    const told = narrateAll(events, race.level);
    const loans = events.flatMap((e, i) => (e.type === 'object.acquired' ? [told[i]] : []));
    expect(loans).toEqual([
      'Reader A got Connection 2 from the shelf — made in advance, its first loan, ready in 2.5 ms, nothing made.',
      'Reader B got Connection 2, which the pool took off the shelf for Reader A — ready in 2.5 ms, nothing made — and Reader A holds it too.',
    ]);
    // With the lock each reader's call takes its own off the shelf, and every loan is from the shelf.
    const locked = { ...race, options: { ...race.options, fixes: {} } };
    const lockedEvents = runScenario(locked).events;
    const lockedTold = narrateAll(lockedEvents, locked.level);
    lockedEvents.forEach((e, i) => {
      if (e.type === 'object.acquired' && e.source === 'shelf') expect(lockedTold[i]).toContain(' from the shelf — ');
    });
    expect(lockedTold.join(' ')).not.toMatch(/took off the shelf for/);
  });
});

describe('a passed check', () => {
  it('is said in every beat that holds one, with the fix on or off (the race takes the connection in the same beat)', () => {
    const runs = [...STORIES.map((s) => s.scenario), productionStoryById('same-book')!.scenario];
    let seen = 0;
    for (const scenario of runs) {
      const events = runScenario(scenario).events;
      const beats = beatsOf(events);
      const sentences = narrateBeats(events, beats, scenario.level);
      beats.forEach((b, i) => {
        const passed = events.slice(b.first, b.last + 1).some((e) => e.type === 'object.validated' && e.ok);
        if (!passed) return;
        seen++;
        expect(sentences[i], `${scenario.level} beat ${i}`).toMatch(/passed the check/);
      });
    }
    expect(seen).toBeGreaterThan(5);
  });

  it('says when the pool took the connection for another reader first (the race without the lock), and only then', () => {
    const race = productionStoryById('same-book')!.scenario;
    const raced = narrateAll(runScenario(race).events, race.level).filter((t) => /no longer on the shelf/.test(t));
    expect(raced).toEqual([
      'Connection 2 passed the check for Reader B, so it can be lent, but it is no longer on the shelf: the pool took it for Reader A a moment ago, and nothing looks again.',
    ]);
    // With the lock each reader's call takes its own off the shelf first; a double release shelves
    // one connection twice, and each reader takes a copy: no one's check comes after another's take.
    const locked = { ...race, options: { ...race.options, fixes: {} } };
    for (const scenario of [locked, ...STORIES.map((s) => s.scenario)])
      expect(narrateAll(runScenario(scenario).events, scenario.level).join(' ')).not.toMatch(/no longer on the shelf/);
  });

  it('is told with the check it starts, when the pool takes a connection off the shelf and checks it in one beat', () => {
    const race = STORIES.find((s) => s.id === 'race-database')!.scenario;
    const events = runScenario(race).events;
    const sentences = narrateBeats(events, beatsOf(events), race.level);
    expect(sentences).toContain(
      'The pool takes Connection 2 off the top of the shelf for Reader A and runs SELECT 1 on it to check it is still alive; the shelf holds one connection.',
    );
  });
});

describe('a failed check', () => {
  const beatsSaid = (id: string) => {
    const story = STORIES.find((s) => s.id === id)!;
    const run = runScenario(story.scenario, { record: true });
    return narrateBeats(run.events, beatsOf(run.events), story.level);
  };

  it('says there is no next one when the shelf is empty, and the opening that follows in the same moment', () => {
    // The database restarts while A holds Connection 2: B's check of Connection 1, the last on the
    // shelf, fails, and the pool opens Connection 3 for B.
    const said = beatsSaid('restart-database').find((s) => s.includes('failed the check'))!;
    expect(said).toMatch(
      /^Connection 1 failed the check: it is dead, so the pool closes it, and the shelf is empty — /,
    );
    expect(said).toContain('opening Connection 3 for Reader B');
    expect(said).not.toContain('tries the next one');
  });

  it('says the pool tries the next one when there is one on the shelf', () => {
    const run = runScenario(
      {
        level: 'database',
        options: { maxSize: 4 },
        seed: 1,
        steps: [
          { do: 'kill', object: 2 },
          { client: 'B', do: 'acquire' },
        ],
      } as Scenario,
      { record: true },
    );
    const failed = run.events.find((e) => e.type === 'object.validated' && !e.ok)!;
    expect(narrate(failed, 'database')).toBe(
      'Connection 2 failed the check: it is dead, so the pool closes it and tries the next one on the shelf.',
    );
  });
});

describe('a reader’s read on a connection', () => {
  it('is told by what it found, not by the SELECT that carried it', () => {
    const story = productionStoryById('dirty')!;
    const run = runScenario(story.scenario, { record: true });
    const beats = beatsOf(run.events);
    const said = narrateBeats(run.events, beats, 'production');
    const at = beats.findIndex((b) => run.events.slice(b.first, b.last + 1).some((e) => e.type === 'object.read'));
    expect(run.events.slice(beats[at]!.first, beats[at]!.last + 1).map((e) => e.type)).toContain('statement.finished');
    expect(said[at]).toBe('Reader B reads Connection 1 and finds “role=admin”.');
  });
});
