import { describe, expect, it } from 'vitest';
import interleave from '../../scenarios/production-interleave.json';
import noReset from '../../scenarios/production-no-reset.json';
import sameBook from '../../scenarios/production-race-same-book.json';
import { runScenario } from '../engine';
import { parseScenario } from '../engine';
import { FIX_NAMES, LEVEL_IDS, LEVELS, WARNINGS, type Fixes, type LevelId, type WarningKind } from '../engine';
import { callout } from './callouts';

/** The warnings a scenario file's run raises, with the switches it ran with. */
function warningsOf(
  file: unknown,
  choices: readonly number[] = [],
): { warnings: WarningKind[]; fixes: Partial<Fixes> } {
  const { scenario } = parseScenario(file);
  const run = runScenario(scenario, { choices });
  const warnings = run.events.flatMap((e) => (e.type === 'monitor.warned' ? [e.warning] : []));
  return { warnings, fixes: scenario.options.fixes ?? {} };
}

describe('callout', () => {
  it('follows the registry: a level’s own bug points to the level the registry says fixes it', () => {
    let checked = 0;
    for (const level of LEVEL_IDS) {
      for (const [warning, fixer] of Object.entries(LEVELS[level].fixedBy)) {
        expect(callout(warning as WarningKind, level).fixedBy, `${warning} on ${level}`).toBe(fixer);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it.each(WARNINGS)('explains %s on every level, pointing only forward', (warning) => {
    for (const level of LEVEL_IDS) {
      const c = callout(warning, level);
      expect(c.title.length).toBeGreaterThan(8);
      expect(c.body.split(' ').length).toBeGreaterThan(12);
      expect(c.body).toMatch(/[.!]$/);
      expect(c.fixLabel === null).toBe(c.fixedBy === null);
      if (c.fixedBy !== null) {
        expect(LEVEL_IDS).toContain(c.fixedBy);
        // Forward along the path; a level with switches is its own fix, switched off.
        if (LEVELS[level].options.fixes === undefined)
          expect(LEVELS[c.fixedBy].order).toBeGreaterThan(LEVELS[level].order);
        else expect(c.fixedBy).toBe(level);
      }
    }
  });

  it('gives every warning its own title', () => {
    const titles = WARNINGS.map((w) => callout(w, 'level2').title);
    expect(new Set(titles).size).toBe(WARNINGS.length);
  });

  const fixes: [WarningKind, LevelId, LevelId | null][] = [
    ['unbounded-growth', 'level1', 'level2'],
    ['dirty-read', 'level1', 'level3'],
    ['dirty-read', 'level2', 'level3'],
    ['dirty-object', 'level2', 'level3'],
    ['dirty-read', 'database', 'production'],
    ['leaked', 'level3', 'level4'],
    ['leaked', 'level4', 'production'],
    ['dead-handout', 'level1', 'database'],
    ['dead-handout', 'level4', 'database'],
    ['dead-used', 'level2', 'database'],
    ['dead-used', 'database', null],
    ['exhausted', 'level2', 'production'],
    ['exhausted', 'database', 'production'],
    ['double-shelved', 'level1', 'production'],
    ['shared-object', 'level4', 'production'],
    ['counter-negative', 'level2', 'production'],
    ['over-max', 'database', 'production'],
    ['capacity-lost', 'database', 'production'],
    ['closed-with-borrowed', 'database', 'production'],
    ['created-after-close', 'database', 'production'],
    ['open-after-close', 'database', 'production'],
    ['timeout', 'production', null],
    ['leak-suspected', 'production', null],
  ];
  it.each(fixes)('points %s on %s at %s', (warning, level, fixedBy) => {
    expect(callout(warning, level).fixedBy).toBe(fixedBy);
  });

  it('speaks of books on the text’s levels and of connections on the database', () => {
    expect(callout('exhausted', 'level2').body).toContain('book');
    expect(callout('exhausted', 'database').body).toContain('connection');
  });

  it('blames a zero acquireTimeout, not a missing queue, when the production pool refuses', () => {
    expect(callout('exhausted', 'production').body).toMatch(/acquireTimeout 0/);
    expect(callout('exhausted', 'production').body).not.toMatch(/cannot make a reader wait/);
  });

  it('tells a Level 4 learner that the safe block was there', () => {
    expect(callout('leaked', 'level4').body).toMatch(/always returns/);
    expect(callout('leaked', 'level3').body).not.toMatch(/always returns/);
  });

  it('names the switch to turn back on, on the production page', () => {
    expect(callout('dirty-read', 'production').fixLabel).toMatch(/reset fix back on/);
    expect(callout('waiting-forever', 'production').fixLabel).toMatch(/timeout fix back on/);
  });
  it.each(WARNINGS)('explains %s on the production page whichever switches are off', (warning) => {
    for (let mask = 0; mask < 64; mask++) {
      const fixes = Object.fromEntries(FIX_NAMES.map((f, i) => [f, (mask & (1 << i)) === 0])) as unknown as Fixes;
      const c = callout(warning, 'production', fixes);
      expect(c.body.split(' ').length).toBeGreaterThan(12);
      expect(c.body).toMatch(/[.!]$/);
      expect(c.fixLabel === null).toBe(c.fixedBy === null);
      // Advice to switch a fix back on names only switches that are off.
      const named = c.fixLabel?.startsWith('Switch') ? c.fixLabel : '';
      if (fixes.reset) expect(named).not.toMatch(/\breset\b/);
      if (fixes.lock) expect(named).not.toMatch(/thread safety/);
    }
  });

  it('does not tell a learner with validation off that validation was on (the production page’s dead connection)', () => {
    for (const warning of ['dead-handout', 'dead-used'] as const) {
      const off = callout(warning, 'production', { validate: false });
      expect(off.body).toMatch(/validation fix off/);
      expect(off.body).not.toMatch(/although this level checks|Validation only checks/);
      expect(off.fixLabel).toBe('Switch the validation fix back on');
      const on = callout(warning, 'production', { validate: true });
      expect(on.body).not.toMatch(/validation fix off/);
    }
    // With it on, a dead connection in a reader's hands died there: no switch brings it back.
    expect(callout('dead-used', 'production', { validate: true }).body).toMatch(/died while the reader was holding it/);
  });

  it('blames the race, not a second return, for a connection two readers hold on the production page', () => {
    const race = warningsOf(sameBook);
    expect(race.fixes).toEqual({ lock: false });
    expect(race.warnings).toContain('shared-object');
    const c = callout('shared-object', 'production', race.fixes);
    expect(c.body).toMatch(/^With thread safety off, two readers looked at the top of the shelf/);
    expect(c.body).not.toMatch(/No level of the text|return(ed)? (it )?twice/);
    expect(c.fixLabel).toBe('Switch the thread safety fix back on');
    // A text level's shared book comes from a second return, and the text's words stay.
    expect(callout('shared-object', 'level3').body).toMatch(/No level of the text checks what it is given back/);
    expect(callout('shared-object', 'production', { lock: true }).body).toMatch(/refuses a release it did not lend/);
  });

  describe('a dirty connection on the production page', () => {
    const dirty = ['dirty-read', 'dirty-object'] as const;

    it.each(dirty)('blames the reset switch for %s when only reset is off', (warning) => {
      const c = callout(warning, 'production', { reset: false });
      expect(c.fixLabel).toBe('Switch the reset fix back on');
      expect(c.body).toMatch(/reset fix off/);
      expect(c.body).not.toMatch(/thread safety/);
    });

    it.each(dirty)('blames thread safety for %s when the lock is off and reset is on', (warning) => {
      const c = callout(warning, 'production', { lock: false, reset: true });
      expect(c.fixLabel).toBe('Switch the thread safety fix back on');
      expect(c.body).toMatch(/with thread safety off, .*(at once|at the same time)/);
      expect(c.body).toMatch(/although the reset fix cleans on return/);
    });

    it.each(dirty)('names both switches for %s when both are off', (warning) => {
      const c = callout(warning, 'production', { lock: false, reset: false });
      expect(c.fixLabel).toBe('Switch the reset and thread safety fixes back on');
      expect(c.body).toMatch(/reset off/);
      expect(c.body).toMatch(/thread safety off/);
    });

    it.each(dirty)('offers both causes for %s when the switches are not known', (warning) => {
      const c = callout(warning, 'production');
      expect(c.fixLabel).toBe('Switch the reset fix back on, or the thread safety fix: whichever is off');
      expect(c.body).toMatch(/Two switches can do that/);
    });

    it('names thread safety for the dirty read the race makes, and reset for the one no cleaning makes', () => {
      const race = warningsOf(interleave, [1]);
      expect(race.fixes).toEqual({ lock: false });
      expect(race.warnings).toContain('dirty-read');
      expect(callout('dirty-read', 'production', race.fixes).fixLabel).toMatch(/thread safety fix back on/);

      const unclean = warningsOf(noReset);
      expect(unclean.fixes).toEqual({ reset: false });
      expect(unclean.warnings).toContain('dirty-read');
      expect(callout('dirty-read', 'production', unclean.fixes).fixLabel).toBe('Switch the reset fix back on');
    });
  });
});
