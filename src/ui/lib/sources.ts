/**
 * The levels' own source files, as the code panel and the diff show them. These are the files
 * the engine runs (imported as text), so the code on screen is the code that ran.
 */
import type { LevelId } from '../../engine';
import level1 from '../../engine/levels/level1.ts?raw';
import level2 from '../../engine/levels/level2.ts?raw';
import level3 from '../../engine/levels/level3.ts?raw';
import level4 from '../../engine/levels/level4.ts?raw';
import database from '../../engine/levels/database.ts?raw';

export const SOURCES: Partial<Record<LevelId, string>> = { level1, level2, level3, level4, database };

export const FILE_NAMES: Partial<Record<LevelId, string>> = {
  level1: 'src/engine/levels/level1.ts',
  level2: 'src/engine/levels/level2.ts',
  level3: 'src/engine/levels/level3.ts',
  level4: 'src/engine/levels/level4.ts',
  database: 'src/engine/levels/database.ts',
};
