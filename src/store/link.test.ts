import { describe, expect, it } from 'vitest';
import interleave from '../../scenarios/production-interleave.json';
import { simulateText } from '../engine';
import { formatDeepLink, parseDeepLink, type LinkContext } from './deeplink';
import { decodeFile, encodeFile } from './fragment';
import { MAX_OFF, readLink, writeLink } from './link';
import { formatProductionLink, parseProductionLink, type ProductionLinkContext } from './productionLink';
import { runFile } from './runFile';

const lab: LinkContext = {
  pages: ['analogy', 'level1', 'level2', 'database', 'production'],
  isLab: (p) => p.startsWith('level') || p === 'database',
  storiesOf: (p) => (p === 'level2' ? ['dirty-book-level2', 'exhaustion-level2'] : []),
  titleOf: (p) => ({ analogy: 'the analogy', level1: 'Level 1', level2: 'Level 2' })[p] ?? p,
  ownsLink: (p) => p === 'production',
  pageOfLevel: (l) => (['level1', 'level2', 'database', 'production'].includes(l) ? l : undefined),
};
const production: ProductionLinkContext = { scenarios: ['same-book', 'pick-order'], defaultScenario: 'same-book' };

describe('links the README has published', () => {
  // Every form README.md has ever shown (git log -p -- README.md): each must keep opening the same view.
  it('opens ?level=level2&scenario=dirty-book-level2&step=12 on that story at moment 12', () => {
    expect(parseDeepLink('?level=level2&scenario=dirty-book-level2&step=12', lab)).toEqual({
      target: { page: 'level2', story: 'dirty-book-level2', moment: 12 },
      notices: [],
    });
  });

  it('opens ?level=production&scenario=pick-order&off=lock,reset&choices=1,0&step=12 with those switches and picks', () => {
    const search = '?level=production&scenario=pick-order&off=lock,reset&choices=1,0&step=12';
    expect(parseDeepLink(search, lab)).toEqual({
      target: { page: 'production', story: null, moment: null },
      notices: [],
    });
    expect(parseProductionLink(search, production)).toEqual({
      view: { scenario: 'pick-order', off: ['lock', 'reset'], choices: [1, 0], moment: 12 },
      notices: [],
    });
    // …and the lab still writes that very link for that view.
    expect(formatProductionLink({ scenario: 'pick-order', off: ['reset', 'lock'], choices: [1, 0], moment: 12 })).toBe(
      search,
    );
  });
});

describe('readLink', () => {
  it('uses the first of a part given twice, and says so once', () => {
    const { words, notices } = readLink('?level=level2&level=level1&step=3&step=4&step=5');
    expect(words).toMatchObject({ level: 'level2', moment: 3 });
    expect(notices).toEqual(['The link gives level and step more than once; the first of each is used.']);
  });

  it('names at most three parts it does not read, in one short notice', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => `x${i}=1`).join('&');
    const { notices } = readLink(`?level=level1&${many}`);
    expect(notices).toEqual([
      'The link has parts the lab does not read ("x0", "x1", "x2" and 9,997 more), so they were ignored.',
    ]);
    // A 5,000-character name is shown as 20 characters and its length.
    const long = readLink(`?level=level1&${'y'.repeat(5000)}=1`).notices[0]!;
    expect(long).toContain(`"${'y'.repeat(20)}…" (5000 characters)`);
    expect(long.length).toBeLessThan(120);
  });

  it('reads at most MAX_OFF names of off, with one notice for the length and one for the names', () => {
    const names = Array.from({ length: 10_000 }, (_, i) => `nofix${i}`).join(',');
    const { view, notices } = parseProductionLink(`?off=lock,${names}`, production);
    expect(view.off).toEqual(['lock']);
    expect(notices).toHaveLength(2);
    expect(notices[0]).toBe(
      `The link’s off list names 10001 fixes; there are 6, so only the first ${MAX_OFF} names were read.`,
    );
    expect(notices[1]).toMatch(
      /^The link asked to switch off "nofix0", "nofix1", "nofix2" and 16 more, which are not fixes/,
    );
    for (const n of notices) expect(n.length).toBeLessThan(200);
  });

  it('reads at most 500 picks, with one notice', () => {
    const { words, notices } = readLink(`?choices=${Array(10_000).fill('1').join(',')}`);
    expect(words.choices).toHaveLength(500);
    expect(notices).toEqual(['The link picks at 10000 choice points; only the first 500 are used.']);
  });

  it('leaves an anchor in the fragment alone', () => {
    expect(readLink('?level=level1', '#main')).toEqual(readLink('?level=level1'));
  });

  it('reads whole numbers only as moments, and caps them', () => {
    for (const bad of ['1e3', '0x10', '-1', '1.5', ' ', 'NaN'])
      expect(readLink(`?step=${bad}`).words.moment).toBeNull();
    expect(readLink('?step=99999999999999999999').words.moment).toBe(1_000_000);
  });
});

