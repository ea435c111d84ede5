/**
 * The levels' own source files, as the code panel and the diff show them: the very files the engine
 * runs, imported as text. The registry names each level's file (`LEVELS[id].source`); this finds
 * its text by that name, so a new level's file shows up here with no edit. The registry's own
 * files and the tests are not pool code and are left out (a test fails if any other file would ship).
 */
import type { LevelId } from '../../engine';
import { levelOf } from '../../store/levels';

const DIR = '../../engine/levels/';

// The same list as highlighted.ts's (Vite reads a glob's patterns as written: no shared constant).
const TEXTS = import.meta.glob<string>(
  [
    '../../engine/levels/*.ts',
    '!../../engine/levels/*.test.ts',
    '!../../engine/levels/index.ts',
    '!../../engine/levels/info.ts',
    '!../../engine/levels/options.ts',
    '!../../engine/levels/registry.ts',
  ],
  { query: '?raw', import: 'default', eager: true },
);

/** The text of a level's class, or undefined if its file is not among the levels' sources. */
export function sourceOf(level: LevelId): string | undefined {
  return TEXTS[`${DIR}${levelOf(level).source}`];
}

/** The names of every file shipped as a level's source (a test holds them to the registry's). */
export function shippedSources(): string[] {
  return Object.keys(TEXTS).map((path) => path.slice(DIR.length));
}

/** The path of a level's class in the repository, as the code panel names it. */
export function fileNameOf(level: LevelId): string {
  return `src/engine/levels/${levelOf(level).source}`;
}
