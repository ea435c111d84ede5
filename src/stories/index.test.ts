import { describe, expect, it } from 'vitest';
import { levelInfo } from '../engine';
import { runScenario, type RunResult } from '../engine';
import { parseScenario } from '../engine';
import { LEVEL_IDS, LEVELS, type WarningKind } from '../engine';
import { ALL_FIXES, type Fixes } from '../engine';
import { FIX_ROWS, switchesSaid } from './fixes';
import { LEVEL_PAGES, levelPageOf, previousPageOf, STORIES, storiesFor, storyById } from './index';
import { MORE_PRODUCTION_STORIES, PRODUCTION_ROWS, PRODUCTION_STORIES, productionStoryById } from './production';
import type { ProductionStory, Story } from './types';

/** Every story of every page: the lab levels' and the production page's. */
const EVERY_STORY: readonly Story[] = [...STORIES, ...PRODUCTION_STORIES];
/** A production story's run with its fixes replaced, as the page's switches replace them. */
const withFixes = (s: ProductionStory, fixes: Partial<Fixes>) => ({
  ...s.scenario,
  options: { ...s.scenario.options, fixes },
});

const warnings = (r: RunResult): WarningKind[] =>
  r.events.flatMap((e) => (e.type === 'monitor.warned' ? [e.warning] : []));

function runStory(id: string): RunResult {
  const s = storyById(id);
  if (!s) throw new Error(`no story ${id}`);
  return runScenario(s.scenario);
}

describe('stories', () => {
  it.each(EVERY_STORY.map((s) => [s.id, s] as const))('%s ends on the warning it promises', (_id, s) => {
    const choices = 'choices' in s ? (s as ProductionStory).choices : undefined;
    const result = runScenario(s.scenario, choices ? { choices } : {});
    expect(result.error).toBeNull();
    const found = warnings(result);
    expect(found).toContain(s.expect);
    expect(found.at(-1)).toBe(s.expect);
  });

  it.each(EVERY_STORY.map((s) => [s.id, s] as const))(
    '%s is a valid, short scenario file for its own level',
    (_id, s) => {
      expect(s.scenario.level).toBe(s.level);
      // Round-trips through the same checks a file from disk gets.
      expect(parseScenario(JSON.parse(JSON.stringify(s.scenario))).scenario).toEqual(s.scenario);
      expect(s.scenario.steps.length).toBeGreaterThanOrEqual(3);
      expect(s.scenario.steps.length).toBeLessThanOrEqual(15);
      expect(s.title.length).toBeGreaterThan(3);
      // A lab story's summary tells its plot; a production story's says what to look at.
      expect(s.summary.split(' ').length).toBeGreaterThan(PRODUCTION_STORIES.includes(s as ProductionStory) ? 5 : 10);
    },
  );

  it('gives every story a unique, url-safe id', () => {
    const ids = EVERY_STORY.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(encodeURIComponent(id)).toBe(id);
    }
  });

  it('finds stories by level and by id', () => {
    for (const { id } of LEVEL_PAGES) {
      const own = STORIES.filter((s) => s.level === id);
      expect(storiesFor(id)).toEqual(own);
    }
    expect(storiesFor('level3').length).toBeGreaterThanOrEqual(3);
    expect(storyById('dirty-book-level2')?.expect).toBe('dirty-read');
    expect(storyById('no-such-story')).toBeUndefined();
  });

  it('covers every level of the text with a double release', () => {
    const levels = STORIES.filter((s) => s.expect === 'shared-object').map((s) => s.level);
    expect(levels).toEqual(['level1', 'level2', 'level3', 'level4', 'database']);
  });
});