describe('a file in the fragment', () => {
  const file = { level: 'level2', options: { maxSize: 2 }, seed: 3, steps: [{ client: 'Renée ✓', do: 'acquire' }] };

  it('carries the file byte for byte, in letters a link keeps as they are', () => {
    const text = encodeFile(file);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    const back = decodeFile(text);
    expect('file' in back && back.file.json).toEqual(file);
  });

  it('is checked as the CLI checks a file, with the same messages', () => {
    const bad = { level: 'level2', steps: [{ client: 'A', do: 'with' }] };
    const cli = simulateText(JSON.stringify(bad));
    expect(cli.ok).toBe(false);
    expect(decodeFile(encodeFile(bad))).toEqual({
      problem: 'step 1: level2 has no "with" step (it has acquire, release, use, read, fail, kill)',
    });
    const latin1 = btoa('{"level":"level1","steps":[{"client":"Ren\xe9e","do":"acquire"}]}').replace(/=+$/, '');
    expect(decodeFile(latin1)).toEqual({
      problem: 'not valid UTF-8: byte 41 (0xe9) does not begin a UTF-8 character; save the file as UTF-8',
    });
    expect(decodeFile('not*base64')).toEqual({ problem: 'it is not written in base64url (letters, digits, - and _)' });
  });

  it('opens on the page of its level, with the moment the link asks for', () => {
    const link = formatDeepLink({ page: 'level2', story: null, moment: 12, file: { json: file, scenario: null! } });
    expect(link).toBe(`?level=level2&step=12#file=${encodeFile(file)}`);
    const [search, hash] = [link.slice(0, link.indexOf('#')), link.slice(link.indexOf('#'))];
    const { target, notices } = parseDeepLink(search, lab, hash);
    expect(notices).toEqual([]);
    expect(target).toMatchObject({ page: 'level2', story: null, moment: 12 });
    expect(target.file?.json).toEqual(file);
    // A file of another level opens on its own page, and says so.
    expect(parseDeepLink('?level=level1', lab, hash).target.page).toBe('level2');
    expect(parseDeepLink('?level=level1', lab, hash).notices).toEqual([
      'The link’s file is a run of Level 2, so it opened Level 2.',
    ]);
  });

  it('carries a production run: its switches and picks come from the file', () => {
    const run = runFile(
      { level: 'production', options: interleave.options, seed: 1, steps: interleave.steps } as never,
      ['lock'],
      [1],
    );
    const link = formatProductionLink({
      scenario: 'file',
      off: ['lock'],
      choices: [1],
      moment: 30,
      file: { json: null, scenario: run as never },
    });
    const hash = link.slice(link.indexOf('#'));
    expect(link.startsWith('?level=production&step=30#file=')).toBe(true);
    const { view, notices } = parseProductionLink('?level=production&step=30', production, hash);
    expect(notices).toEqual([]);
    expect(view).toMatchObject({ scenario: 'file', off: ['lock'], choices: [1], moment: 30 });
  });
});

describe('writeLink', () => {
  it('writes the parts in one order, commas plain, empty ones left out', () => {
    expect(
      writeLink({ moment: 3, level: 'production', choices: [1, 0], off: ['reset', 'lock'], scenario: 'a b' }),
    ).toBe('?level=production&scenario=a%20b&off=lock,reset&choices=1,0&step=3');
    expect(writeLink({ level: 'level1', scenario: null, off: [], choices: null, moment: null })).toBe('?level=level1');
  });
});
