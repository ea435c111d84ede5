/**
 * The lab's actions, apart from manual mode (manual.ts): which page and level is open, playback
 * over the timeline, the options form, putting a scenario on the stage, and notices. No real time
 * here: `advance(ms)` is told how much real time passed by the playback loop in the UI, the only
 * place real time enters.
 */
import { levelInfo } from '../engine';
import { ScenarioError } from '../engine';
import { parseScenario } from '../engine';
import type { Scenario } from '../engine';
import type { Story } from '../stories/types';
import {
  clampCursor,
  emptyScenario,
  onStage,
  optionsOf,
  textOf,
  timeline,
  type ActionContext,
  type LabActions,
  type LabState,
  type Session,
} from './labState';
import { checkOptions, defaultOptionText } from './options';
import { cursorAt, nextSpeed, SPEEDS } from './schedule';

/** Every action but manual mode's. */
export type MainActions = Omit<
  LabActions,
  | 'addReader'
  | 'act'
  | 'kill'
  | 'restart'
  | 'closePool'
  | 'setSameInstant'
  | 'undo'
  | 'openRun'
  | 'notify'
  | 'dismissNotice'
>;

const sessionOf = (s: LabState): Session => ({
  scenario: s.scenario,
  storyId: s.storyId,
  basedOn: s.basedOn,
  cursor: s.cursor,
  extraReaders: s.extraReaders,
  optionText: s.optionText,
  optionErrors: s.optionErrors,
  handSteps: s.handSteps,
  fromFile: s.fromFile,
});

