import { describe, expect, it } from 'vitest';
import { formatDeepLink, parseDeepLink, type LinkContext } from './deeplink';

const ctx: LinkContext = {
  pages: ['analogy', 'level1', 'level2', 'database'],
  isLab: (p) => p !== 'analogy',
  storiesOf: (p) => (p === 'level2' ? ['dirty-book', 'exhaustion'] : []),
  titleOf: (p) =>
    ({ analogy: 'the analogy', level1: 'Level 1', level2: 'Level 2', database: 'the database pool' })[p] ?? p,
};

describe('parseDeepLink', () => {
  it('reads a level, a scenario and a moment (the link’s step)', () => {
    expect(parseDeepLink('?level=level2&scenario=dirty-book&step=12', ctx)).toEqual({
      target: { page: 'level2', story: 'dirty-book', moment: 12 },
      notices: [],
    });
  });

  it('opens the start of the path with no query', () => {
    expect(parseDeepLink('', ctx)).toEqual({ target: { page: 'analogy', story: null, moment: null }, notices: [] });
  });

  it('accepts a level id in any case', () => {
    expect(parseDeepLink('?level=LEVEL1', ctx).target.page).toBe('level1');
  });

  it('opens the first page with a notice for an unknown level', () => {
    const { target, notices } = parseDeepLink('?level=level9&scenario=x&step=3', ctx);
    expect(target.page).toBe('analogy');
    expect(notices[0]).toMatch(/"level9"/);
    expect(notices.join(' ')).toMatch(/the analogy has no scenarios/);
  });

  it('keeps the level and drops an unknown scenario with a notice', () => {
    const { target, notices } = parseDeepLink('?level=level2&scenario=nope', ctx);
    expect(target).toEqual({ page: 'level2', story: null, moment: null });
    expect(notices).toEqual(['Level 2 has no scenario called "nope"; pick one from the buttons.']);
  });

  it('rejects moments that are not whole non-negative numbers', () => {
    for (const bad of ['-1', 'abc', '1.5', '1e3']) {
      const { target, notices } = parseDeepLink(`?level=level1&step=${bad}`, ctx);
      expect(target.moment).toBeNull();
      expect(notices[0]).toMatch(/not a moment on the timeline/);
    }
  });

  it('caps huge moments instead of failing', () => {
    expect(parseDeepLink('?level=level1&step=99999999999', ctx).target.moment).toBe(1_000_000);
  });

  it('leaves the rest of the link to a page that reads its own', () => {
    const owning: LinkContext = { ...ctx, pages: [...ctx.pages, 'production'], ownsLink: (p) => p === 'production' };
    expect(parseDeepLink('?level=production&scenario=dirty&off=reset&step=3', owning)).toEqual({
      target: { page: 'production', story: null, moment: null },
      notices: [],
    });
    // Other pages without stories still say what they ignored.
    expect(parseDeepLink('?level=analogy&scenario=dirty', owning).notices).toHaveLength(1);
  });

  it('quotes what it echoes from the link, control characters escaped, on one line', () => {
    const { notices } = parseDeepLink('?level=x%0AFAKE%1B%5B2J%E2%80%AE', ctx);
    expect(notices[0]).toMatch(/^The link asked for a level called "x\\nFAKE\\u001b\[2J\\u202e", which/);
  });

  it('clips what it quotes from a long bad value', () => {
    const { notices } = parseDeepLink(`?level=${'x'.repeat(200)}`, ctx);
    expect(notices[0]!.length).toBeLessThan(160);
  });
});

describe('a run built by hand in a link', () => {
  const run = {
    base: 'dirty-book',
    sizes: { maxSize: 3 },
    steps: [{ client: 'A', do: 'acquire' }],
    readers: [],
    same: null,
  };

  it('goes to a lab page, and its story wins over the query’s', () => {
    const { target, notices } = parseDeepLink(
      '?level=level2&scenario=dirty-book&step=4',
      ctx,
      '#run=1~dirty-book~x3~A.a',
    );
    expect(target).toEqual({ page: 'level2', story: null, moment: 4, run });
    expect(notices).toEqual([]);
    const other = parseDeepLink('?level=level2&scenario=exhaustion', ctx, '#run=1~dirty-book~x3~A.a');
    expect(other.notices).toEqual(['The link’s run follows its own story, so the scenario "exhaustion" was ignored.']);
  });

  it('is ignored, once, by a page without a stage', () => {
    const { target, notices } = parseDeepLink('?level=analogy', ctx, '#run=1~~~A.a');
    expect(target).toEqual({ page: 'analogy', story: null, moment: null });
    expect(notices).toEqual(['the analogy has no runs built by hand, so the link’s run was ignored.']);
  });

  it('is written into the fragment, beside the query', () => {
    expect(formatDeepLink({ page: 'level2', story: null, moment: 4, runText: '1~~x3~A.a,B.a' })).toBe(
      '?level=level2&step=4#run=1~~x3~A.a,B.a',
    );
  });
});

describe('formatDeepLink', () => {
  it('writes what parseDeepLink reads', () => {
    const target = { page: 'level2', story: 'exhaustion', moment: 7 };
    expect(parseDeepLink(formatDeepLink(target), ctx).target).toEqual(target);
  });

  it('leaves out an empty story and moment 0', () => {
    expect(formatDeepLink({ page: 'level1', story: null, moment: 0 })).toBe('?level=level1');
  });
});

describe('a lesson part', () => {
  it('is read from ?level=level2&part=fix, in any case, and written back the same', () => {
    const { target, notices } = parseDeepLink('?level=level2&part=FIX', ctx);
    expect(target).toEqual({ page: 'level2', story: null, moment: null, part: 'fix' });
    expect(notices).toEqual([]);
    expect(formatDeepLink(target)).toBe('?level=level2&part=fix');
    const withStory = { page: 'level2', story: 'exhaustion', moment: 7, part: 'question' } as const;
    expect(formatDeepLink(withStory)).toBe('?level=level2&part=question&scenario=exhaustion&step=7');
    expect(parseDeepLink(formatDeepLink(withStory), ctx).target).toEqual(withStory);
  });

  it('that the lesson does not have opens the lesson at its start, with a notice naming the parts', () => {
    const { target, notices } = parseDeepLink('?level=level2&part=fixx', ctx);
    expect(target).toEqual({ page: 'level2', story: null, moment: null });
    expect(notices).toEqual([
      'The lesson has no part called "fixx" (its parts are works, question, fix and recap), so it opens at its start.',
    ]);
  });

  it('on a page with no lesson is ignored, with a notice; on a page that owns its link too', () => {
    expect(parseDeepLink('?level=analogy&part=fix', ctx)).toEqual({
      target: { page: 'analogy', story: null, moment: null },
      notices: ['the analogy has no lesson parts, so part="fix" was ignored.'],
    });
    const owning: LinkContext = { ...ctx, pages: [...ctx.pages, 'production'], ownsLink: (p) => p === 'production' };
    expect(parseDeepLink('?level=production&part=fix', owning).notices).toEqual([
      'production has no lesson parts, so part="fix" was ignored.',
    ]);
  });
});
