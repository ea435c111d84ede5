import { describe, expect, it } from 'vitest';
import { runScenario } from '../engine';
import { doubleRelease } from './testing';
import { STORIES, storyById } from '../stories';
import { productionStoryById } from '../stories/production';
import type { ObjectView, Place, World } from '../engine';
import { countLine, countsOf, countWords, tallyOf } from './counts';
import { ordinal, readersOf, readersToCome, waitingLine } from './readers';
import { drawnAt, drawnOf, placeWords, shelfOf, whereOf } from './stage';

const books = { thing: 'book', Thing: 'Book', things: 'books', Things: 'Books', make: 'print' };

/** A world made by hand: objects with the given places, readers with the given states. */
function world(objects: Partial<ObjectView>[], clients: Partial<World['clients'][number]>[] = []): World {
  const base = runScenario({ level: 'level2', options: { minSize: 1, maxSize: 3 }, seed: 1, steps: [] }).final;
  return {
    ...base,
    objects: objects.map((o, i) => ({ ...base.objects[0]!, id: i + 1, ...o })),
    clients: clients.map((c) => ({
      name: 'A',
      holding: [],
      status: 'idle',
      state: 'idle',
      crashed: false,
      position: null,
      error: null,
      doing: null,
      waitingSince: null,
      ...c,
    })),
  };
}

describe('drawnOf', () => {
  it('draws one copy per place the world gives, each with its own layoutId, the first the object’s', () => {
    const places: Place[] = [
      { at: 'shelf', slot: 0 },
      { at: 'shelf', slot: 1 },
      { at: 'hands', readers: ['B', 'C'] },
    ];
    const w = world([{ places, kind: 'book' }]);
    const drawn = drawnOf(w);
    expect(drawn.map((d) => d.layoutId)).toEqual(['book-1', 'book-1-shelf-1', 'book-1-hands-B', 'book-1-hands-C']);
    expect(drawn.map((d) => d.primary)).toEqual([true, false, false, false]);
    expect(new Set(drawn.map((d) => d.layoutId)).size).toBe(drawn.length);
    // Each copy says where else the same object is.
    expect(drawn[0]!.also).toEqual(['on the shelf again: shelved twice', 'in Reader B’s hands', 'in Reader C’s hands']);
    expect(drawn[2]!.also).toEqual(['on the shelf', 'in Reader C’s hands']);
  });

  it('says the counter once for the copies going the same way there', () => {
    // Two readers handed the same connection while it still stands on the shelf (a race).
    const places: Place[] = [
      { at: 'shelf', slot: 1 },
      { at: 'counter', reader: 'A', way: 'out', work: 'SELECT 1' },
      { at: 'counter', reader: 'B', way: 'out', work: 'SELECT 1' },
      { at: 'counter', reader: 'C', way: 'back', work: null },
    ];
    const drawn = drawnOf(world([{ places, kind: 'connection' }]));
    expect(drawn[0]!.also).toEqual([
      'at the counter, on its way to Reader A and Reader B',
      'at the counter, on its way back from Reader C',
    ]);
    expect(drawn[1]!.also).toEqual([
      'on the shelf',
      'at the counter, on its way to Reader B',
      'at the counter, on its way back from Reader C',
    ]);
    // The table says it the same way.
    expect(whereOf(drawn[0]!.object)).toBe(
      'on the shelf and at the counter, on its way to Reader A and Reader B and at the counter, on its way back from Reader C',
    );
  });

  it('draws an object at the counter there, with its reader, and never in the lost corner', () => {
    const w = world([{ places: [{ at: 'counter', reader: 'A', way: 'out', work: null }] }]);
    expect(drawnAt(w, 'counter').map((d) => d.object.id)).toEqual([1]);
    expect(drawnAt(w, 'lost')).toEqual([]);
    expect(whereOf(w.objects[0]!)).toBe('at the counter, on its way to Reader A');
  });

  it('draws an object lost only when the world says so', () => {
    const w = world([{ places: [{ at: 'lost' }] }, { places: [{ at: 'desk', reader: 'B', work: 'reset' }] }]);
    expect(drawnAt(w, 'lost').map((d) => d.object.id)).toEqual([1]);
    expect(drawnAt(w, 'desk').map((d) => d.object.id)).toEqual([2]);
  });
});