export function createActions({ set, get, notify }: ActionContext, stories: readonly Story[]): MainActions {
  const storyById = (id: string) => stories.find((s) => s.id === id);

  /**
   * Put a scenario on the stage with the cursor at `cursor` ('end' for the newest event). It runs
   * in the scheduler's order, so no hand-picked `choices` are left behind.
   */
  const load = (scenario: Scenario, extra: Partial<LabState>, cursor: number | 'end', play = false) => {
    const t = timeline(scenario);
    const c = cursor === 'end' ? t.run.events.length - 1 : clampCursor(t.run, cursor);
    set({
      ...onStage(scenario, t, c),
      playing: play && c < t.run.events.length - 1,
      sameInstant: null,
      handSteps: 0,
      fromFile: false,
      ...extra,
    });
  };

  /** A story on the stage, its options in the form. */
  const loadStoryScenario = (story: Story, cursor: number, play: boolean) => {
    const text = { ...defaultOptionText(story.level), ...textOf(story.scenario.options) };
    load(
      story.scenario,
      { storyId: story.id, basedOn: null, extraReaders: [], optionText: text, optionErrors: {} },
      cursor,
      play,
    );
  };

  const moveTo = (i: number) => {
    const s = get();
    const c = clampCursor(s.run, i);
    set({ cursor: c, playhead: s.schedule[c] ?? 0 });
  };

  /** Stop playing and go to moment `i`. */
  const goTo = (i: number) => {
    set({ playing: false });
    moveTo(i);
  };

  const actions: MainActions = {
    showPage(page) {
      set((s) => ({ page, playing: false, sessions: { ...s.sessions, [s.level]: sessionOf(s) } }));
    },

    openLevel(level, opts = {}) {
      if (!levelInfo(level)) {
        notify(`There is no level called "${level}".`);
        return;
      }
      const s = get();
      const sessions = { ...s.sessions, [s.level]: sessionOf(s) };
      const story = opts.story ? storyById(opts.story) : undefined;
      if (opts.story && (!story || story.level !== level)) notify(`This level has no scenario called "${opts.story}".`);
      set({ page: level, level, sessions });
      if (story && story.level === level) {
        loadStoryScenario(story, opts.moment ?? 0, opts.play ?? false);
      } else {
        const saved = sessions[level];
        if (saved) {
          const { cursor, ...rest } = saved;
          load(saved.scenario, rest, opts.moment ?? cursor, opts.play ?? false);
        } else {
          const text = defaultOptionText(level);
          const options = checkOptions(level, text).options ?? {};
          load(
            emptyScenario(level, options),
            { storyId: null, basedOn: null, extraReaders: [], optionText: text, optionErrors: {} },
            opts.moment ?? 'end',
          );
        }
      }
      if (opts.moment != null) {
        const last = get().run.events.length - 1;
        if (opts.moment > last)
          notify(`The link asked for moment ${opts.moment}, but this timeline ends at moment ${last}; showing that.`);
      }
    },

    loadStory(id, opts = {}) {
      const story = storyById(id);
      if (!story) {
        notify(`There is no scenario called "${id}".`);
        return;
      }
      if (story.level !== get().level) {
        actions.openLevel(story.level, { story: id, play: opts.play ?? true });
        return;
      }
      loadStoryScenario(story, 0, opts.play ?? true);
    },

    startOver() {
      const s = get();
      const checked = checkOptions(s.level, s.optionText);
      const options = checked.options ?? optionsOf(s.scenario);
      load(emptyScenario(s.level, options), { storyId: null, basedOn: null, extraReaders: [] }, 'end');
    },

    play() {
      const s = get();
      const last = s.run.events.length - 1;
      if (s.cursor >= last) {
        // At the end, Play starts again from the beginning.
        set({ cursor: 0, playhead: 0, playing: last > 0 });
      } else set({ playing: true, playhead: s.schedule[s.cursor] ?? 0 });
    },
    pause() {
      set({ playing: false });
    },
    togglePlay() {
      if (get().playing) actions.pause();
      else actions.play();
    },
    stepForward() {
      goTo(get().cursor + 1);
    },
    stepBack() {
      goTo(get().cursor - 1);
    },
    jumpStart() {
      goTo(0);
    },
    jumpEnd() {
      goTo(get().run.events.length - 1);
    },
    seek(index) {
      goTo(index);
    },
    setSpeed(speed) {
      const allowed = SPEEDS.reduce(
        (best, v) => (Math.abs(v - speed) < Math.abs(best - speed) ? v : best),
        SPEEDS[0] as number,
      );
      set({ speed: allowed });
    },
    faster() {
      set({ speed: nextSpeed(get().speed, 1) });
    },
    slower() {
      set({ speed: nextSpeed(get().speed, -1) });
    },
    advance(realMs) {
      const s = get();
      if (!s.playing || !(realMs > 0)) return;
      const last = s.run.events.length - 1;
      const end = s.schedule[last] ?? 0;
      const playhead = Math.min(end, s.playhead + realMs * s.speed);
      const cursor = Math.max(s.cursor, cursorAt(s.schedule, playhead));
      set({ playhead, cursor, playing: cursor < last });
    },

    setOption(name, text) {
      const s = get();
      const optionText = { ...s.optionText, [name]: text };
      const checked = checkOptions(s.level, optionText, name);
      if (!checked.options) {
        set({ optionText, optionErrors: checked.errors });
        return;
      }
      // Same steps, new sizes. If the learner's steps no longer run, keep what ran before.
      const scenario: Scenario = { ...s.scenario, options: { ...s.scenario.options, ...checked.options } };
      const t = timeline(scenario);
      if (t.run.error) {
        set({
          optionText,
          optionErrors: {
            [name]: `With this value your steps stop at step ${(t.run.error.stepIndex ?? 0) + 1}: ${t.run.error.message}. Start over to use it.`,
          },
        });
        return;
      }
      const c = s.cursor >= s.run.events.length - 1 ? t.run.events.length - 1 : clampCursor(t.run, s.cursor);
      set({
        ...onStage(scenario, t, c),
        optionText,
        optionErrors: {},
        basedOn: s.storyId ?? s.basedOn,
        storyId: null,
      });
    },

    loadScenario(raw, opts = {}) {
      let scenario: Scenario;
      try {
        scenario = parseScenario(raw).scenario;
      } catch (e) {
        if (!(e instanceof ScenarioError)) throw e;
        notify(`That scenario can't run: ${e.message}.`);
        return false;
      }
      const choices = opts.choices ?? null;
      const t = timeline(scenario, choices);
      if (t.run.error) {
        notify(`That scenario can't run: ${t.run.error.message}.`);
        return false;
      }
      const last = t.run.events.length - 1;
      const c = opts.cursor === undefined || opts.cursor === 'end' ? last : clampCursor(t.run, opts.cursor);
      set({
        page: scenario.level,
        level: scenario.level,
        ...onStage(scenario, t, c, choices),
        playing: (opts.play ?? false) && c < last,
        storyId: null,
        basedOn: null,
        extraReaders: [],
        // The form shows the options the file's run uses (the level's defaults where it says none).
        optionText: { ...defaultOptionText(scenario.level), ...textOf(scenario.options) },
        optionErrors: {},
        sameInstant: null,
        handSteps: 0,
        fromFile: true,
      });
      return true;
    },
  };
  return actions;
}
