import { describe, expect, it } from 'vitest';
import { runScenario } from '../engine';
import type { PoolEvent, Scenario } from '../engine';
import { storyById } from '../stories';
import { metricsAt } from './metrics';

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
      t: world.t,
      shelf: world.pool.available.length,
      counted: world.pool.inUse,
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
