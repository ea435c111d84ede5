import { describe, expect, it } from 'vitest';
import { levelInfo } from '../engine';
import { runScenario, type RunResult } from '../engine';
import { parseScenario } from '../engine';
import { LEVEL_IDS, type WarningKind } from '../engine';
import { LEVEL_PAGES, STORIES, storiesFor, storyById } from './index';

const warnings = (r: RunResult): WarningKind[] =>
  r.events.flatMap((e) => (e.type === 'monitor.warned' ? [e.warning] : []));

function runStory(id: string): RunResult {
  const s = storyById(id);
  if (!s) throw new Error(`no story ${id}`);
  return runScenario(s.scenario);
}

describe('stories', () => {
  it.each(STORIES.map((s) => [s.id, s] as const))('%s ends on the warning it promises', (_id, s) => {
    const result = runScenario(s.scenario);
    expect(result.error).toBeNull();
    const found = warnings(result);
    expect(found).toContain(s.expect);
    expect(found.at(-1)).toBe(s.expect);
  });

  it.each(STORIES.map((s) => [s.id, s] as const))('%s is a valid, short scenario file for its own level', (_id, s) => {
    expect(s.scenario.level).toBe(s.level);
    // Round-trips through the same checks a file from disk gets.
    expect(parseScenario(JSON.parse(JSON.stringify(s.scenario))).scenario).toEqual(s.scenario);
    expect(s.scenario.steps.length).toBeGreaterThanOrEqual(3);
    expect(s.scenario.steps.length).toBeLessThanOrEqual(15);
    expect(s.title.length).toBeGreaterThan(3);
    expect(s.summary.split(' ').length).toBeGreaterThan(10);
  });

  it('gives every story a unique, url-safe id', () => {
    const ids = STORIES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(encodeURIComponent(id)).toBe(id);
    }
  });

  it('finds stories by level and by id', () => {
    expect(storiesFor('level3').map((s) => s.id)).toEqual(STORIES.filter((s) => s.level === 'level3').map((s) => s.id));
    expect(storiesFor('level3').length).toBeGreaterThanOrEqual(3);
    expect(storyById('dirty-book-level2')?.expect).toBe('dirty-read');
    expect(storyById('no-such-story')).toBeUndefined();
  });

  it('covers every level of the text with a double release', () => {
    const levels = STORIES.filter((s) => s.expect === 'shared-object').map((s) => s.level);
    expect(levels).toEqual(['level1', 'level2', 'level3', 'level4', 'database']);
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
  it('chains the text’s levels in order, each naming its predecessor', () => {
    const ids = LEVEL_PAGES.map((p) => p.id);
    expect(ids).toEqual(['level1', 'level2', 'level3', 'level4', 'database']);
    LEVEL_PAGES.forEach((page, i) => {
      expect(page.previous).toBe(i === 0 ? null : ids[i - 1]);
      expect(LEVEL_IDS).toContain(page.id);
      expect(levelInfo(page.id)).toBeDefined();
      expect(page.adds.length).toBeGreaterThan(20);
      expect(page.solves.length).toBeGreaterThan(20);
    });
  });

  it('gives every page at least one story', () => {
    for (const page of LEVEL_PAGES) expect(storiesFor(page.id).length).toBeGreaterThan(0);
  });
});
