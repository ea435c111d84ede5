import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import { parseOptions } from '../scenario';
import { LEVEL_IDS, WARNINGS } from '../types';
import { boundOf, LEVELS, levelInfo, resolveOptions, startSizeOf } from '.';

describe('the level registry', () => {
  it.each(LEVEL_IDS)('describes %s whole and in path order', (id) => {
    const info = LEVELS[id];
    expect(info.id).toBe(id);
    expect(info.order).toBe(LEVEL_IDS.indexOf(id));
    expect(info.title.startsWith(info.label) || info.title.includes(info.label.toLowerCase())).toBe(true);
    expect(info.summary).toMatch(/^[A-Z].{20,}\.$/);
    expect(info.words.thing).toBe(info.lends);
    expect(info.words.Thing.toLowerCase()).toBe(info.lends);
    expect(info.words.things).toBe(`${info.lends}s`);
    expect(existsSync(new URL(`./${info.source}`, import.meta.url))).toBe(true);
    if (info.bound !== 'none') expect(info.options[info.bound]?.kind).toBe('count');
    if (typeof info.startsWith === 'string') expect(info.options[info.startsWith]?.kind).toBe('count');
  });

  it.each(LEVEL_IDS)('takes its own defaults as a valid file would give them (%s)', (id) => {
    const defaults = resolveOptions(id, {});
    expect(parseOptions(id, defaults)).toEqual(defaults);
  });

  it.each(LEVEL_IDS)('points each of its bugs at a level further along the path (%s)', (id) => {
    for (const [warning, fixer] of Object.entries(LEVELS[id].fixedBy)) {
      expect(WARNINGS).toContain(warning);
      expect(LEVELS[fixer].order, `${id} ${warning}`).toBeGreaterThan(LEVELS[id].order);
    }
  });

  it('derives what each level solves from the bugs of the levels before it', () => {
    expect(LEVELS.level2.solves).toEqual(['unbounded-growth']);
    expect([...LEVELS.level3.solves].sort()).toEqual(['dirty-object', 'dirty-read']);
    expect(LEVELS.level4.solves).toEqual(['leaked']);
    expect(LEVELS.level1.solves).toEqual([]);
    expect(LEVELS.production.solves).toContain('double-shelved');
  });

  it.each(LEVEL_IDS)('makes as many objects at start-up as it says (%s)', (id) => {
    const r = runScenario({ level: id, options: {}, seed: 3, steps: [] });
    expect(r.final.pool.created).toBe(startSizeOf(id, {}));
    expect(r.final.pool.maxSize).toBe(boundOf(id, {}));
    for (const o of r.final.objects) expect(o.kind).toBe(LEVELS[id].lends);
  });

  it('bounds Level 1 by its size, the others by maxSize, and no pool by nothing', () => {
    expect(boundOf('level1', { size: 3 })).toBe(3);
    expect(boundOf('level2', {})).toBe(10);
    expect(boundOf('production', { maxSize: 4 })).toBe(4);
    expect(boundOf('nopool', {})).toBeNull();
  });

  it('knows only its own levels', () => {
    expect(levelInfo('level3')?.title).toBe('Level 3 — cleaning on return');
    expect(levelInfo('level9')).toBeUndefined();
    expect(levelInfo('toString')).toBeUndefined();
  });

  it('keeps the production defaults with their switches', () => {
    const o = resolveOptions('production', { fixes: { lock: false } });
    expect(o).toMatchObject({ maxSize: 10, minSize: 0, acquireTimeout: 30_000, leakThreshold: null });
    expect(o.fixes).toEqual({ maxSize: true, lock: false, reset: true, validate: true, timeout: true, cleanup: true });
  });
});
