import { describe, expect, it } from 'vitest';
import type { Scenario } from '../engine';
import type { Story } from '../stories/types';
import interleave from '../../scenarios/production-interleave.json';
import { createLabStore } from './labStore';
import { selectAtEnd, selectEvent, selectWarningsSoFar, selectWorld } from './selectors';
import { handsOf, shelfOf } from './stage';
import { manualReadersOf } from './manual';

const dirty: Scenario = {
  level: 'level2',
  options: { minSize: 1, maxSize: 3 },
  seed: 7,
  steps: [
    { client: 'A', do: 'acquire' },
    { client: 'A', do: 'use', write: 'tz=UTC' },
    { client: 'A', do: 'release' },
    { client: 'B', do: 'acquire' },
    { client: 'B', do: 'read' },
  ],
};

const STORIES: Story[] = [
  {
    id: 'dirty',
    level: 'level2',
    title: 'A dirty book',
    summary: 'B reads A’s note.',
    expect: 'dirty-read',
    scenario: dirty,
  },
  {
    id: 'burst',
    level: 'level1',
    title: 'A burst',
    summary: 'More readers than books.',
    expect: 'unbounded-growth',
    scenario: {
      level: 'level1',
      options: { size: 1 },
      seed: 1,
      steps: [
        { client: 'A', do: 'acquire' },
        { client: 'B', do: 'acquire' },
      ],
    },
  },
];

const fresh = () => createLabStore({ stories: STORIES });
/** A store stepping line by line: every event a moment (the playback tests count events). */
const lineByLine = () => createLabStore({ stories: STORIES, lineByLine: true });

