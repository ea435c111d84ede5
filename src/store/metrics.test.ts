import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../engine';
import type { PoolEvent, Scenario } from '../engine';
import { storyById } from '../stories';
import { productionStoryById } from '../stories/production';
import { countWords, tallyOf, unpointed } from './counts';
import { metricsAt, type Metrics, type MetricsPoint } from './metrics';

const eventsOf = (s: Scenario): readonly PoolEvent[] => runScenario(s).events;
const story = (id: string) => eventsOf(storyById(id)!.scenario);

/** Three readers in turn on a Level 1 shelf of one: the first book is reused twice. */
const turns: Scenario = {
  level: 'level1',
  options: { size: 1, costs: { createMs: [100, 100], reuseMs: 0.5 } },
  seed: 1,
  steps: ['A', 'B', 'C'].flatMap((client) => [
    { client, do: 'acquire' as const },
    { client, do: 'release' as const },
  ]),
};

describe('metricsAt', () => {
  it('counts reuse against creation and what it saved', () => {
    const events = eventsOf(turns);
    const m = metricsAt(events, events.length - 1);
    expect(m.created).toBe(0);
    expect(m.reused).toBe(3);
    expect(m.hitRate).toBe(1);
    expect(m.objectsMade).toBe(1);
    expect(m.createMs).toBe(100);
    expect(m.meanCreateMs).toBe(100);
    expect(m.reuseMs).toBe(1.5);
    expect(m.savedMs).toBe(3 * 100 - 1.5);
    expect(m.refusals).toBe(0);
  });

  it('counts acquires served by the press', () => {
    const events = eventsOf({ ...turns, options: { size: 0, costs: { createMs: [80, 80] } } });
    const m = metricsAt(events, events.length - 1);
    expect(m.created).toBe(1);
    expect(m.reused).toBe(2);
    expect(m.hitRate).toBeCloseTo(2 / 3);
    expect(m.savedMs).toBe(2 * 80 - 1);
  });

  it('shows the figures as they were at the cursor', () => {
    const events = eventsOf(turns);
    const second = events.findIndex(
      (e, i) => e.type === 'object.acquired' && events.slice(0, i).some((x) => x.type === 'object.acquired'),
    );
    const m = metricsAt(events, second);
    expect(m.reused).toBe(2);
    expect(m.series.at(-1)?.t).toBeLessThanOrEqual(events[second]!.t);
    expect(metricsAt(events, second - 1).reused).toBe(1);
  });

  it('starts empty before the first event and clamps a cursor past the end', () => {
    const events = eventsOf(turns);
    const none = metricsAt(events, -1);
    expect(none.hitRate).toBeNull();
    expect(none.meanCreateMs).toBeNull();
    expect(none.savedMs).toBeNull();
    expect(none.series).toEqual([]);
    expect(metricsAt(events, 10_000)).toEqual(metricsAt(events, events.length - 1));
  });

  it('counts refusals', () => {
    const events = story('exhaustion-level2');
    expect(metricsAt(events, events.length - 1).refusals).toBe(1);
    const refusedAt = events.findIndex((e) => e.type === 'pool.exhausted');
    expect(metricsAt(events, refusedAt - 1).refusals).toBe(0);
  });

  it('draws a point for each change, in time order, with what the world held', () => {
    const events = story('grows-forever-level1');
    const { series } = metricsAt(events, events.length - 1);
    for (let i = 1; i < series.length; i++) {
      expect(series[i]!.t).toBeGreaterThanOrEqual(series[i - 1]!.t);
      expect(series[i]).not.toEqual({ ...series[i - 1], t: series[i]!.t });
    }
    expect(series.length).toBeLessThan(events.length);
    const last = series.at(-1)!;
    const world = events.at(-1)!.world!;
    expect(last).toEqual({
      t: events.at(-1)!.t,
      shelf: world.pool.available.length,
      counted: world.pool.inUse,
      owed: world.pool.owed,
      held: 0,
      created: world.pool.created,
      lost: 0,
      onTheWay: 0,
    });
    expect(last.created).toBe(4);
    // Compressing the series keeps every peak the stage showed.
    const peak = Math.max(...events.map((e) => e.world!.pool.held));
    expect(peak).toBeGreaterThanOrEqual(3);
    expect(Math.max(...series.map((p) => p.held))).toBe(peak);
  });
});

