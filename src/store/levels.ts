/**
 * The level registry as the UI reads it (the UI reaches the engine only through the store): each
 * level's record — its title, its words for what it lends, its options, the file the code panel
 * shows — and the levels in the order of the learning path.
 */
import { LEVEL_IDS, LEVELS } from '../engine';
import type { LevelId, LevelInfo, ThingWords } from '../engine';

/** Every level in the order of the learning path. */
export const LEVEL_LIST: readonly LevelInfo[] = LEVEL_IDS.map((id) => LEVELS[id]);

/** A level's record. */
export function levelOf(level: LevelId): LevelInfo {
  return LEVELS[level];
}

/** The words for what a level lends: "book" / "connection", "Books" / "Connections"… */
export function wordsOf(level: LevelId): ThingWords {
  return LEVELS[level].words;
}

/** The level whose fixes are switches: the production pool, at the end of the path. */
export const SWITCHED_LEVEL: LevelId = LEVEL_IDS.find((id) => LEVELS[id].options.fixes !== undefined)!;