describe('createLabStore', () => {
  it('starts on Level 1 with the pool filled and the cursor at the end', () => {
    const store = fresh();
    const s = store.getState();
    expect(s.level).toBe('level1');
    expect(selectAtEnd(s)).toBe(true);
    expect(selectWorld(s).pool.available).toEqual([1, 2, 3, 4, 5]);
    expect(s.playing).toBe(false);
  });

  it('gives every test a store of its own', () => {
    const a = fresh();
    const b = fresh();
    a.getState().actions.openLevel('level3');
    expect(b.getState().level).toBe('level1');
  });

  it('loads a story at its start and plays it', () => {
    const store = lineByLine();
    store.getState().actions.loadStory('dirty');
    const s = store.getState();
    expect(s.level).toBe('level2');
    expect(s.storyId).toBe('dirty');
    expect(s.cursor).toBe(0);
    expect(s.playing).toBe(true);
    expect(s.optionText).toMatchObject({ minSize: '1', maxSize: '3' });
  });

  it('plays through virtual time at the chosen speed and stops at the end', () => {
    const store = lineByLine();
    store.getState().actions.loadStory('dirty');
    store.getState().actions.setSpeed(8);
    const { schedule } = store.getState();
    store.getState().actions.advance(schedule[3]! / 8);
    expect(store.getState().cursor).toBe(3);
    store.getState().actions.advance(1e9);
    const s = store.getState();
    expect(selectAtEnd(s)).toBe(true);
    expect(s.playing).toBe(false);
  });

  it('moves twice as far in the same real time at twice the speed', () => {
    const one = lineByLine();
    const two = lineByLine();
    for (const [store, speed] of [
      [one, 1],
      [two, 2],
    ] as const) {
      store.getState().actions.loadStory('dirty');
      store.getState().actions.setSpeed(speed);
      store.getState().actions.advance(1500);
    }
    expect(two.getState().playhead).toBeCloseTo(one.getState().playhead * 2);
    expect(two.getState().cursor).toBeGreaterThan(one.getState().cursor);
  });

  it('ignores advance while paused', () => {
    const store = lineByLine();
    store.getState().actions.loadStory('dirty', { play: false });
    store.getState().actions.advance(10_000);
    expect(store.getState().cursor).toBe(0);
  });

  it('shows exactly the same world after stepping back and forward', () => {
    const store = fresh();
    store.getState().actions.loadStory('dirty', { play: false });
    const a = store.getState().actions;
    for (let i = 0; i < 12; i++) a.stepForward();
    const before = selectWorld(store.getState());
    const event = selectEvent(store.getState());
    a.stepBack();
    a.stepBack();
    expect(selectWorld(store.getState())).not.toBe(before);
    a.stepForward();
    a.stepForward();
    expect(selectWorld(store.getState())).toBe(before);
    expect(selectEvent(store.getState())).toBe(event);
  });

  it('keeps the cursor inside the timeline', () => {
    const store = lineByLine();
    const a = store.getState().actions;
    a.jumpStart();
    a.stepBack();
    expect(store.getState().cursor).toBe(0);
    a.jumpEnd();
    a.stepForward();
    expect(store.getState().cursor).toBe(store.getState().run.events.length - 1);
    a.seek(-40);
    expect(store.getState().cursor).toBe(0);
  });

  it('restarts from the beginning when Play is pressed at the end', () => {
    const store = lineByLine();
    store.getState().actions.loadStory('dirty', { play: false });
    store.getState().actions.jumpEnd();
    store.getState().actions.play();
    expect(store.getState().cursor).toBe(0);
    expect(store.getState().playing).toBe(true);
  });

  it('keeps the speed between 0.25× and 8×', () => {
    const store = fresh();
    const a = store.getState().actions;
    for (let i = 0; i < 10; i++) a.faster();
    expect(store.getState().speed).toBe(8);
    for (let i = 0; i < 10; i++) a.slower();
    expect(store.getState().speed).toBe(0.25);
    a.setSpeed(100);
    expect(store.getState().speed).toBe(8);
    a.setSpeed(3);
    expect([2, 4]).toContain(store.getState().speed);
  });

  it('appends manual steps, replays, and puts the cursor on the newest event', () => {
    const store = fresh();
    const a = store.getState().actions;
    a.openLevel('level2');
    const reader = a.addReader();
    expect(reader).toBe('A');
    expect(a.act('A', 'acquire')).toBe(true);
    const s = store.getState();
    expect(s.scenario.steps).toEqual([{ client: 'A', do: 'acquire' }]);
    expect(selectAtEnd(s)).toBe(true);
    expect(handsOf(selectWorld(s), 'A').map((h) => h.object.id)).toEqual([2]);
  });

  it('refuses a manual step that cannot run, with a notice, and keeps the timeline', () => {
    const store = fresh();
    const a = store.getState().actions;
    a.openLevel('level2');
    a.addReader();
    const before = store.getState().run;
    expect(a.act('A', 'release')).toBe(false);
    expect(store.getState().run).toBe(before);
    expect(store.getState().notices.at(-1)?.text).toMatch(/A holds nothing/);
  });

  it('makes the double-release fault by hand and the monitor sees it', () => {
    const store = fresh();
    const a = store.getState().actions;
    a.openLevel('level3');
    a.addReader();
    a.act('A', 'acquire');
    a.act('A', 'release');
    a.act('A', 'release-again');
    const kinds = selectWarningsSoFar(store.getState()).map((w) => w.warning);
    expect(kinds).toContain('double-shelved');
    expect(kinds).toContain('counter-negative');
    const slots = shelfOf(selectWorld(store.getState()));
    expect(slots.map((x) => [x.object.id, x.slot, x.primary])).toEqual([
      [1, 0, true],
      [1, 1, false],
    ]);
    expect(slots.at(-1)?.nextOut).toBe(true);
  });

  it('adds steps to a story and remembers which story it was', () => {
    const store = fresh();
    const a = store.getState().actions;
    a.loadStory('dirty', { play: false });
    a.act('B', 'release');
    const s = store.getState();
    expect(s.storyId).toBeNull();
    expect(s.basedOn).toBe('dirty');
    expect(s.scenario.steps).toHaveLength(dirty.steps.length + 1);
  });

  it('names new readers with the next free letter', () => {
    const store = fresh();
    const a = store.getState().actions;
    a.loadStory('dirty', { play: false });
    expect(a.addReader()).toBe('C');
    expect(a.addReader()).toBe('D');
    expect(manualReadersOf(store.getState().run, store.getState().extraReaders).map((r) => r.name)).toEqual([
      'A',
      'B',
      'C',
      'D',
    ]);
  });

  it('puts a message beside a bad option and keeps the timeline running', () => {
    const store = fresh();
    const a = store.getState().actions;
    a.openLevel('level2');
    const run = store.getState().run;
    for (const [text, pattern] of [
      ['', /whole number/],
      ['-1', /negative/],
      ['abc', /not a number/],
      ['2.5', /whole number/],
      ['100000', /too many/],
    ] as const) {
      a.setOption('maxSize', text);
      expect(store.getState().optionErrors.maxSize).toMatch(pattern);
      expect(store.getState().run).toBe(run);
      expect(store.getState().optionText.maxSize).toBe(text);
    }
    a.setOption('maxSize', '1');
    expect(store.getState().optionErrors.maxSize).toMatch(/minSize \(2\) is above maxSize \(1\)/);
    a.setOption('minSize', '1');
    expect(store.getState().optionErrors).toEqual({});
    expect(store.getState().scenario.options).toMatchObject({ minSize: 1, maxSize: 1 });
  });

  it('keeps the learner’s steps when new sizes would break them', () => {
    const store = fresh();
    const a = store.getState().actions;
    a.openLevel('level1');
    a.addReader();
    a.act('A', 'acquire');
    a.kill(5);
    const steps = store.getState().scenario.steps;
    a.setOption('size', '2');
    const s = store.getState();
    expect(s.optionErrors.size).toMatch(/object 5 does not exist/);
    expect(s.scenario.steps).toBe(steps);
    expect(s.scenario.options.size ?? 5).toBe(5);
  });

  it('re-runs the learner’s steps with valid new sizes', () => {
    const store = fresh();
    const a = store.getState().actions;
    a.openLevel('level2');
    a.setOption('minSize', '0');
    a.setOption('maxSize', '1');
    a.addReader();
    a.addReader();
    a.act('A', 'acquire');
    a.act('B', 'acquire');
    expect(selectWarningsSoFar(store.getState()).map((w) => w.warning)).toContain('exhausted');
  });

  it('keeps each level’s work when the learner visits another level', () => {
    const store = fresh();
    const a = store.getState().actions;
    a.openLevel('level2');
    a.addReader();
    a.act('A', 'acquire');
    const steps = store.getState().scenario.steps;
    a.openLevel('level3');
    expect(store.getState().scenario.steps).toEqual([]);
    a.openLevel('level2');
    expect(store.getState().scenario.steps).toBe(steps);
  });

  it('opens a story at a given moment, clamping with a notice past the end', () => {
    const store = lineByLine();
    const a = store.getState().actions;
    a.openLevel('level2', { story: 'dirty', moment: 5 });
    expect(store.getState().cursor).toBe(5);
    expect(store.getState().playing).toBe(false);
    a.openLevel('level2', { story: 'dirty', moment: 99999 });
    expect(selectAtEnd(store.getState())).toBe(true);
    expect(store.getState().notices.at(-1)?.text).toMatch(/moment 99999/);
  });

  it('steps by beats: each step forward shows the last event of the next beat', () => {
    const store = fresh();
    const a = store.getState().actions;
    a.loadStory('dirty', { play: false });
    const { beats } = store.getState();
    expect(store.getState().cursor).toBe(beats[0]!.last);
    for (const b of beats.slice(1)) {
      a.stepForward();
      expect(store.getState().cursor).toBe(b.last);
    }
    expect(selectAtEnd(store.getState())).toBe(true);
    a.stepBack();
    expect(store.getState().cursor).toBe(beats.at(-2)!.last);
    a.jumpStart();
    expect(store.getState().cursor).toBe(beats[0]!.last);
  });

  it('opens the beat that holds a link’s event, and a beat’s own moment opens it again', () => {
    const store = fresh();
    const a = store.getState().actions;
    const { beats } = (a.loadStory('dirty', { play: false }), store.getState());
    const wide = beats.find((b) => b.last > b.first)!;
    for (let i = wide.first; i <= wide.last; i++) {
      a.openLevel('level2', { story: 'dirty', moment: i });
      expect(store.getState().cursor).toBe(wide.last);
    }
    a.seek(wide.first);
    expect(store.getState().cursor).toBe(wide.last);
  });

  it('steps through every event line by line, and back to beats', () => {
    const store = fresh();
    const a = store.getState().actions;
    a.loadStory('dirty', { play: false });
    a.setLineByLine(true);
    const at = store.getState().cursor;
    a.stepForward();
    expect(store.getState().cursor).toBe(at + 1);
    a.setLineByLine(false);
    const { beats, cursor } = store.getState();
    expect(beats.some((b) => b.last === cursor)).toBe(true);
  });

  it('plays beat by beat: the cursor only ever rests on a beat’s last event', () => {
    const store = fresh();
    const a = store.getState().actions;
    a.loadStory('dirty');
    const ends = new Set(store.getState().beats.map((b) => b.last));
    // 20 s of playing at most (the story plays in about 11).
    for (let k = 0; k < 400 && store.getState().playing; k++) {
      a.advance(50);
      expect(ends.has(store.getState().cursor)).toBe(true);
    }
    expect(selectAtEnd(store.getState())).toBe(true);
  });

  it('says so when a story does not belong to the level', () => {
    const store = fresh();
    store.getState().actions.openLevel('level3', { story: 'dirty' });
    expect(store.getState().storyId).toBeNull();
    expect(store.getState().notices.at(-1)?.text).toMatch(/no scenario called "dirty"/);
  });

  it('keeps at most four notices, and dismisses one by id', () => {
    const store = fresh();
    const a = store.getState().actions;
    for (let i = 0; i < 6; i++) a.notify(`n${i}`);
    const notices = store.getState().notices;
    expect(notices.map((n) => n.text)).toEqual(['n2', 'n3', 'n4', 'n5']);
    a.dismissNotice(notices[0]!.id);
    expect(store.getState().notices.map((n) => n.text)).toEqual(['n3', 'n4', 'n5']);
  });

  it('kills an object, restarts and closes the database by hand', () => {
    const store = fresh();
    const a = store.getState().actions;
    a.openLevel('database');
    a.addReader();
    a.act('A', 'acquire');
    expect(a.restart()).toBe(true);
    expect(a.act('A', 'release')).toBe(true);
    expect(selectWarningsSoFar(store.getState()).map((w) => w.warning)).toContain('capacity-lost');
    expect(a.closePool()).toBe(true);
    expect(a.kill(1)).toBe(true);
  });

  it('refuses steps the level does not have', () => {
    const store = fresh();
    const a = store.getState().actions;
    a.openLevel('level2');
    expect(a.restart()).toBe(false);
    expect(store.getState().notices.at(-1)?.text).toMatch(/no "restart" step/);
  });
  it('shows the options of a scenario it loads in the form, and keeps them through an option change', () => {
    const store = fresh();
    expect(store.getState().actions.loadScenario(dirty)).toBe(true);
    // The file's sizes, not the level's defaults (minSize 2, maxSize 10).
    expect(store.getState().optionText).toMatchObject({ minSize: '1', maxSize: '3' });
    store.getState().actions.setOption('maxSize', '4');
    expect(store.getState().optionErrors).toEqual({});
    expect(store.getState().scenario.options).toMatchObject({ minSize: 1, maxSize: 4 });
  });

  describe('hand-picked choices', () => {
    /** A production store running the interleave scenario with B run first at the first moment. */
    const handPicked = () => {
      const store = createLabStore({ level: 'production', stories: STORIES });
      expect(store.getState().actions.loadScenario(interleave, { choices: [1] })).toBe(true);
      expect(store.getState().choices).toEqual([1]);
      expect(store.getState().run.choicePoints[0]?.picked).toBe(1);
      return store;
    };

    it("clears them when a step added by hand replays in the scheduler's order", () => {
      const store = handPicked();
      expect(store.getState().actions.act('C', 'acquire')).toBe(true);
      expect(store.getState().choices).toBeNull();
      expect(store.getState().run.choicePoints).toEqual([]);
    });

    it('clears them when an option change replays the run', () => {
      const store = handPicked();
      store.getState().actions.setOption('maxSize', '2');
      expect(store.getState().optionErrors).toEqual({});
      expect(store.getState().choices).toBeNull();
      expect(store.getState().run.choicePoints).toEqual([]);
    });

    it('clears them when a story, a saved level or a fresh pool takes the stage', () => {
      const store = handPicked();
      store.getState().actions.loadStory('dirty', { play: false });
      expect(store.getState().choices).toBeNull();

      const again = handPicked();
      again.getState().actions.openLevel('level2');
      expect(again.getState().choices).toBeNull();

      const over = handPicked();
      over.getState().actions.startOver();
      expect(over.getState().choices).toBeNull();
    });

    it('keeps them while the cursor only moves over the same run', () => {
      const store = handPicked();
      store.getState().actions.jumpStart();
      store.getState().actions.stepForward();
      expect(store.getState().choices).toEqual([1]);
    });
  });
});