/** The figures counted from the first event, plainly: what metricsAt gave before it kept its counts. */
function countedAfresh(events: readonly PoolEvent[], cursor: number): Metrics {
  const last = Math.min(cursor, events.length - 1);
  let [created, reused, objectsMade, createMs, reuseMs, refusals, timeouts] = [0, 0, 0, 0, 0, 0, 0];
  const creating = new Map<number, number>();
  const series: MetricsPoint[] = [];
  for (const e of events.slice(0, last + 1)) {
    if (e.type === 'object.creating' && e.object !== null) creating.set(e.object, e.ms);
    if (e.type === 'object.created' && e.object !== null && creating.has(e.object)) {
      objectsMade++;
      createMs += creating.get(e.object)!;
    }
    if (e.type === 'object.acquired' && e.source === 'created') created++;
    if (e.type === 'object.acquired' && e.source === 'shelf') {
      reused++;
      reuseMs += e.waited;
    }
    if (e.type === 'pool.exhausted' || e.type === 'acquire.rejected') refusals++;
    if (e.type === 'acquire.timedout') timeouts++;
    const { onShelf, counted, owed, held, created: made, lost, onTheWay } = tallyOf(e.world!);
    const point = { t: e.t, shelf: onShelf, counted, owed, held, created: made, lost, onTheWay };
    const prev = series.at(-1);
    if (!prev || JSON.stringify({ ...prev, t: 0 }) !== JSON.stringify({ ...point, t: 0 })) series.push(point);
  }
  const meanCreateMs = objectsMade === 0 ? null : createMs / objectsMade;
  return {
    created,
    reused,
    hitRate: created + reused === 0 ? null : reused / (created + reused),
    objectsMade,
    createMs,
    reuseMs,
    meanCreateMs,
    savedMs: meanCreateMs === null ? null : reused * meanCreateMs - reuseMs,
    refusals,
    timeouts,
    series,
  };
}

describe('the chart’s words', () => {
  it('are the scene’s at every moment: a point and what it does not keep say what the world says', () => {
    const words = { thing: 'connection', things: 'connections' };
    for (const scenario of [productionStoryById('same-book')!.scenario, storyById('race-database')!.scenario]) {
      const { events } = runScenario(scenario, { record: true });
      events.forEach((e, i) => {
        const tally = tallyOf(e.world!);
        const last = metricsAt(events, i).series.at(-1)!;
        expect(countWords({ ...last, ...unpointed(tally) }, words), `event ${i}`).toEqual(countWords(tally, words));
      });
    }
  });
});

describe('the figures kept with a timeline', () => {
  const runs = [
    ...['exhaustion-level2', 'grows-forever-level1', 'dirty-book-level2', 'dies-while-borrowed-database'].map(story),
    eventsOf({ ...turns, options: { size: 0, costs: { createMs: [80, 120] } } }),
  ].filter((events) => events.length > 0);

  it('are the figures counted afresh, at any cursor, after the array grows or its end is replaced', () => {
    expect(runs.length).toBe(5);
    fc.assert(
      fc.property(
        fc.constantFrom(...runs),
        fc.constantFrom(...runs),
        fc.array(fc.tuple(fc.double({ min: 0.5, max: 1, noNaN: true }), fc.nat(), fc.nat()), {
          minLength: 1,
          maxLength: 6,
        }),
        (a, b, changes) => {
          // One array, grown in place as the manual panel grows its timeline: its end cut, other events put after.
          const arr = a.slice(0, Math.ceil(a.length / 2));
          for (const [keep, from, cursor] of changes) {
            arr.length = Math.floor(arr.length * keep);
            const start = from % b.length;
            // New events are new objects, as the engine's are (never one the array had before).
            arr.push(...b.slice(start, start + 15).map((e) => ({ ...e })));
            for (const at of [cursor % arr.length, arr.length - 1, -1])
              expect(metricsAt(arr, at)).toEqual(countedAfresh(arr, at));
          }
        },
      ),
      { numRuns: 120, seed: 11 },
    );
  });

  it('forget a making whose start was replaced', () => {
    const events = eventsOf({ ...turns, options: { size: 0, costs: { createMs: [80, 80] } } });
    const making = events.findIndex((e) => e.type === 'object.creating');
    const made = events.findIndex((e) => e.type === 'object.created');
    expect(making).toBeGreaterThanOrEqual(0);
    const arr = events.slice(0, made + 1);
    expect(metricsAt(arr, made).objectsMade).toBe(1);
    // The making's start taken back: the end from there on is other events, with no start of it.
    arr.length = making;
    arr.push(...events.slice(making + 1, made + 1).map((e) => ({ ...e })));
    expect(metricsAt(arr, arr.length - 1)).toEqual(countedAfresh(arr, arr.length - 1));
    expect(metricsAt(arr, arr.length - 1).objectsMade).toBe(0);
  });
});
