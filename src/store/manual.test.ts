import { describe, expect, it } from 'vitest';
import { runScenario } from '../engine';
import { doubleRelease } from './testing';
import { defaultWrite, killableOf, manualAbilities, manualReadersOf, releasedBefore } from './manual';

describe('manual mode', () => {
  it('lists readers with what they hold and what they released', () => {
    const run = runScenario(doubleRelease);
    const readers = manualReadersOf(run, ['D']);
    expect(readers.map((r) => [r.name, r.holds, r.newest, r.releasedBefore])).toEqual([
      ['A', 0, null, 1],
      ['B', 1, 1, null],
      ['C', 1, 1, null],
      ['D', 0, null, null],
    ]);
  });

  it('offers each level only the steps it has', () => {
    expect(manualAbilities('level2')).toEqual({ with: false, restart: false, close: false, kill: true });
    expect(manualAbilities('level4').with).toBe(true);
    expect(manualAbilities('database')).toEqual({ with: true, restart: true, close: true, kill: true });
  });

  it('finds what a reader released last, for "Release again"', () => {
    const run = runScenario(doubleRelease);
    expect(releasedBefore(run, 'A')).toBe(1);
    expect(releasedBefore(run, 'B')).toBeNull();
  });

  it('gives each reader a note of its own, a session setting on a connection', () => {
    expect(defaultWrite('level2', 'B')).toBe("B's note");
    expect(defaultWrite('database', 'B')).toBe("timezone = 'Asia/Tokyo'");
    expect(defaultWrite('production', 'A')).toBe("timezone = 'UTC'");
  });

  it('can kill only live objects that are not closed', () => {
    const run = runScenario({ level: 'level1', options: { size: 2 }, seed: 1, steps: [{ do: 'kill', object: 1 }] });
    expect([...killableOf(run)]).toEqual([2]);
  });
});
