/**
 * What the borrowed counter should say (`PoolView.owed`): the engine's own account of the loans
 * out — readers' holdings, acquires that have counted and not handed over, releases that have taken
 * back and not counted back. In a run without a bug it is the counter at every moment; the text's
 * bugs (a double release, a crash holding a book) make the counter part from it, and it stays apart.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import type { LevelId, PoolEvent, Scenario, Step } from '../types';
import { storyById } from '../../stories';

/** Six rounds of four readers at once borrowing, writing and returning (or in a guaranteed block). */
function busy(level: LevelId, guaranteed = false): Scenario {
  const steps: Step[] = [];
  for (let r = 0; r < 6; r++)
    for (const client of ['A', 'B', 'C', 'D']) {
      const at = { at: r * 1000 };
      if (guaranteed) steps.push({ client, do: 'with', write: `n=${r}`, ...at });
      else
        steps.push({ client, do: 'acquire', ...at }, { client, do: 'use', write: `n=${r}` }, { client, do: 'release' });
    }
  return { level, options: { maxSize: 4 }, seed: 5, steps } as Scenario;
}

const apart = (events: readonly PoolEvent[]) =>
  events.flatMap((e, i) => (e.world!.pool.owed !== e.world!.pool.inUse ? [i] : []));

describe('what the counter should say', () => {
  it.each(['level2', 'level3', 'level4', 'database'] as const)(
    '%s: is the counter at every moment of a run without a bug, four readers at once',
    (level) => {
      for (const scenario of [
        busy(level),
        ...(level === 'level4' || level === 'database' ? [busy(level, true)] : []),
      ]) {
        const { events, error } = runScenario(scenario, { record: true });
        expect(error).toBeNull();
        expect(events.some((e) => (e.world!.pool.inUse ?? 0) >= 3)).toBe(true);
        expect(apart(events)).toEqual([]);
      }
    },
  );

  it('is null where the level keeps no counter of its own (Level 1; the production pool works its out)', () => {
    for (const level of ['level1', 'production'] as const) {
      const options = level === 'level1' ? { size: 4 } : { maxSize: 4 };
      const { events, error } = runScenario({ ...busy('level2'), level, options } as Scenario, { record: true });
      expect(error).toBeNull();
      expect(events.length).toBeGreaterThan(50);
      expect(events.every((e) => e.world!.pool.owed === null)).toBe(true);
    }
  });

  it('parts from the counter at a double release, and stays apart', () => {
    const { events } = runScenario(storyById('double-release-level2')!.scenario, { record: true });
    const off = apart(events);
    expect(off.length).toBeGreaterThan(0);
    // The first moment apart is the second release counting back what was never lent.
    const first = events[off[0]!]!;
    expect(first.type === 'pool.counted' && first.of === 'returned').toBe(true);
    expect(off).toEqual(events.map((_, i) => i).slice(off[0]!));
  });

  it('parts from the counter when a reader crashes holding a book: the counter keeps the lost one', () => {
    const { events } = runScenario(storyById('crash-leaks-level3')!.scenario, { record: true });
    const crash = events.findIndex((e) => e.type === 'client.crashed');
    expect(crash).toBeGreaterThan(0);
    expect(apart(events)[0]).toBe(crash);
    const after = events[crash]!.world!.pool;
    expect(after.inUse).toBe(after.owed! + 1);
  });
});
