import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import interleave from '../../scenarios/production-interleave.json';
import noReset from '../../scenarios/production-no-reset.json';
import { runScenario } from '../engine';
import { parseScenario } from '../engine';
import { FIX_NAMES } from './fixes';
import {
  fitProductionRun,
  formatProductionLink,
  parseProductionLink,
  type ProductionLinkContext,
  type ProductionView,
} from './productionLink';

const ctx: ProductionLinkContext = {
  scenarios: ['same-book', 'pick-order', 'dirty', 'queue'],
  defaultScenario: 'same-book',
  labelOf: (id) => ({ 'same-book': 'Two readers get the same book' })[id] ?? id,
};

const parse = (search: string) => parseProductionLink(search, ctx);

describe('parseProductionLink', () => {
  it('reads a scenario, the fixes off, the choices and a moment (the link’s step)', () => {
    expect(parse('?level=production&scenario=pick-order&off=lock,reset&choices=1,0&step=12')).toEqual({
      view: { scenario: 'pick-order', off: ['lock', 'reset'], choices: [1, 0], moment: 12 },
      notices: [],
    });
  });

  it('opens the first scenario, every fix on, the scheduler’s order and the end with nothing but the level', () => {
    expect(parse('?level=production')).toEqual({
      view: { scenario: 'same-book', off: [], choices: null, moment: null },
      notices: [],
    });
    expect(parse('?level=production&scenario=&off=&choices=&step=')).toEqual(parse('?level=production'));
  });

  it('reads commas written as %2C', () => {
    expect(parse('?level=production&off=lock%2Creset&choices=1%2C0').view).toMatchObject({
      off: ['lock', 'reset'],
      choices: [1, 0],
    });
  });

  it('opens the first scenario with a notice for an unknown one', () => {
    const { view, notices } = parse('?level=production&scenario=no-such&off=reset');
    expect(view).toEqual({ scenario: 'same-book', off: ['reset'], choices: null, moment: null });
    expect(notices).toEqual([
      'The production pool has no scenario called "no-such", so it opened “Two readers get the same book”.',
    ]);
  });

  it('accepts fixes in any case and order, once each, and lists them in the table’s order', () => {
    expect(parse('?off=CLEANUP,lock,%20maxsize%20,lock').view.off).toEqual(['maxSize', 'lock', 'cleanup']);
  });

  it('leaves unknown fixes on and names them', () => {
    const { view, notices } = parse('?off=lock,locks,banana');
    expect(view.off).toEqual(['lock']);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/"locks" and "banana", which are not fixes/);
    expect(notices[0]).toContain(FIX_NAMES.join(', '));
  });

  it('keeps the picks before the first word that is not one', () => {
    const some = parse('?choices=1,0,x,1');
    expect(some.view.choices).toEqual([1, 0]);
    expect(some.notices).toEqual([
      '"x" is not a choice (choices are option numbers, like 1,0), so only the first 2 picks are used.',
    ]);
    const none = parse('?choices=-1');
    expect(none.view.choices).toBeNull();
    expect(none.notices[0]).toMatch(/the scheduler chooses throughout/);
    expect(parse('?choices=100').view.choices).toBeNull();
  });

  it('shows the end of the run with a notice for a moment that is not a number', () => {
    for (const bad of ['banana', '-3', '1.5', '1e3']) {
      const { view, notices } = parse(`?step=${bad}`);
      expect(view.moment).toBeNull();
      expect(notices).toEqual([`"${bad}" is not a moment on the timeline, so the run is shown to its end.`]);
    }
    expect(parse('?step=99999999999').view.moment).toBe(1_000_000);
  });

  it('quotes what it echoes from the link, control characters escaped', () => {
    expect(parse('?off=lock,x%0D%1B%5B31m').notices[0]).toMatch(
      /^The link asked to switch off "x\\r\\u001b\[31m", which/,
    );
  });

  it('quotes at most 40 characters of a bad value', () => {
    expect(parse(`?scenario=${'x'.repeat(200)}`).notices[0]).toContain(`"${'x'.repeat(40)}…"`);
  });
});

describe('formatProductionLink', () => {
  it('writes a readable link, with plain commas', () => {
    expect(formatProductionLink({ scenario: 'pick-order', off: ['reset', 'lock'], choices: [1, 0], moment: 12 })).toBe(
      '?level=production&scenario=pick-order&off=lock,reset&choices=1,0&step=12',
    );
  });

  it('leaves out what is at its default', () => {
    expect(formatProductionLink({ scenario: 'same-book', off: [], choices: null, moment: null })).toBe(
      '?level=production&scenario=same-book',
    );
    expect(formatProductionLink({ scenario: 'same-book', off: [], choices: [], moment: 0 })).toBe(
      '?level=production&scenario=same-book&step=0',
    );
  });

  it('reads back every view it writes, without a notice', () => {
    const view = fc.record({
      scenario: fc.constantFrom(...ctx.scenarios),
      off: fc.subarray([...FIX_NAMES]),
      choices: fc.option(fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 1, maxLength: 20 }), { nil: null }),
      moment: fc.option(fc.nat({ max: 1_000_000 }), { nil: null }),
    });
    fc.assert(
      fc.property(view, (v: ProductionView) => {
        expect(parse(formatProductionLink(v))).toEqual({ view: v, notices: [] });
      }),
    );
  });
});

describe('fitProductionRun', () => {
  /** The interleave scenario as the page runs it with only the lock off: one choice point, two options. */
  const race = { ...interleave, options: { ...interleave.options, fixes: { lock: false } } };
  const eventsOf = (file: unknown, choices: readonly number[]) =>
    runScenario(parseScenario(file).scenario, { choices }).events.length;

  it('keeps choices that fit and a moment inside the run', () => {
    expect(fitProductionRun(race, [1], 5)).toEqual({ choices: [1], moment: 5, notices: [] });
    expect(fitProductionRun(race, null, null)).toEqual({ choices: null, moment: null, notices: [] });
  });

  it('lets the scheduler choose from the first choice a choice point does not offer', () => {
    const fitted = fitProductionRun(race, [5], 3);
    expect(fitted.choices).toBeNull();
    expect(fitted.moment).toBe(3);
    expect(fitted.notices).toEqual([
      'Choice 1 in the link is 5, but at that choice point only options 0 to 1 exist, so the scheduler chooses from there.',
    ]);
  });

  it('drops choices past the run’s last choice point', () => {
    const fitted = fitProductionRun(race, [1, 0, 1], null);
    expect(fitted.choices).toEqual([1]);
    expect(fitted.notices).toEqual([
      'This run has 1 choice point, so the link’s choices after the first 1 were ignored.',
    ]);
    const none = fitProductionRun(noReset, [1], null);
    expect(none.choices).toBeNull();
    expect(none.notices[0]).toMatch(/no two readers can go on at the same instant/);
  });

  it('shows the last moment for a moment past the end of the run the choices make', () => {
    const last = eventsOf(race, [1]) - 1;
    expect(fitProductionRun(race, [1], last)).toEqual({ choices: [1], moment: last, notices: [] });
    const fitted = fitProductionRun(race, [1], last + 1);
    expect(fitted.moment).toBeNull();
    expect(fitted.notices).toEqual([
      `The link asked for moment ${last + 1}, but this run ends at moment ${last}; showing the end.`,
    ]);
  });

  it('says so, rather than throwing, for a file that cannot run', () => {
    const fitted = fitProductionRun({ level: 'production', steps: 'nope' }, [1], 2);
    expect(fitted).toMatchObject({ choices: null, moment: null });
    expect(fitted.notices[0]).toMatch(/^That scenario can't run: /);
  });
});
