/**
 * The learner's progress, one store for the whole app (it lives in this browser's storage): read
 * it with a selector, change it through its actions.
 */
import { useStore } from 'zustand';
import { createProgressStore, type ProgressState, type ProgressStore } from '../../store/progress';
import { LESSON_LEVELS } from '../../store/lessons';

let store: ProgressStore | null = null;

export function progressStore(): ProgressStore {
  store ??= createProgressStore(LESSON_LEVELS);
  return store;
}

export function useProgress<T>(selector: (s: ProgressState) => T): T {
  return useStore(progressStore(), selector);
}
