/**
 * What the learner has done, kept in this browser only (localStorage, versioned). Unreadable or
 * old data is set aside with a notice; where storage is unavailable (private modes, blocked
 * cookies) the lab works the same and simply does not remember.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LevelId } from '../engine';

export const PROGRESS_KEY = 'pool-lab.progress';
export const PROGRESS_VERSION = 1;

export interface LessonProgress {
  /** The ordinary day was played. */
  readonly works?: true;
  /** The learner's answer to the question, and whether it was right. */
  readonly answer?: { readonly choice: string; readonly right: boolean };
  /** The fix was seen. */
  readonly fixSeen?: true;
}

export type Progress = Readonly<Partial<Record<LevelId, LessonProgress>>>;

export interface Loaded {
  readonly progress: Progress;
  /** Why saved progress was set aside, or why none can be kept; null when all is well. */
  readonly notice: string | null;
  /** Whether changes can be kept. */
  readonly saving: boolean;
}

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

function storageOf(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Only the fields we know, of the right types; anything else in an entry is dropped. */
function readEntry(v: unknown): LessonProgress | null {
  if (!isRecord(v)) return null;
  const out: { works?: true; answer?: NonNullable<LessonProgress['answer']>; fixSeen?: true } = {};
  if (v.works === true) out.works = true;
  if (v.fixSeen === true) out.fixSeen = true;
  const a = v.answer;
  if (isRecord(a) && typeof a.choice === 'string' && typeof a.right === 'boolean')
    out.answer = { choice: a.choice.slice(0, 200), right: a.right };
  return out;
}

export function readProgress(levels: readonly LevelId[], storage: Storage | null = storageOf()): Loaded {
  if (!storage)
    return {
      progress: {},
      notice: 'This browser keeps no storage for the lab, so your progress will not be remembered.',
      saving: false,
    };
  let text: string | null;
  try {
    text = storage.getItem(PROGRESS_KEY);
  } catch {
    return {
      progress: {},
      notice: 'This browser keeps no storage for the lab, so your progress will not be remembered.',
      saving: false,
    };
  }
  if (text === null) return { progress: {}, notice: null, saving: true };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { progress: {}, notice: 'Your saved progress could not be read, so the lab starts afresh.', saving: true };
  }
  if (!isRecord(data) || data.version !== PROGRESS_VERSION || !isRecord(data.lessons))
    return {
      progress: {},
      notice: 'Your saved progress is from another version of the lab, so the lab starts afresh.',
      saving: true,
    };
  const progress: Partial<Record<LevelId, LessonProgress>> = {};
  for (const level of levels) {
    const entry = readEntry(data.lessons[level]);
    if (entry) progress[level] = entry;
  }
  return { progress, notice: null, saving: true };
}

/** Keep the progress; false if the browser refused (full, blocked). */
export function writeProgress(progress: Progress, storage: Storage | null = storageOf()): boolean {
  if (!storage) return false;
  try {
    if (Object.keys(progress).length === 0) storage.removeItem(PROGRESS_KEY);
    else storage.setItem(PROGRESS_KEY, JSON.stringify({ version: PROGRESS_VERSION, lessons: progress }));
    return true;
  } catch {
    return false;
  }
}

/** A lesson is done when its question is answered and its fix seen. */
export const lessonDone = (p: LessonProgress | undefined): boolean => p?.answer !== undefined && p.fixSeen === true;

/** The first lesson on the path not done yet (the last one when all are done); null before any start. */
export function continueAt(progress: Progress, path: readonly LevelId[]): LevelId | null {
  if (!path.some((l) => progress[l] !== undefined)) return null;
  return path.find((l) => !lessonDone(progress[l])) ?? path.at(-1) ?? null;
}

// ── the store the pages share ─────────────────────────────────────────────────────────────────

export interface ProgressState {
  readonly progress: Progress;
  readonly notice: string | null;
  readonly saving: boolean;
  mark(level: LevelId, change: LessonProgress): void;
  startOver(): void;
  dismissNotice(): void;
}

export type ProgressStore = StoreApi<ProgressState>;

export function createProgressStore(levels: readonly LevelId[], storage: Storage | null = storageOf()): ProgressStore {
  const loaded = readProgress(levels, storage);
  return createStore<ProgressState>((set, get) => {
    const keep = (progress: Progress) => {
      const saved = get().saving && writeProgress(progress, storage);
      set({
        progress,
        saving: saved,
        notice:
          get().saving && !saved
            ? 'This browser refused to keep your progress, so it will not be remembered.'
            : get().notice,
      });
    };
    return {
      ...loaded,
      mark(level, change) {
        const now = get().progress;
        keep({ ...now, [level]: { ...now[level], ...change } });
      },
      startOver() {
        keep({});
      },
      dismissNotice() {
        set({ notice: null });
      },
    };
  });
}
