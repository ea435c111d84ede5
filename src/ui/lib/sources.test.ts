import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LEVEL_LIST } from '../../store/levels';
import { highlightedSources } from './highlighted';
import { fileNameOf, shippedSources, sourceOf } from './sources';

describe('level sources', () => {
  it.each(LEVEL_LIST.map((l) => [l.id, l] as const))(
    'finds the file the registry names for %s, as it is on disk',
    (level, info) => {
      const onDisk = readFileSync(new URL(`../../engine/levels/${info.source}`, import.meta.url), 'utf8');
      expect(onDisk).toMatch(/\/\/ @step /);
      expect(sourceOf(level)).toBe(onDisk);
      expect(fileNameOf(level)).toBe(`src/engine/levels/${info.source}`);
    },
  );

  it('ships the levels’ classes and nothing else (a new helper file in levels/ must be left out by name)', () => {
    expect(shippedSources().sort()).toEqual(LEVEL_LIST.map((l) => l.source).sort());
  });

  it('highlights the same files (the two globs are written twice)', () => {
    expect(highlightedSources().sort()).toEqual(shippedSources().sort());
  });
});
