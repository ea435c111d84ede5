import { describe, expect, it } from 'vitest';
import type { LevelId } from '../engine';
import { continueAt, createProgressStore, PROGRESS_KEY, readProgress } from './progress';

const PATH: LevelId[] = ['level1', 'level2', 'level3'];

function memory(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

const throwing = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('SecurityError');
  },
  removeItem: () => {
    throw new Error('SecurityError');
  },
};

describe('progress', () => {
  it('is kept and read back, versioned', () => {
    const storage = memory();
    const store = createProgressStore(PATH, storage);
    store.getState().mark('level2', { answer: { choice: 'A blank page', right: false } });
    store.getState().mark('level2', { fixSeen: true });
    expect(JSON.parse(storage.data.get(PROGRESS_KEY)!).version).toBe(1);
    const again = readProgress(PATH, storage);
    expect(again.notice).toBeNull();
    expect(again.progress.level2).toEqual({ answer: { choice: 'A blank page', right: false }, fixSeen: true });
  });

  it('sets unreadable data aside with a notice and starts afresh', () => {
    const loaded = readProgress(PATH, memory({ [PROGRESS_KEY]: '{not json' }));
    expect(loaded.progress).toEqual({});
    expect(loaded.notice).toMatch(/could not be read/);
    expect(loaded.saving).toBe(true);
  });

  it('sets data of another version aside with a notice', () => {
    const loaded = readProgress(PATH, memory({ [PROGRESS_KEY]: JSON.stringify({ version: 0, lessons: {} }) }));
    expect(loaded.notice).toMatch(/another version/);
  });

  it('keeps only the fields it knows, of the right types', () => {
    const lessons = { level1: { works: true, answer: { choice: 3, right: 'yes' }, evil: 1 }, level9: { works: true } };
    const loaded = readProgress(PATH, memory({ [PROGRESS_KEY]: JSON.stringify({ version: 1, lessons }) }));
    expect(loaded.progress).toEqual({ level1: { works: true } });
  });

  it('works without saving where storage throws', () => {
    const store = createProgressStore(PATH, throwing);
    expect(store.getState().saving).toBe(false);
    expect(store.getState().notice).toMatch(/not be remembered/);
    store.getState().mark('level1', { works: true });
    expect(store.getState().progress.level1).toEqual({ works: true });
  });

  it('says so when the browser refuses to write', () => {
    const storage = {
      ...memory(),
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const store = createProgressStore(PATH, storage);
    store.getState().mark('level1', { works: true });
    expect(store.getState().saving).toBe(false);
    expect(store.getState().notice).toMatch(/refused/);
  });

  it('continues at the first lesson not done, and nowhere before any start; Start over clears it', () => {
    const storage = memory();
    const store = createProgressStore(PATH, storage);
    expect(continueAt(store.getState().progress, PATH)).toBeNull();
    store.getState().mark('level1', { answer: { choice: 'x', right: true }, fixSeen: true });
    store.getState().mark('level2', { answer: { choice: 'x', right: true } });
    expect(continueAt(store.getState().progress, PATH)).toBe('level2');
    store.getState().mark('level2', { fixSeen: true });
    expect(continueAt(store.getState().progress, PATH)).toBe('level3');
    store.getState().startOver();
    expect(continueAt(store.getState().progress, PATH)).toBeNull();
    expect(storage.data.has(PROGRESS_KEY)).toBe(false);
  });
});
