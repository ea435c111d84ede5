import { describe, expect, it } from 'vitest';
import { STORIES } from '../stories';
import { createLabStore, type WarningMark } from './labStore';
import {
  selectAtEnd,
  selectCodeClient,
  selectCodeStep,
  selectCodeSteps,
  selectEvent,
  selectLastCodeStep,
  selectLink,
  warningsUpTo,
} from './selectors';

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

describe('the lines a moment runs', () => {
  /** Each moment of a story, beat by beat: the code steps lit and the readers' states. */
  function walk(story: string) {
    const store = createLabStore({ stories: STORIES });
    const a = store.getState().actions;
    a.loadStory(story, { play: false });
    const out: { steps: string[]; caption: string }[] = [];
    for (;;) {
      const s = store.getState();
      out.push({ steps: selectCodeSteps(s), caption: `${selectEvent(s).type} at ${s.cursor}` });
      if (selectAtEnd(s)) return out;
      a.stepForward();
    }
  }

  it('lights the safe block’s line that called acquire or release, before the lines inside them (Level 4)', () => {
    const moments = walk('crash-inside-with-level4');
    // Reader A's block asks for a book: `get` is waiting on `this.acquire()` while acquire counts and prints.
    const asking = moments.find((m) => m.steps.includes('acquire.create'))!;
    expect(asking.steps.slice(0, 2)).toEqual(['get.acquire', 'acquire.countNew']);
    // The block failed; the `finally` gives the book back: `get.release` runs with release's reset.
    const returning = moments.find((m) => m.steps.includes('release.reset'))!;
    expect(returning.steps[0]).toBe('get.release');
    // Reader B borrows the plain way afterwards: no block, so no block line.
    const plain = moments.filter((m) => m.steps.includes('acquire.pop'));
    expect(plain.length).toBeGreaterThan(0);
    for (const m of plain) expect(m.steps).not.toContain('get.acquire');
  });

  it('lights the connection block’s calls on the database page', () => {
    const store = createLabStore({ lineByLine: true });
    const a = store.getState().actions;
    a.openLevel('database');
    a.addReader();
    a.act('A', 'with');
    const lit = new Set<string>();
    for (let i = 0; i < store.getState().run.events.length; i++) {
      a.seek(i);
      for (const step of selectCodeSteps(store.getState())) lit.add(step);
    }
    expect(lit).toContain('connection.acquire');
    expect(lit).toContain('connection.release');
  });
});