describe('the production stories', () => {
  const rowStories = PRODUCTION_STORIES.filter((s) => s.fix !== null);

  it.each(rowStories.map((s) => [s.id, s] as const))('%s has its own fix off, and only that one', (_id, s) => {
    expect(s.scenario.options.fixes).toEqual({ [s.fix!]: false });
  });

  it.each(rowStories.map((s) => [s.id, s] as const))('%s no longer warns once its fix is back on', (_id, s) => {
    const result = runScenario(withFixes(s, ALL_FIXES));
    expect(result.error).toBeNull();
    expect(warnings(result)).not.toContain(s.expect);
  });

  it('say, with their own fix on, that the problem does not happen, and only then', () => {
    for (const s of rowStories) {
      const name = FIX_ROWS[s.fix!].name;
      expect(switchesSaid(s.fix, [])).toBe(
        `Every fix is on. With ${name} on, this does not happen here: switch ${name} off to watch it happen.`,
      );
      // What the words promise is what the run with every fix on shows (the test above).
      expect(warnings(runScenario(withFixes(s, ALL_FIXES)))).not.toContain(s.expect);
      expect(switchesSaid(s.fix, [s.fix!])).toBe(`Switched off: ${name}.`);
    }
    expect(switchesSaid('lock', ['reset'])).toBe(
      'Switched off: Reset. With Thread safety on, this does not happen here: switch Thread safety off to watch it happen.',
    );
    for (const s of MORE_PRODUCTION_STORIES)
      expect(switchesSaid(s.fix, ['maxSize', 'lock'])).toBe('Switched off: Max size, Thread safety.');
  });

  it('are stories of the level whose fixes are switches', () => {
    for (const s of PRODUCTION_STORIES) expect(LEVELS[s.level].options.fixes).toBeDefined();
  });

  it('runs the pool at work, with every fix on, in the stories of no row', () => {
    expect(MORE_PRODUCTION_STORIES.map((s) => s.id)).toEqual(['queue', 'leak']);
    for (const s of MORE_PRODUCTION_STORIES) expect(s.scenario.options.fixes).toBeUndefined();
  });

  it('makes its race only in the order the learner picks', () => {
    const s = productionStoryById('pick-order')!;
    expect(s.choices).toEqual([1]);
    expect(warnings(runScenario(s.scenario))).toEqual([]);
  });

  it('gives every row of the text’s table a switch and at least one story, in the order of the fixes', () => {
    expect(PRODUCTION_ROWS.map((r) => r.fix)).toEqual(Object.keys(ALL_FIXES));
    expect(Object.keys(FIX_ROWS).sort()).toEqual(Object.keys(ALL_FIXES).sort());
    for (const row of PRODUCTION_ROWS) {
      expect(row.stories.length).toBeGreaterThan(0);
      expect(row.without).toBe(`No ${row.name.toLowerCase()}`);
    }
    expect(productionStoryById('same-book')?.fix).toBe('lock');
    expect(productionStoryById('no-such-story')).toBeUndefined();
  });
});

describe('what the stories show', () => {
  it('lets B read the note A left, on the levels without a reset', () => {
    for (const id of ['dirty-book-level1', 'dirty-book-level2']) {
      const r = runStory(id);
      expect(r.steps.at(-1)?.outcome.sees).toBe('timezone = UTC');
    }
  });

  it('brings the book back from a crash inside the safe block, clean', () => {
    const r = runStory('crash-inside-with-level4');
    expect(r.steps[0]?.outcome.bodyFailed).toBe(true);
    expect(r.steps[0]?.available).toContain(r.steps[0]?.outcome.object);
    expect(r.steps[1]?.outcome).toMatchObject({ object: r.steps[0]?.outcome.object, source: 'shelf' });
    expect(r.steps[2]?.outcome.sees).toBeNull();
  });

  it('wipes the setting with DISCARD ALL before B gets the connection', () => {
    const r = runStory('discard-all-database');
    expect(r.steps[3]?.outcome.object).toBe(r.steps[0]?.outcome.object);
    expect(r.steps[4]?.outcome.sees).toBeNull();
    expect(r.events.some((e) => e.type === 'statement.finished' && e.sql === 'DISCARD ALL' && e.ok)).toBe(true);
  });

  it('replaces the shelved connection after a restart and fails the lent one', () => {
    const r = runStory('restart-database');
    expect(r.steps[2]?.outcome.discarded?.length).toBeGreaterThan(0);
    expect(r.steps[2]?.outcome.source).toBe('created');
    expect(r.steps[4]?.outcome.error).toBe('dead');
  });

  it('refuses a reader after a leak although the pool is not really full', () => {
    const r = runStory('dies-while-borrowed-database');
    expect(warnings(r)).toEqual(['capacity-lost', 'exhausted']);
    expect(r.final.objects.filter((o) => o.alive && o.holders.length > 0)).toHaveLength(1);
  });

  it('lets the closed pool create, and leaves connections open', () => {
    const r = runStory('close-with-borrowed-database');
    expect(warnings(r)).toEqual(['closed-with-borrowed', 'created-after-close', 'open-after-close']);
  });

  it('grows past its starting size and keeps every book', () => {
    const r = runStory('grows-forever-level1');
    expect(r.final.pool.available.length).toBeGreaterThan(2);
  });
});

describe('level pages', () => {
  it('chains the text’s levels in the registry’s order, each after its predecessor', () => {
    const ids = LEVEL_PAGES.map((p) => p.id);
    expect(ids).toEqual(['level1', 'level2', 'level3', 'level4', 'database']);
    LEVEL_PAGES.forEach((page, i) => {
      expect(previousPageOf(page.id)?.id).toBe(i === 0 ? undefined : ids[i - 1]);
      expect(levelPageOf(page.id)).toBe(page);
      expect(LEVEL_IDS).toContain(page.id);
      expect(levelInfo(page.id)).toBeDefined();
      if (i > 0) expect(LEVELS[page.id].order).toBeGreaterThan(LEVELS[ids[i - 1]!].order);
      expect(page.solves.length).toBeGreaterThan(20);
    });
  });

  it('gives every page at least one story', () => {
    for (const page of LEVEL_PAGES) expect(storiesFor(page.id).length).toBeGreaterThan(0);
  });
});
