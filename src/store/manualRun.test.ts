import { describe, expect, it } from 'vitest';
import type { Step } from '../engine';
import { STORIES } from '../stories';
import { decodeRun, encodeRun, MAX_RUN_CHARS, type ManualRun } from './fragment';
import { createLabStore } from './labStore';
import { readLink, writeLink } from './link';
import { defaultWrite } from './manual';
import { manualRunOf, runTextOf } from './manualRun';

const never = () => '\u0000';

/** The issue's run: on the database level, two readers; A acquires, uses, releases; B acquires, reads. */
function issueRun() {
  const store = createLabStore({ stories: STORIES });
  const a = store.getState().actions;
  a.openLevel('database');
  const [first, second] = [a.addReader(), a.addReader()];
  for (const act of ['acquire', 'use', 'release'] as const) expect(a.act(first, act)).toBe(true);
  for (const act of ['acquire', 'read'] as const) expect(a.act(second, act)).toBe(true);
  return store;
}

/** A store that opened `text` as a link's run on `level`, as the page does. */
function opened(level: 'database' | 'level1' | 'level2', text: string, moment: number | null = null) {
  const store = createLabStore({ stories: STORIES });
  const { words, notices } = readLink(`?level=${level}`, `#run=${encodeURIComponent(text)}`);
  store.getState().actions.openLevel(level);
  const ok = words.run !== null && store.getState().actions.openRun(level, words.run, { moment });
  return { store, ok, notices: [...notices, ...store.getState().notices.map((n) => n.text)] };
}

describe('the run codec', () => {
  it('gives back every kind of step, field, name, size, reader and "Same instant"', () => {
    const steps: Step[] = [
      { client: 'A', do: 'acquire' },
      { client: 'A', do: 'use', write: 'tz = "Europe/Oslo" ✓, 50%~*.!' },
      { client: 'Renée B', do: 'read', at: 12.5 },
      { client: 'A', do: 'release', object: 2 },
      { client: 'B2', do: 'with', write: 'x', fail: true, at: 0.000001 },
      { client: 'C', do: 'fail' },
      { do: 'kill', object: 3 },
      { do: 'restart' },
      { client: 'D', do: 'close' },
    ];
    const run: ManualRun = {
      base: 'dirty-book-level2',
      sizes: { minSize: 0, maxSize: 1000 },
      steps,
      readers: ['E', 'Zoë'],
      same: 1234.25,
    };
    const text = encodeRun(run, never);
    expect(decodeRun(text)).toEqual({ run });
    // And through a whole link, beside a file and a query.
    const link = writeLink({ level: 'level2', moment: 7, file: { level: 'level2', steps: [] }, run: text });
    const back = readLink(link.slice(0, link.indexOf('#')), link.slice(link.indexOf('#')));
    expect(back.notices).toEqual([]);
    expect(back.words.run).toEqual(run);
    expect(back.words.moment).toBe(7);
  });

  it('writes the issue’s run in a few characters, leaving out the readers’ own notes', () => {
    const s = issueRun().getState();
    const text = runTextOf(s, STORIES, null)!;
    expect(text).toBe('1~~x10~A.a,A.u,A.l,B.a,B.r');
    expect(writeLink({ level: 'database', moment: s.cursor, run: text })).toBe(
      `?level=database&step=${s.cursor}#run=1~~x10~A.a%2CA.u%2CA.l%2CB.a%2CB.r`.replace(/%2C/g, ','),
    );
  });

  it.each([
    ['another version', '2~~~A.a', /it is not a run this lab writes \(it starts "2~~~A\.a"\)/],
    ['too many parts', '1~~~A.a~~~~', /more parts than a run has/],
    ['a story that is no name', '1~a b~~A.a', /its story is not a story’s name/],
    ['a size that is no size', '1~~q3~A.a', /its sizes are not sizes \("q3"\)/],
    ['a step kind it does not know', '1~~~A.a,A.z', /its step 2 is not a step \("A\.z"\)/],
    ['a note that is not base64url', '1~~~A.u*n%%%', /its step 1 is not a step/],
    ['a time that is not a number', '1~~~A.a*t1e5', /its step 1 is not a step/],
    ['a reader that is not a name', '1~~~A.a~A-B', /its readers are not names/],
    ['a "Same instant" that is no time', '1~~~A.a~~soon', /“Same instant” is not a time/],
  ])('refuses %s with one notice, and the page opens as it would without it', (_, text, message) => {
    const { store, ok, notices } = opened('level2', text);
    expect(ok).toBe(false);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^The link’s run cannot be opened: /);
    expect(notices[0]).toMatch(message);
    expect(store.getState().scenario.steps).toEqual([]);
    expect(store.getState().actions.act('A', 'acquire')).toBe(true);
  });

  it('says a run is too long for a link, once, past the limit', () => {
    const long = `1~~~${Array.from({ length: MAX_RUN_CHARS / 4 }, () => 'A.a').join(',')}`;
    const { words, notices } = readLink('?level=level1', `#run=${long}`);
    expect(words.run).toBeNull();
    expect(notices).toEqual([
      `The link’s run is ${Math.round(long.length / 1000)} KB long; links carry runs of up to 16 KB, so it was not opened.`,
    ]);
  });
});

