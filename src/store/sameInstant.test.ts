import { describe, expect, it } from 'vitest';
import { createLabStore } from './labStore';
import { selectWorld } from './selectors';

/** The database level with maxSize 2 (two connections on the shelf) and four readers added by hand. */
function fourReaders() {
  const store = createLabStore({ level: 'database' });
  const a = store.getState().actions;
  a.setOption('maxSize', '2');
  const readers = [a.addReader(), a.addReader(), a.addReader(), a.addReader()];
  return { store, a, readers };
}

describe('manual mode, "same instant"', () => {
  it('starts grouped acquires together, so four readers race past maxSize 2', () => {
    const { store, a, readers } = fourReaders();
    const end = store.getState().run.events.at(-1)!.t;
    a.setSameInstant(true);
    expect(store.getState().sameInstant).toBe(end);
    for (const r of readers) expect(a.act(r, 'acquire')).toBe(true);

    const s = store.getState();
    expect(s.scenario.steps.map((step) => step.at)).toEqual([end, end, end, end]);
    expect(selectWorld(s).pool).toMatchObject({ created: 4, inUse: 4, maxSize: 2 });
    expect(s.warnings.map((w) => w.warning)).toContain('over-max');
  });

  it('leaves each step waiting for the one before while off: the pool refuses the third reader', () => {
    const { store, a, readers } = fourReaders();
    for (const r of readers) a.act(r, 'acquire');

    const s = store.getState();
    expect(s.scenario.steps.every((step) => step.at === undefined)).toBe(true);
    expect(selectWorld(s).pool).toMatchObject({ created: 2, inUse: 2 });
    expect(s.warnings.map((w) => w.warning)).not.toContain('over-max');
    expect(s.warnings.map((w) => w.warning)).toContain('exhausted');
  });

  it('goes back to one step after another when turned off, and off again on a fresh pool', () => {
    const { store, a, readers } = fourReaders();
    a.setSameInstant(true);
    a.act(readers[0]!, 'acquire');
    a.setSameInstant(false);
    expect(store.getState().sameInstant).toBeNull();
    a.act(readers[1]!, 'acquire');
    expect(store.getState().scenario.steps.at(-1)!.at).toBeUndefined();

    a.setSameInstant(true);
    a.startOver();
    expect(store.getState().sameInstant).toBeNull();
  });
});
