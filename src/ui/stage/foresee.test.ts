import { describe, expect, it } from 'vitest';
import { timeline } from '../../store/labState';
import { STORIES } from '../../stories';
import { momentsToDraw } from './foresee';

describe('momentsToDraw', () => {
  const race = STORIES.find((s) => s.id === 'race-database')!.scenario;
  const { events } = timeline(race).run;

  it('keeps each moment whose objects, readers or pool differ from the one before, and only those', () => {
    const moments = momentsToDraw(events);
    expect(moments[0]!.cursor).toBe(0);
    expect(moments.length).toBeLessThan(events.length);
    // Every event's world is drawn the same as the last moment kept at or before it.
    let k = 0;
    events.forEach((e, cursor) => {
      while (k + 1 < moments.length && moments[k + 1]!.cursor <= cursor) k++;
      const kept = moments[k]!;
      expect(kept.world.objects, `event ${cursor}`).toBe(e.world!.objects);
      expect(kept.world.clients, `event ${cursor}`).toBe(e.world!.clients);
      expect(kept.world.pool, `event ${cursor}`).toBe(e.world!.pool);
      if (kept.cursor === cursor) expect(kept.t).toBe(e.t);
    });
    // And no two kept in a row draw the same.
    for (let i = 1; i < moments.length; i++) {
      const [a, b] = [moments[i - 1]!.world, moments[i]!.world];
      expect(a.objects === b.objects && a.clients === b.clients && a.pool === b.pool, `moment ${i}`).toBe(false);
    }
  });

  it('draws only the moments a step stops at, when stepping by beats', () => {
    const t = timeline(race);
    const ends = new Set(t.beats.map((b) => b.last));
    const moments = momentsToDraw(t.run.events, ends);
    expect(moments.length).toBeGreaterThan(1);
    for (const m of moments) expect(ends.has(m.cursor), `event ${m.cursor}`).toBe(true);
    // Every beat's world is drawn: the same as the last moment kept at or before its end.
    for (const b of t.beats) {
      const kept = moments.filter((m) => m.cursor <= b.last).at(-1)!;
      expect(kept.world.objects).toBe(t.run.events[b.last]!.world!.objects);
      expect(kept.world.clients).toBe(t.run.events[b.last]!.world!.clients);
      expect(kept.world.pool).toBe(t.run.events[b.last]!.world!.pool);
    }
    expect(moments.length).toBeLessThan(momentsToDraw(t.run.events).length);
  });

  it('goes on from where it stopped for a run grown in place: the same moments as from the start', () => {
    const all = momentsToDraw(events);
    const half = Math.floor(events.length / 2);
    const first = momentsToDraw(events.slice(0, half));
    const rest = momentsToDraw(events, null, half, first.at(-1)!.world);
    expect([...first, ...rest]).toEqual(all);
  });
});