describe('shelfOf', () => {
  it('lists the shelf bottom to top with the top marked next out', () => {
    const run = runScenario({ level: 'level1', options: { size: 3 }, seed: 1, steps: [] });
    const slots = shelfOf(run.final);
    expect(slots.map((s) => s.object.id)).toEqual([1, 2, 3]);
    expect(slots.map((s) => s.nextOut)).toEqual([false, false, true]);
  });

  it('draws an object shelved twice twice, the second copy marked as the same object', () => {
    const run = runScenario(doubleRelease);
    const twice = run.events.find((e) => e.type === 'monitor.warned' && e.warning === 'double-shelved')!;
    const slots = shelfOf(twice.world!);
    expect(slots.map((s) => [s.object.id, s.slot, s.layoutId])).toEqual([
      [1, 0, 'book-1'],
      [1, 1, 'book-1-shelf-1'],
    ]);
    expect(slots[1]!.also).toEqual(['on the shelf again: shelved twice']);
    expect(whereOf(slots[0]!.object)).toBe('on the shelf twice');
  });
});

describe('placeWords', () => {
  it('names every place, with the reader it is for or from', () => {
    expect(placeWords({ at: 'press', for: 'C' })).toBe('being made for Reader C');
    expect(placeWords({ at: 'counter', reader: 'A', way: 'back', work: null })).toBe(
      'at the counter, on its way back from Reader A',
    );
    expect(placeWords({ at: 'desk', reader: 'A', work: 'ROLLBACK' })).toBe(
      'at the cleaning desk (ROLLBACK), back from Reader A',
    );
    expect(placeWords({ at: 'hands', readers: ['B', 'C'] })).toBe('in the hands of Reader B and Reader C');
    expect(placeWords({ at: 'lost' })).toMatch(/^lost/);
    expect(placeWords({ at: 'bin' })).toBe('in the bin (closed)');
  });
});

describe('readersOf', () => {
  it('names each state the engine gives, with the place in line and the error', () => {
    const w = world(
      [],
      [
        { name: 'C', state: 'refused', error: { kind: 'exhausted', message: 'No objects available!' } },
        { name: 'D', state: 'waiting', position: 2 },
        { name: 'E', state: 'timed-out', error: { kind: 'timeout', message: 'Timed out after 300 ms' } },
        { name: 'F', state: 'waiting', position: 1 },
      ],
    );
    const readers = readersOf(w, books);
    expect(readers.map((r) => [r.name, r.label, r.doing])).toEqual([
      ['C', 'refused', 'refused — no book for it'],
      ['D', 'waiting', 'waiting — 2nd in line'],
      ['E', 'timed out', 'timed out — it gave up waiting'],
      ['F', 'waiting', 'waiting — 1st in line'],
    ]);
    expect(readers[0]!.error?.message).toBe('No objects available!');
    expect(readers.some((r) => r.doing.includes('holds no book'))).toBe(false);
    expect(waitingLine(w)).toEqual([
      { name: 'F', position: 1 },
      { name: 'D', position: 2 },
    ]);
  });

  it('says a reader returning after its crash is the block’s return, not a new crash', () => {
    const w = world(
      [],
      [
        { name: 'A', state: 'returning', crashed: true, doing: 'with' },
        { name: 'B', state: 'returning', doing: 'with' },
      ],
    );
    expect(readersOf(w, books).map((r) => [r.name, r.doing, r.crashed])).toEqual([
      ['A', 'returning — crashed; the block returns it anyway', true],
      ['B', 'returning', false],
    ]);
  });

  it('says what a holding reader holds, never that it is still asking', () => {
    const w = world(
      [{ places: [{ at: 'hands', readers: ['A'] }] }],
      [{ name: 'A', state: 'holding', holding: [1], doing: 'acquire' }],
    );
    const a = readersOf(w, books)[0]!;
    expect(a.doing).toBe('holding');
    expect(a.hands.map((h) => h.object.id)).toEqual([1]);
  });

  it('counts in English', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
    ]);
  });
});

describe('the production pool’s count of a shared connection', () => {
  it('is not called wrong: this pool counts objects, so one two readers hold counts once', () => {
    const story = productionStoryById('same-book')!;
    const events = runScenario(story.scenario).events;
    const both = events.find((e) => e.world!.objects.some((o) => o.holders.length === 2))!;
    const t = tallyOf(both.world!);
    expect(t).toMatchObject({ shared: 1, sharedExtra: 1, counted: t.held - 1, owed: null });
    const said = countWords(t, { thing: 'connection', things: 'connections' });
    expect(said.gap).toBe(
      '1 fewer than readers hold: 1 connection in more than one reader’s hands at once, and this pool counts each connection once.',
    );
    expect(said.bad).toBe(true);
    // Levels 2–4 count loans: there a count one short of the hands is wrong, and the counter says what it should be.
    expect(countWords({ ...t, owed: t.held }, books)).toMatchObject({ bad: true, should: t.held });
  });
});

