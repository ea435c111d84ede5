import { describe, expect, it } from 'vitest';
import { LEVELS, WARNINGS, type LevelId, type WarningKind } from '../engine/types';
import { callout } from './callouts';

const PATH: readonly LevelId[] = ['nopool', 'level1', 'level2', 'level3', 'level4', 'database', 'production'];

describe('callout', () => {
  it('knows the whole path', () => {
    expect([...PATH].sort()).toEqual([...LEVELS].sort());
  });

  it.each(WARNINGS)('explains %s on every level, pointing only forward', (warning) => {
    for (const level of LEVELS) {
      const c = callout(warning, level);
      expect(c.title.length).toBeGreaterThan(8);
      expect(c.body.split(' ').length).toBeGreaterThan(12);
      expect(c.body).toMatch(/[.!]$/);
      expect(c.fixLabel === null).toBe(c.fixedBy === null);
      if (c.fixedBy !== null) {
        expect(LEVELS).toContain(c.fixedBy);
        if (level !== 'production') expect(PATH.indexOf(c.fixedBy)).toBeGreaterThan(PATH.indexOf(level));
      }
    }
  });

  it('gives every warning its own title', () => {
    const titles = WARNINGS.map((w) => callout(w, 'level2').title);
    expect(new Set(titles).size).toBe(WARNINGS.length);
  });

  const fixes: [WarningKind, LevelId, LevelId | null][] = [
    ['unbounded-growth', 'level1', 'level2'],
    ['dirty-read', 'level1', 'level3'],
    ['dirty-read', 'level2', 'level3'],
    ['dirty-object', 'level2', 'level3'],
    ['dirty-read', 'database', 'production'],
    ['leaked', 'level3', 'level4'],
    ['leaked', 'level4', 'production'],
    ['dead-handout', 'level1', 'database'],
    ['dead-handout', 'level4', 'database'],
    ['dead-used', 'level2', 'database'],
    ['dead-used', 'database', null],
    ['exhausted', 'level2', 'production'],
    ['exhausted', 'database', 'production'],
    ['double-shelved', 'level1', 'production'],
    ['shared-object', 'level4', 'production'],
    ['counter-negative', 'level2', 'production'],
    ['over-max', 'database', 'production'],
    ['capacity-lost', 'database', 'production'],
    ['closed-with-borrowed', 'database', 'production'],
    ['created-after-close', 'database', 'production'],
    ['open-after-close', 'database', 'production'],
    ['timeout', 'production', null],
    ['leak-suspected', 'production', null],
  ];
  it.each(fixes)('points %s on %s at %s', (warning, level, fixedBy) => {
    expect(callout(warning, level).fixedBy).toBe(fixedBy);
  });

  it('speaks of books on the text’s levels and of connections on the database', () => {
    expect(callout('exhausted', 'level2').body).toContain('book');
    expect(callout('exhausted', 'database').body).toContain('connection');
  });

  it('tells a Level 4 learner that the safe block was there', () => {
    expect(callout('leaked', 'level4').body).toMatch(/always returns/);
    expect(callout('leaked', 'level3').body).not.toMatch(/always returns/);
  });

  it('names the switch to turn back on, on the production page', () => {
    expect(callout('dirty-read', 'production').fixLabel).toMatch(/reset fix back on/);
    expect(callout('waiting-forever', 'production').fixLabel).toMatch(/timeout fix back on/);
  });
});
