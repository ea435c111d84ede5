import { describe, expect, it } from 'vitest';
import { arrivalsFor, MAX_READERS, READ_MS, readerTimes, readerWaits, runAnalogy } from './analogy';

describe('runAnalogy', () => {
  it('serves the same readers at the same times both ways', () => {
    const a = runAnalogy({ readers: 8, seed: 4 });
    expect(a.withoutPool.scenario.steps).toEqual(a.withPool.scenario.steps);
    expect(a.withoutPool.scenario.level).toBe('nopool');
    expect(a.withPool.scenario.level).toBe('level1');
    for (const r of [a.withoutPool, a.withPool]) {
      expect(r.error).toBeNull();
      expect(readerTimes(r, a.arrivals).size).toBe(8);
      expect(r.steps.every((s) => s.endedAt !== null)).toBe(true);
    }
  });

  it('prints and burns a book for every reader without a pool', () => {
    const a = runAnalogy({ readers: 6, seed: 2 });
    expect(a.withoutPool.final.pool.created).toBe(6);
    expect(a.withoutPool.final.objects.every((o) => o.place === 'bin')).toBe(true);
    expect(
      a.withoutPool.steps.filter((s) => s.step.do === 'acquire').every((s) => s.outcome.source === 'created'),
    ).toBe(true);
  });

  it('reuses books with a pool and keeps them on the shelf', () => {
    const a = runAnalogy({ readers: 12, seed: 2 });
    const acquires = a.withPool.steps.filter((s) => s.step.do === 'acquire');
    const made = acquires.filter((s) => s.outcome.source === 'created').length;
    expect(made).toBe(a.withPool.final.pool.created);
    expect(made).toBeLessThan(12);
    expect(a.withPool.final.pool.available).toHaveLength(made);
  });

  it('is never slower with a pool, and much less waiting once readers keep coming', () => {
    for (let seed = 1; seed <= 20; seed++) {
      for (const readers of [1, 5, 12, MAX_READERS]) {
        const { totals, waits } = runAnalogy({ readers, seed });
        expect(totals.withPool).toBeLessThanOrEqual(totals.withoutPool);
        expect(waits.withPool).toBeLessThanOrEqual(waits.withoutPool);
        if (readers >= 12) expect(totals.withPool).toBeLessThan(totals.withoutPool);
        if (readers === MAX_READERS) expect(waits.withPool).toBeLessThan(waits.withoutPool / 2);
      }
    }
  });

  it('adds up each reader’s time from arrival to return: waiting for the print, then reading', () => {
    const a = runAnalogy({ readers: 3, seed: 9 });
    const times = readerTimes(a.withoutPool, a.arrivals);
    const waits = readerWaits(a.withoutPool, a.arrivals);
    const creating = a.withoutPool.events.flatMap((e) => (e.type === 'object.creating' ? [e.ms] : []));
    expect([...waits.values()]).toEqual(creating);
    expect([...times.values()]).toEqual(creating.map((ms) => ms + READ_MS));
    expect(a.totals.withoutPool).toBe(creating.reduce((x, y) => x + y + READ_MS, 0));
    expect(a.waits.withoutPool).toBe(creating.reduce((x, y) => x + y, 0));
  });

  it('gives reading its time in the engine, the same both ways', () => {
    const a = runAnalogy({ readers: 5, seed: 3 });
    for (const r of [a.withoutPool, a.withPool]) {
      const reads = r.steps.filter((s) => s.step.do === 'read');
      expect(reads.map((s) => s.endedAt! - s.startedAt!)).toEqual([READ_MS, READ_MS, READ_MS, READ_MS, READ_MS]);
    }
  });

  it('draws the same arrivals from the same seed, staggered and in order', () => {
    expect(arrivalsFor(10, 7)).toEqual(arrivalsFor(10, 7));
    const arrivals = arrivalsFor(MAX_READERS, 7);
    expect(arrivals.map((a) => a.reader).join('')).toBe('ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    for (let i = 1; i < arrivals.length; i++) expect(arrivals[i]!.at).toBeGreaterThanOrEqual(arrivals[i - 1]!.at);
    expect(arrivals.at(-1)!.at).toBeGreaterThan(0);
  });

  it.each([0, -1, 2.5, MAX_READERS + 1, Number.NaN])('refuses %s readers', (readers) => {
    expect(() => runAnalogy({ readers, seed: 1 })).toThrow(RangeError);
  });
});
