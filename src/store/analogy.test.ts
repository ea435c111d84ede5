import { describe, expect, it } from 'vitest';
import { MAX_READERS as ENGINE_MAX_READERS, READ_MS, runAnalogy } from '../engine';
import type { Place, PoolEvent, World } from '../engine';
import { ANALOGY_SEED, analogyView, momentsOf } from './analogy';
import {
  binSpot,
  clockText,
  firstFrame,
  handsSpot,
  MAX_READERS,
  parseReaders,
  pressSpot,
  shelfSpot,
  STATIONS,
  type DrawnBook,
} from './analogyScene';
import { ms } from './format';

describe('parseReaders', () => {
  it('accepts a whole number in range, spaces around it too', () => {
    expect(parseReaders('8')).toEqual({ ok: true, readers: 8 });
    expect(parseReaders(' 26 ')).toEqual({ ok: true, readers: 26 });
    expect(parseReaders('1')).toEqual({ ok: true, readers: 1 });
  });

  it.each([
    ['', /Enter how many/],
    ['   ', /Enter how many/],
    ['abc', /not a number/],
    ['1e3', /not a number/],
    ['2.5', /whole/],
    ['0', /At least one/],
    ['-3', /At least one/],
    [String(MAX_READERS + 1), /At most 26/],
    ['99999999999999999999', /At most/],
  ])('explains what is wrong with “%s”', (text, message) => {
    const r = parseReaders(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
});

describe('the engine-free first frame', () => {
  it('knows the engine’s limit and writes the clock as the lab writes ms', () => {
    expect(MAX_READERS).toBe(ENGINE_MAX_READERS);
    for (const t of [0, 0.5, 140.5, 175.63, 1019]) expect(clockText(t)).toBe(`t = ${ms(t)}`);
  });

  it('is the run’s own first frame: readers in line, nothing printed, no book', () => {
    for (const readers of [1, 8, MAX_READERS]) {
      const v = analogyView(readers);
      for (const side of v.sides) expect(side.frames[0]).toEqual(firstFrame(readers));
      // The engine agrees: before the first reader's first event, no book and no reader.
      const a = runAnalogy({ readers, seed: ANALOGY_SEED });
      for (const run of [a.withoutPool, a.withPool]) {
        const before = run.events.slice(
          0,
          run.events.findIndex((e) => e.client !== null),
        );
        for (const e of before) expect([e.world!.objects.length, e.world!.clients.length]).toEqual([0, 0]);
      }
    }
  });
});

/** Where the scene must draw a book at `place` (press and bin slots are checked apart). */
function expected(place: Place, line: readonly string[]) {
  switch (place.at) {
    case 'shelf':
      return { spot: 'shelf', reader: null, ...shelfSpot(place.slot) };
    case 'hands':
      return { spot: 'hands', reader: place.readers[0], ...handsSpot(line.indexOf(place.readers[0]!)) };
    case 'press':
      return { spot: 'press', reader: place.for };
    case 'bin':
      return { spot: 'bin', reader: null };
    case 'counter':
    case 'desk':
      return { spot: place.at, reader: place.reader, x: STATIONS.counter.x, y: STATIONS.counter.y };
    case 'lost':
      return { spot: 'lost', reader: null, x: STATIONS.counter.x, y: STATIONS.counter.y };
  }
}

describe('the scene’s geometry', () => {
  it('gives every slot of a station and every reader a place of its own, inside the scene', () => {
    const k = [...Array(MAX_READERS).keys()];
    for (const spot of [pressSpot, shelfSpot, binSpot, handsSpot]) {
      const all = k.map((i) => spot(i));
      expect(new Set(all.map((p) => `${p.x},${p.y}`)).size).toBe(MAX_READERS);
      for (const p of all) expect(p.x > 0 && p.x < 1 && p.y > 0).toBe(true);
    }
  });
});

describe('analogyView: the scenes draw the engine’s world', () => {
  const cases = [1, 3, 8, 13, MAX_READERS];

  it.each(cases)('draws every book where the engine puts it, at every moment (%i readers)', (readers) => {
    const v = analogyView(readers);
    const a = runAnalogy({ readers, seed: ANALOGY_SEED });
    const line = a.arrivals.map((x) => x.reader);
    const runs = [a.withoutPool, a.withPool];
    v.sides.forEach((side, s) => {
      const events = runs[s]!.events;
      const moments = momentsOf(events);
      expect(side.frames).toHaveLength(moments.length + 1);
      const press = new Set(Array.from({ length: MAX_READERS }, (_, k) => JSON.stringify(pressSpot(k))));
      moments.forEach((m, i) => {
        const world: World = events[m.last]!.world!;
        const frame = side.frames[i + 1]!;
        expect(frame.t).toBe(events[m.last]!.t);
        const places = world.objects.flatMap((o) => o.places.map((p) => ({ id: o.id, p })));
        expect(frame.books).toHaveLength(places.length);
        places.forEach(({ id, p }, k) => {
          const book: DrawnBook = frame.books[k]!;
          expect(book.id).toBe(id);
          expect(book).toMatchObject(expected(p, line));
          if (p.at === 'press') expect(press.has(JSON.stringify({ x: book.x, y: book.y }))).toBe(true);
          if (p.at === 'shelf') expect(book.nextOut).toBe(p.slot === world.pool.available.length - 1);
        });
        // No two books share a slot at the press; the bin keeps its pile in order of arrival.
        const pressed = frame.books.filter((b) => b.spot === 'press').map((b) => `${b.x},${b.y}`);
        expect(new Set(pressed).size).toBe(pressed.length);
        const binned = frame.books.filter((b) => b.spot === 'bin');
        binned.forEach((b) => expect([...Array(MAX_READERS).keys()].some((k) => binSpot(k).x === b.x)).toBe(true));
        expect(frame.printed).toBe(world.pool.created);
        expect(frame.onShelf).toBe(world.pool.available.length);
        // Readers: what each holds is what the engine says it holds.
        for (const r of frame.readers) {
          const c = world.clients.find((x) => x.name === r.name);
          expect(r.holding).toBe(c?.holding.at(-1) ?? null);
          if (!c) expect(r.doing).toBe('not-yet');
        }
      });
    });
  });

  it('shows slow work for as long as the engine took: a print its ms, a read the read step', () => {
    const v = analogyView(8);
    const a = runAnalogy({ readers: 8, seed: ANALOGY_SEED });
    const runs = [a.withoutPool, a.withPool];
    v.sides.forEach((side, s) => {
      const creating = new Map(
        runs[s]!.events.flatMap((e: PoolEvent) => (e.type === 'object.creating' ? [[e.object!, e]] : [])),
      );
      let reads = 0;
      for (const f of side.frames) {
        for (const b of f.books) {
          if (b.spot === 'press') {
            const c = creating.get(b.id)!;
            expect(b.work).toEqual({
              kind: 'print',
              from: c.t,
              until: c.t + (c.type === 'object.creating' ? c.ms : 0),
            });
          }
          if (b.work?.kind === 'read') {
            reads++;
            expect(b.work.until - b.work.from).toBe(READ_MS);
            const step = runs[s]!.steps.find((x) => x.step.do === 'read' && x.step.client === b.reader)!;
            expect([b.work.from, b.work.until]).toEqual([step.startedAt, step.endedAt]);
            expect(f.readers.find((r) => r.name === b.reader)!.doing).toBe('reading');
          }
        }
      }
      expect(reads).toBeGreaterThan(0);
    });
  });

  it('ends with every book burned without a pool, and on the shelf with one', () => {
    const [without, withPool] = analogyView(8).sides;
    const lastW = without.frames.at(-1)!;
    const lastP = withPool.frames.at(-1)!;
    expect(lastW.books.every((b) => b.spot === 'bin')).toBe(true);
    expect(lastW.burned).toBe(8);
    expect(lastP.books.every((b) => b.spot === 'shelf')).toBe(true);
    expect(lastP.onShelf).toBe(withPool.printed);
    for (const f of [lastW, lastP]) expect(f.readers.every((r) => r.doing === 'done')).toBe(true);
  });

  it('takes its totals from the run', () => {
    for (const readers of [1, 8, MAX_READERS]) {
      const v = analogyView(readers);
      const a = runAnalogy({ readers, seed: ANALOGY_SEED });
      const [without, withPool] = v.sides;
      expect([without.totalMs, withPool.totalMs]).toEqual([a.totals.withoutPool, a.totals.withPool]);
      expect([without.waitMs, withPool.waitMs]).toEqual([a.waits.withoutPool, a.waits.withPool]);
      expect([without.printed, withPool.printed]).toEqual([
        a.withoutPool.final.pool.created,
        a.withPool.final.pool.created,
      ]);
      expect(withPool.printed + withPool.reused).toBe(readers);
      expect(without.finishedAt).toBe(without.frames.at(-1)!.t);
      expect(v.lessWaiting).toBeCloseTo(a.waits.withoutPool / a.waits.withPool, 1);
      expect(v.readMs).toBe(READ_MS);
    }
  });

  it('says one sentence a moment, in the library’s words', () => {
    const [without, withPool] = analogyView(8).sides;
    for (const f of [...without.frames.slice(1), ...withPool.frames.slice(1)])
      expect(f.caption).toMatch(/^Reader [A-Z] .*\.$/);
    expect(without.frames.some((f) => /goes to the bin, burned/.test(f.caption))).toBe(true);
    expect(withPool.frames.some((f) => /from the shelf after 0\.5 ms — nothing printed/.test(f.caption))).toBe(true);
    expect(withPool.frames.some((f) => /reads it for 40 ms/.test(f.caption))).toBe(true);
    expect(without.frames.some((f) => /from the shelf/.test(f.caption))).toBe(false);
  });

  it('gives the same page for the same readers', () => {
    expect(analogyView(6)).toEqual(analogyView(6));
  });
});
