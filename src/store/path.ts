/**
 * The learning path's stops in order, each with its rough minutes, and which of them are lessons.
 * Nothing here imports the engine or the stories: the home page draws the path in its first view,
 * before anything heavy has loaded. path.test.ts holds the lessons here equal to the stories' LESSONS
 * (the same levels, in the same order); a stop's name is its route's label.
 */
import type { LevelId } from '../engine';

export interface PathStop {
  /** The page's id, as the routes and links name it. */
  readonly page: string;
  /** Rough minutes the stop takes. */
  readonly minutes: number;
  /** The stop is one of the levels' lessons (progress is kept for it). */
  readonly lesson: boolean;
}

export const PATH_STOPS: readonly PathStop[] = [
  { page: 'analogy', minutes: 3, lesson: false },
  { page: 'level1', minutes: 6, lesson: true },
  { page: 'level2', minutes: 6, lesson: true },
  { page: 'level3', minutes: 7, lesson: true },
  { page: 'level4', minutes: 6, lesson: true },
  { page: 'database', minutes: 8, lesson: true },
  { page: 'production', minutes: 10, lesson: false },
  { page: 'load', minutes: 10, lesson: false },
];

/** The levels with a lesson, in the order of the path. */
export const LESSON_LEVELS: readonly LevelId[] = PATH_STOPS.filter((s) => s.lesson).map((s) => s.page as LevelId);

/** The stops after the lessons (the production pool, then the load lab). */
export const LAST_STOPS: readonly PathStop[] = PATH_STOPS.slice(PATH_STOPS.map((s) => s.lesson).lastIndexOf(true) + 1);

/** A stop's rough minutes (0 for a page that is not on the path). */
export function minutesOf(page: string): number {
  return PATH_STOPS.find((s) => s.page === page)?.minutes ?? 0;
}
