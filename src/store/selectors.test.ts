import { describe, expect, it } from 'vitest';
import { createLabStore, type WarningMark } from './labStore';
import { selectCodeClient, selectCodeStep, selectLastCodeStep, selectLink, warningsUpTo } from './selectors';

describe('warningsUpTo', () => {
  const marks: WarningMark[] = [
    { index: 3, warning: 'leaked', message: 'a', client: 'A', object: 1 },
    { index: 5, warning: 'exhausted', message: 'b', client: 'B', object: null },
    { index: 9, warning: 'leaked', message: 'c', client: 'C', object: 2 },
  ];

  it('lists each kind once, newest first, up to the cursor', () => {
    expect(warningsUpTo(marks, 2)).toEqual([]);
    expect(warningsUpTo(marks, 5).map((m) => m.message)).toEqual(['b', 'a']);
    expect(warningsUpTo(marks, 9).map((m) => m.message)).toEqual(['c', 'b']);
  });
});

describe('cursor selectors', () => {
  it('names the last code step run when the current event runs none', () => {
    const store = createLabStore({ lineByLine: true });
    const a = store.getState().actions;
    a.openLevel('level2');
    a.addReader();
    a.act('A', 'acquire');
    const s = store.getState();
    // The newest event is the step finishing: outside the pool's code.
    expect(selectCodeStep(s)).toBeNull();
    expect(selectCodeClient(s)).toBeNull();
    expect(selectLastCodeStep(s)).toEqual({ step: 'acquire.pop', client: 'A' });
    expect(selectLink(s)).toEqual({ page: 'level2', story: null, moment: s.cursor });
    a.jumpStart();
    expect(selectLastCodeStep(store.getState())).toBeNull();
  });
});
