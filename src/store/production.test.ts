import { describe, expect, it } from 'vitest';
import type { Fixes, Scenario } from '../engine';
import { productionStoryById } from '../stories/production';
import { ALL_FIXES, withFixes } from './fixes';
import { createLabStore } from './labStore';
import { differenceOf, gaveUpAt, ledgerAt, stepDifferences, summaryOf, waitingOf } from './production';

/** Run a scenario the way the page does: through a lab store, with the switches' fixes. */
function run(file: Scenario, fixes: Partial<Fixes> = {}) {
  const store = createLabStore({ level: 'production' });
  expect(store.getState().actions.loadScenario(withFixes(file, { ...ALL_FIXES, ...fixes }))).toBe(true);
  return store.getState().run;
}
const scenarioOf = (id: string) => productionStoryById(id)!.scenario;
const leak = scenarioOf('leak');

describe('the borrower ledger', () => {
  it("lists a crashed borrower's object with its step and the index of its acquire", () => {
    const r = run(leak);
    const loans = ledgerAt(r.events, r.events.length - 1);
    expect(loans.map((l) => [l.object, l.borrower, l.since, l.step, l.suspected, l.crashed])).toEqual([
      [1, 'A', 100, 0, true, true],
    ]);
    const acquire = r.events[loans[0]!.acquireIndex]!;
    expect(acquire).toMatchObject({ type: 'object.acquired', client: 'A', object: 1 });
  });

  it('drops a loan when the object comes back, and shows only what was out at the cursor', () => {
    const r = run(leak);
    const released = r.events.findIndex((e) => e.type === 'object.released' && e.client === 'B');
    expect(ledgerAt(r.events, released - 1).map((l) => l.borrower)).toEqual(['A', 'B']);
    expect(ledgerAt(r.events, released).map((l) => l.borrower)).toEqual(['A']);
    expect(ledgerAt(r.events, 0)).toEqual([]);
  });

  it('shows both readers of a shared book when the lock is off', () => {
    const r = run(scenarioOf('same-book'), { lock: false });
    const loans = ledgerAt(r.events, r.events.length - 1);
    expect(loans.map((l) => [l.object, l.borrower])).toEqual([
      [2, 'A'],
      [2, 'B'],
    ]);
  });
});

describe('readers who gave up', () => {
  it('lists each timeout up to the cursor', () => {
    const r = run(scenarioOf('queue'));
    const gave = gaveUpAt(r.events, r.events.length - 1);
    expect(gave.map((g) => [g.client, g.t])).toEqual([
      ['D', 500],
      ['E', 500],
    ]);
    expect(gaveUpAt(r.events, gave[0]!.index - 1)).toEqual([]);
  });
});

describe('fix off against fix on', () => {
  it('says which steps came out differently', () => {
    const file = scenarioOf('dirty');
    const off = run(file, { reset: false });
    const on = run(file);
    const diff = stepDifferences(
      off.steps.map((s) => s.outcome),
      on.steps.map((s) => s.outcome),
    );
    expect(diff).toEqual([{ index: 4, off: 'saw "role=admin"', on: 'saw nothing (clean)' }]);
    expect(
      summaryOf(
        off.events,
        off.steps.map((s) => s.outcome),
      ).warnings,
    ).toContain('dirty-read');
    expect(
      summaryOf(
        on.events,
        on.steps.map((s) => s.outcome),
      ).warnings,
    ).toEqual([]);
    expect(differenceOf(off, on)).toEqual({
      onlyOff: ['dirty-object', 'dirty-read'],
      steps: diff,
      off: summaryOf(
        off.events,
        off.steps.map((s) => s.outcome),
      ),
      on: { warnings: [], created: 1, open: 1, pending: 0 },
    });
  });
});

describe('the line of waiting readers', () => {
  it('lists who waits, first in line first, with when each began', () => {
    const r = run(scenarioOf('queue'));
    const i = r.events.findIndex((e) => e.world?.pool.waiting.length === 3);
    expect(i).toBeGreaterThan(0);
    const line = waitingOf(r.events[i]!.world!, r.events[i]!.t);
    expect(line.map((w) => w.name)).toEqual(['C', 'D', 'E']);
    for (const w of line) expect(w.since).toBeLessThanOrEqual(r.events[i]!.t);
  });
});

describe('loading a scenario into a lab store', () => {
  it('refuses a bad file with a notice and keeps what was on the stage', () => {
    const store = createLabStore({ level: 'production' });
    const before = store.getState().run;
    expect(store.getState().actions.loadScenario({ level: 'production', steps: [{ do: 'fly' }] })).toBe(false);
    expect(store.getState().run).toBe(before);
    expect(store.getState().notices.at(-1)?.text).toMatch(/can't run.*"do" must be one of/);
  });

  it('follows the choices it is given and keeps them', () => {
    const store = createLabStore({ level: 'production', lineByLine: true });
    const file = withFixes(scenarioOf('pick-order'), { ...ALL_FIXES, lock: false });
    expect(store.getState().actions.loadScenario(file, { choices: [1], cursor: 0 })).toBe(true);
    const s = store.getState();
    expect(s.choices).toEqual([1]);
    expect(s.cursor).toBe(0);
    expect(s.run.choicePoints[0]!.picked).toBe(1);
    expect(s.warnings.map((w) => w.warning)).toContain('shared-object');
  });
});
