/**
 * The steps' reports while a run goes on (`StepReports`): numbers in typed columns, where NaN is a
 * report's null, grown by doubling when a step is appended, and made into report objects on asking.
 */
import { describe, expect, it } from 'vitest';
import { StepReports } from './records';
import type { Step } from '../types';

const step = (client: string): Step => ({ client, do: 'acquire' });

describe('StepReports', () => {
  it('says null for a number not yet written, and the number once written', () => {
    const table = new StepReports([step('A'), step('B')]);
    expect(table.report(0)).toMatchObject({
      index: 0,
      startedAt: null,
      endedAt: null,
      inUse: null,
      waiting: null,
      open: 0,
    });
    table.startedAt[0] = 2.5;
    table.inUse[0] = 0;
    table.waiting[1] = 3;
    expect(table.report(0)).toMatchObject({ startedAt: 2.5, inUse: 0, waiting: null });
    expect(table.report(1)).toMatchObject({ startedAt: null, waiting: 3 });
  });

  it("keeps the scenario's own list of steps until a step is added, then a list of its own", () => {
    const steps = [step('A')];
    const table = new StepReports(steps);
    expect(table.steps).toBe(steps);
    table.add(step('B'));
    expect(steps).toHaveLength(1);
    expect(table.steps.map((s) => s.client)).toEqual(['A', 'B']);
  });

  it('keeps what was written when it grows past its room, and starts each new step empty', () => {
    const table = new StepReports([step('A')]);
    table.startedAt[0] = 1;
    table.open[0] = 4;
    table.warn(0, 'dirty-object');
    for (let i = 1; i < 40; i++) table.add(step(`R${i}`));
    expect(table.length).toBe(40);
    expect(table.report(0)).toMatchObject({ startedAt: 1, open: 4, warnings: ['dirty-object'] });
    expect(table.report(39)).toMatchObject({ index: 39, startedAt: null, open: 0, warnings: [] });
    expect(table.reports().map((r) => r.index)).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });

  it('gives the report asked for again itself while nothing in it changed', () => {
    const table = new StepReports([step('A')]);
    const before = table.report(0);
    expect(table.reportAgain(0, before)).toBe(before);
    table.endedAt[0] = 7;
    const after = table.reportAgain(0, before);
    expect(after).not.toBe(before);
    expect(after.endedAt).toBe(7);
  });
});