describe('a run built by hand, in a link and back', () => {
  it('gives back the issue’s run exactly: the same steps, readers, moment and world', () => {
    const built = issueRun().getState();
    expect(built.scenario.steps).toHaveLength(5);
    const { store, ok, notices } = opened('database', runTextOf(built, STORIES, null)!, built.cursor);
    expect(notices).toEqual([]);
    expect(ok).toBe(true);
    const s = store.getState();
    expect(s.scenario).toEqual(built.scenario);
    expect(s.cursor).toBe(built.cursor);
    expect(s.run.events).toEqual(built.run.events);
    expect(s.handSteps).toBe(5);
    // Undo works on what came from the link as on what was pressed.
    expect(s.actions.undo()).toBe(true);
    expect(store.getState().scenario.steps).toEqual(built.scenario.steps.slice(0, 4));
  });

  it('keeps the sizes chosen, the readers added, "Same instant" and the story it follows', () => {
    const store = createLabStore({ stories: STORIES });
    const a = store.getState().actions;
    a.loadStory('dirty-book-level2', { play: false });
    a.setOption('maxSize', '4');
    a.setSameInstant(true);
    a.act('A', 'acquire');
    a.act('B', 'use', 'my own note');
    a.addReader();
    const built = store.getState();
    const run = manualRunOf(built, STORIES, null)!;
    expect(run).toMatchObject({ base: 'dirty-book-level2', readers: ['C'] });
    expect(run.steps).toHaveLength(2);
    const { store: again, notices } = opened('level2', runTextOf(built, STORIES, null)!);
    expect(notices).toEqual([]);
    const s = again.getState();
    expect(s.scenario).toEqual(built.scenario);
    expect(s.optionText.maxSize).toBe('4');
    expect(s.extraReaders).toEqual(['C']);
    expect(s.sameInstant).toBe(built.sameInstant);
    expect(s.basedOn).toBe('dirty-book-level2');
  });

  it('has nothing to write for a story or a fresh pool as they came', () => {
    const store = createLabStore({ stories: STORIES });
    store.getState().actions.openLevel('database');
    expect(manualRunOf(store.getState(), STORIES, null)).toBeNull();
    store.getState().actions.loadStory('dirty-book-level2', { play: false });
    expect(manualRunOf(store.getState(), STORIES, null)).toBeNull();
  });

  it('says which step cannot run, counting from the first step pressed, and keeps the page', () => {
    const { store, ok, notices } = opened('level1', '1~~~A.a,.s');
    expect(ok).toBe(false);
    expect(notices).toEqual([
      'The link’s run cannot be opened: its step 2: level1 has no "restart" step (it has acquire, release, use, read, fail, kill).',
    ]);
    expect(store.getState().level).toBe('level1');
  });

  it('fills in each reader’s own note where the link left it out', () => {
    const { store } = opened('database', '1~~~A.a,A.u');
    expect(store.getState().scenario.steps[1]).toEqual({
      client: 'A',
      do: 'use',
      write: defaultWrite('database', 'A'),
    });
  });
});

describe('Undo', () => {
  it('takes back the last step pressed, one at a time, and the reader stays on the panel', () => {
    const store = issueRun();
    const a = store.getState().actions;
    expect(a.undo()).toBe(true);
    expect(a.undo()).toBe(true);
    const s = store.getState();
    expect(s.scenario.steps.map((x) => `${x.client} ${x.do}`)).toEqual(['A acquire', 'A use', 'A release']);
    expect(s.extraReaders).toEqual(['B']);
    expect(s.cursor).toBe(s.run.events.length - 1);
  });

  it('never takes back a story’s own steps', () => {
    const store = createLabStore({ stories: STORIES });
    const a = store.getState().actions;
    a.loadStory('dirty-book-level2', { play: false });
    const story = store.getState().scenario;
    expect(a.undo()).toBe(false);
    a.act('A', 'acquire');
    expect(a.undo()).toBe(true);
    expect(a.undo()).toBe(false);
    expect(store.getState().scenario.steps).toEqual(story.steps);
  });
});