describe('readersToCome', () => {
  it('names the run’s readers not yet on the scene, in the order they come in, and keeps their places', () => {
    for (const story of STORIES) {
      const run = runScenario(story.scenario);
      const names = [...new Set(story.scenario.steps.flatMap((s) => (s.client === undefined ? [] : [s.client])))];
      for (const e of run.events) {
        const here = e.world!.clients.map((c) => c.name);
        const toCome = readersToCome(e.world!, run.final);
        // Those here and those to come are every reader of the run, once each, in the order they
        // come in: a reader's card takes the place its "not here yet" had.
        expect([...here, ...toCome], story.id).toEqual(run.final.clients.map((c) => c.name));
        expect(new Set([...here, ...toCome]), story.id).toEqual(new Set(names));
      }
    }
    const story = storyById('dirty-book-level1')!;
    const run = runScenario(story.scenario);
    expect(readersToCome(run.events[0]!.world!, run.final)).toEqual(['A', 'B']);
    expect(readersToCome(run.final, run.final)).toEqual([]);
  });
});

describe('counts', () => {
  it('shows Level 1 with no counter and no maximum, only its start size', () => {
    const run = runScenario({
      level: 'level1',
      options: { size: 2 },
      seed: 1,
      steps: [{ client: 'A', do: 'acquire' }],
    });
    const c = countsOf(run.final, 'level1');
    expect(c).toMatchObject({ onShelf: 1, counted: null, held: 1, created: 2, maxSize: null, startSize: 2 });
    expect(countWords(c, books)).toEqual({
      counted: 'The pool keeps no count',
      held: 'Readers hold 1',
      gap: null,
      bad: false,
      should: null,
    });
  });

  it('says one connection on its way to two readers at once in the race, as the counter shows two copies of it', () => {
    const race = productionStoryById('same-book')!.scenario;
    const words = { thing: 'connection', things: 'connections' };
    const gaps = runScenario(race).events.map((e) => countWords(tallyOf(e.world!), words).gap);
    const atOnce = gaps.filter((g) => g?.includes('to 2 readers at once'));
    expect(atOnce).toContain('1 connection on the way out to 2 readers at once, not counted yet.');
    expect(atOnce).toContain(
      '1 more than readers hold: 1 connection on the way, at the counter, to 2 readers at once.',
    );
    // Lent to A and still on its way to B: counted once, as A's, not "not counted yet".
    expect(gaps).toContain(
      '1 connection on the way out to a reader while another holds it; this pool counts each connection once.',
    );
    // With the lock no connection goes to two readers, and none is on its way to one while another holds it.
    const locked = runScenario({ ...race, options: { ...race.options, fixes: {} } }).events;
    for (const e of locked) expect(countWords(tallyOf(e.world!), words).gap ?? '').not.toMatch(/at once|while another/);
  });

  it('shows the level’s own counter, even when it is wrong', () => {
    const run = runScenario(doubleRelease);
    const negative = run.events.find((e) => e.inUse !== null && e.inUse < 0)!;
    const c = countsOf(negative.world!, 'level2');
    expect(c.counted).toBe(-1);
    expect(countWords(c, books).counted).toBe('The pool’s count is -1');
    expect(countWords(c, books).bad).toBe(true);
    expect(countsOf(run.final, 'level2').maxSize).toBe(3);
  });

  it('names the difference between the pool’s count and readers’ hands as the leak it is', () => {
    const run = runScenario({
      level: 'level3',
      options: { maxSize: 2 },
      seed: 1,
      steps: [
        { client: 'A', do: 'acquire' },
        { client: 'A', do: 'fail' },
        { client: 'B', do: 'acquire' },
        { client: 'B', do: 'fail' },
      ],
    });
    const t = tallyOf(run.final);
    expect([t.counted, t.held]).toEqual([2, 0]);
    const said = countWords(t, books);
    expect(said.counted).toBe('The pool thinks 2 are out');
    expect(said.held).toBe('Readers hold 0');
    expect(said.bad).toBe(true);
    expect(said.gap).toMatch(/^2 more than readers hold: the leak — 2 books lost/);
  });

  it('says what is on its way out to readers and not counted yet, when the count is right', () => {
    // The database's race: two connections checked at the counter before they are counted.
    const race = runScenario(storyById('race-database')!.scenario);
    const both = race.events.find((e) => {
      const t = tallyOf(e.world!);
      return t.counted === 0 && t.outToReaders === 2;
    })!;
    expect(countWords(countsOf(both.world!, 'database'), books).gap).toBe(
      '2 books on the way out to readers, not counted yet.',
    );
    // Pool start-up makes connections for the shelf, not for a reader: nothing is said.
    const opening = race.events.find((e) => e.type === 'object.creating')!;
    expect(countWords(countsOf(opening.world!, 'database'), books).gap).toBeNull();
    // After a double release the count can match the hands by being one short: then it is wrong.
    const t = { counted: 0, held: 0, lost: 0, onTheWay: 1, outToReaders: 1 };
    expect(countWords({ ...t, owed: 1 }, books)).toMatchObject({
      gap: '1 book on the way out to a reader; the pool’s count is wrong.',
      bad: true,
      should: 1,
    });
    expect(countLine(countWords({ ...t, owed: 1 }, books))).toMatch(/count is wrong\. It should be 1\.$/);
    expect(countWords({ ...t, owed: 0 }, books).gap).toBe('1 book on the way out to a reader, not counted yet.');
  });

  it('says when the pool is closed', () => {
    const run = runScenario(storyById('close-with-borrowed-database')!.scenario);
    const closing = run.events.findIndex((e) => e.type === 'pool.closed');
    expect(countsOf(run.events[closing - 1]!.world!, 'database').closed).toBe(false);
    expect(countsOf(run.events[closing]!.world!, 'database').closed).toBe(true);
  });

  it('never gives figures that do not add up to the difference', () => {
    const t = (counted: number, held: number, lost: number, onTheWay: number) =>
      countWords({ counted, held, lost, onTheWay }, books).gap;
    // Three on the way, one of them already counted (the database pool counts a connection once it is checked).
    expect(t(1, 0, 0, 3)).toBe(
      '1 more than readers hold: 3 books on the way, at the press, the counter or the desk; the pool counts 1 of them as out, not the other 2.',
    );
    // One lost, one on the way: the one counted is the lost one; the other is said to be not counted yet.
    expect(t(1, 0, 1, 1)).toBe(
      '1 more than readers hold: the leak — 1 book lost, counted as out but in no reader’s hands. Also on the way, at the press, the counter or the desk: 1 book, not counted yet.',
    );
    // The same once the one on the way is counted: 2 = 1 lost + 1 on the way.
    expect(t(2, 0, 1, 1)).toMatch(
      /Also on the way, at the press, the counter or the desk: 1 book, counted as out already\.$/,
    );
    // Three on the way, one of them counted: 2 = 1 lost + 1.
    expect(t(2, 0, 1, 3)).toMatch(/: 3 books, and the pool counts 1 of them as out\.$/);
    // Below zero: said so, not "1 fewer than readers hold" while they hold none.
    expect(countWords({ counted: -1, held: 0, lost: 0, onTheWay: 0 }, books)).toMatchObject({
      gap: 'A count below zero: the pool’s count is wrong.',
      bad: true,
    });
    // Where the engine says what it should be, the counter's flag says "below zero, should be 0": no line more.
    const below = countWords({ counted: -1, held: 0, lost: 0, onTheWay: 0, owed: 0 }, books);
    expect(below).toMatchObject({ gap: null, bad: true, should: 0 });
    // The one line of the table still says it is wrong, and what it should be.
    expect(countLine(below)).toBe('The pool’s count is -1. Readers hold 0. The pool’s count is wrong: it should be 0.');
    expect(t(0, 1, 0, 0)).toBe('1 fewer than readers hold: the pool’s count is wrong.');
    // Where the engine says what it should be, "should be 2" beside "Readers hold 2" says it: no line more.
    expect(countWords({ counted: 1, held: 2, lost: 0, onTheWay: 0, owed: 2 }, books)).toMatchObject({
      gap: null,
      bad: true,
      should: 2,
    });
    // More lost than the difference: not all of them are said to be counted.
    expect(t(1, 0, 2, 0)).toBe('1 more than readers hold: the leak — 2 books lost, in no reader’s hands.');
    // Fewer on the way than the difference, nothing lost: the count is wrong, and flagged.
    expect(countWords({ counted: 3, held: 0, lost: 0, onTheWay: 1 }, books)).toMatchObject({
      gap: '3 more than readers hold: only 1 book on the way, at the press, the counter or the desk; the pool’s count is wrong.',
      bad: true,
    });
  });

  it('never calls a count wrong that the engine says is right, in any story, moment by moment', () => {
    let counted = 0;
    for (const story of STORIES) {
      const run = runScenario(story.scenario);
      for (const e of run.events) {
        const t = tallyOf(e.world!);
        if (t.counted === null || t.owed !== t.counted || t.lost > 0) continue;
        counted++;
        expect(countWords(t, books), `${story.id}, event ${e.seq} (${e.type})`).toMatchObject({ bad: false });
      }
    }
    expect(counted).toBeGreaterThan(100);
    // Line by line, a pool that counts first has counted one it has not taken or made yet (Level 3).
    expect(countWords({ counted: 1, held: 0, lost: 0, onTheWay: 0, owed: 1 }, books)).toMatchObject({
      gap: '1 more than readers hold: the pool counts 1 book as out before taking it from the shelf or making it.',
      bad: false,
    });
  });

  it('calls a difference of objects on their way what it is, not a leak', () => {
    const w = world([{ places: [{ at: 'desk', reader: 'A', work: 'reset' }] }]);
    const t = { ...tallyOf(w), counted: 1, owed: 1, held: 0 };
    expect(countWords(t, books)).toMatchObject({
      gap: '1 more than readers hold: 1 book on the way, at the desk.',
      bad: false,
    });
  });

  it('flags a count the engine says is wrong, even where the figures seem to explain it', () => {
    const w = world([{ places: [{ at: 'desk', reader: 'A', work: 'reset' }] }]);
    // One on its way back, already counted back in, and the count one short of that (a double
    // release before): the difference seems explained, and is not.
    const seems = countWords({ ...tallyOf(w), counted: 1, owed: 2, held: 0 }, books);
    expect(seems).toMatchObject({
      gap: '1 more than readers hold: 1 book on the way, at the desk.',
      bad: true,
      should: 2,
    });
    expect(countLine(seems)).toBe(
      'The pool thinks 1 is out. Readers hold 0. 1 more than readers hold: 1 book on the way, at the desk. The pool’s count is wrong: it should be 2.',
    );
    // The count equals what readers hold, and is still wrong: one was counted back twice.
    const equal = countWords({ ...tallyOf(w), counted: 0, owed: 1, held: 0 }, books);
    expect(equal).toMatchObject({ gap: null, bad: true, should: 1 });
    expect(countLine(equal)).toBe(
      'The pool thinks 0 are out. Readers hold 0. The pool’s count is wrong: it should be 1.',
    );
    // Where the words already say the count is wrong, that is not said twice.
    const said = countWords({ ...tallyOf(w), counted: 3, owed: 1, held: 0 }, books);
    expect(countLine(said)).toBe(
      'The pool thinks 3 are out. Readers hold 0. 3 more than readers hold: only 1 book on the way, at the desk; the pool’s count is wrong. It should be 1.',
    );
    // A right count says nothing more.
    expect(countWords({ ...tallyOf(w), counted: 1, owed: 1, held: 0 }, books).should).toBeNull();
  });

  it('says where the objects on their way are, as the stage draws them', () => {
    const w = world([
      { places: [{ at: 'press', for: 'A' }] },
      { places: [{ at: 'press', for: 'B' }] },
      { places: [{ at: 'counter', reader: 'C', way: 'out', work: null }] },
    ]);
    const t = tallyOf(w);
    expect(t.onTheWayAt).toEqual({ press: 2, counter: 1, desk: 0 });
    expect(countWords({ ...t, counted: 3, owed: 3, held: 0 }, books).gap).toBe(
      '3 more than readers hold: 3 books on the way (2 at the press, 1 at the counter).',
    );
    // The production pool counts a connection it is opening for a reader as out from the start.
    expect(
      countWords(
        { ...t, counted: 1, owed: 1, held: 0, onTheWay: 1, onTheWayAt: { press: 1, counter: 0, desk: 0 } },
        books,
      ).gap,
    ).toBe('1 more than readers hold: 1 book on the way, at the press.');
  });

  it('says what "out" means when the only ones counted are being made for the shelf, for no reader', () => {
    // The production pool's start-up: it counts the connection it opens for the shelf.
    const w = world([{ places: [{ at: 'press', for: null }] }]);
    const t = tallyOf(w);
    expect(t.outToReaders).toBe(0);
    expect(
      countWords({ ...t, counted: 1, owed: null, held: 0 }, { thing: 'connection', things: 'connections' }),
    ).toMatchObject({
      gap: '1 more than readers hold: 1 connection being made at the press for the shelf; this pool counts whatever is not on the shelf as out.',
      bad: false,
    });
  });
});
