import { describe, expect, it } from 'vitest';
import { runScenario } from '../engine';
import type { Scenario } from '../engine';
import { createLabStore, type WarningMark } from './labStore';
import {
  countersOf,
  selectCodeClient,
  selectCodeStep,
  selectLastCodeStep,
  selectLink,
  objectsAt,
  readersOf,
  shelfOf,
  warningsUpTo,
} from './selectors';

const doubleRelease: Scenario = {
  level: 'level2',
  options: { minSize: 1, maxSize: 3 },
  seed: 7,
  steps: [
    { client: 'A', do: 'acquire' },
    { client: 'A', do: 'release' },
    { client: 'A', do: 'release', object: 1 },
    { client: 'B', do: 'acquire' },
    { client: 'C', do: 'acquire' },
  ],
};

describe('shelfOf', () => {
  it('lists the shelf bottom to top with the top marked next out', () => {
    const run = runScenario({ level: 'level1', options: { size: 3 }, seed: 1, steps: [] });
    const slots = shelfOf(run.final);
    expect(slots.map((s) => s.object.id)).toEqual([1, 2, 3]);
    expect(slots.map((s) => s.nextOut)).toEqual([false, false, true]);
  });

  it('draws an object shelved twice twice, the later copy marked', () => {
    const run = runScenario(doubleRelease);
    const twice = run.events.find((e) => e.type === 'monitor.warned' && e.warning === 'double-shelved')!;
    const slots = shelfOf(twice.world!);
    expect(slots.map((s) => [s.object.id, s.copy])).toEqual([
      [1, 0],
      [1, 1],
    ]);
  });
});

describe('readersOf', () => {
  it('marks the second holder of a shared object as holding a copy', () => {
    const run = runScenario(doubleRelease);
    const readers = readersOf(run.final);
    const b = readers.find((r) => r.name === 'B')!;
    const c = readers.find((r) => r.name === 'C')!;
    expect(b.holding.map((h) => [h.object.id, h.shared])).toEqual([[1, false]]);
    expect(c.holding.map((h) => [h.object.id, h.shared])).toEqual([[1, true]]);
  });

  it('shows a crashed reader as crashed, holding nothing', () => {
    const run = runScenario({
      level: 'level3',
      options: {},
      seed: 1,
      steps: [
        { client: 'A', do: 'acquire' },
        { client: 'A', do: 'fail' },
      ],
    });
    expect(readersOf(run.final)).toEqual([{ name: 'A', status: 'crashed', doing: null, holding: [] }]);
    expect(objectsAt(run.final, 'lost').map((o) => o.id)).toEqual([1]);
  });
});

describe('countersOf', () => {
  it('shows Level 1 with no counter and no maximum, only its start size', () => {
    const run = runScenario({
      level: 'level1',
      options: { size: 2 },
      seed: 1,
      steps: [{ client: 'A', do: 'acquire' }],
    });
    expect(countersOf(run.final, 'level1')).toEqual({
      onShelf: 1,
      borrowed: null,
      created: 2,
      open: 2,
      maxSize: null,
      startSize: 2,
    });
  });

  it('shows the level’s own counter, even when it is wrong', () => {
    const run = runScenario(doubleRelease);
    const negative = run.events.find((e) => e.inUse !== null && e.inUse < 0)!;
    expect(countersOf(negative.world!, 'level2').borrowed).toBe(-1);
    expect(countersOf(run.final, 'level2').maxSize).toBe(3);
  });
});

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
    const store = createLabStore();
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
