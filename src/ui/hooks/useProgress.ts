/**
 * The learner's progress, one store for the whole app (it lives in this browser's storage): read
 * it with a selector, change it through its actions. A prerendered page is drawn, and hydrated,
 * with no progress and no notice (what a server knows); the browser's own progress shows right after.
 */
import { useSyncExternalStore } from 'react';
import { createProgressStore, type ProgressState, type ProgressStore } from '../../store/progress';
import { LESSON_LEVELS } from '../../store/path';

let store: ProgressStore | null = null;
let blank: ProgressStore | null = null;

export function progressStore(): ProgressStore {
  store ??= createProgressStore(LESSON_LEVELS);
  return store;
}

/** Storage that holds nothing and refuses nothing: the progress of a page drawn before it knows the browser. */
const NOTHING_KEPT = {
  length: 0,
  clear: () => {},
  getItem: () => null,
  key: () => null,
  removeItem: () => {},
  setItem: () => {},
} satisfies Storage;

function blankStore(): ProgressStore {
  blank ??= createProgressStore(LESSON_LEVELS, NOTHING_KEPT);
  return blank;
}

export function useProgress<T>(selector: (s: ProgressState) => T): T {
  const s = progressStore();
  return useSyncExternalStore(
    s.subscribe,
    () => selector(s.getState()),
    () => selector(blankStore().getState()),
  );
}
