/**
 * The lab's store: one timeline (a recorded run of a scenario), a cursor on it, and the playback
 * settings. Panels read it through the selectors in `selectors.ts` and change it only through
 * `actions`. No React here, and no real time: `advance(ms)` is told how much real time passed by
 * the playback loop in the UI, the only place real time enters.
 *
 * Going back and forth is free and exact: the timeline is immutable and every event carries the
 * whole world after it, so a position of the cursor is a page of the lab, nothing more.
 *
 * Manual mode is a replay too: each button the learner presses appends a step to the scenario and
 * the (deterministic) engine runs it again from the start; the cursor goes to the newest event.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { levelInfo } from '../engine';
import { runScenario, type RunResult } from '../engine';
import { ScenarioError } from '../engine';
import { parseScenario, parseStep } from '../engine';
import type { LevelId, LevelOptions, Scenario, Step, WarningKind } from '../engine';
import type { Story } from '../stories/types';
import { checkOptions, defaultOptionText } from './options';
import { cursorAt, nextSpeed, scheduleOf, SPEEDS } from './schedule';

export interface Notice {
  readonly id: number;
  readonly text: string;
}

/** A warning of the monitor, where it happened on the timeline. */
export interface WarningMark {
  readonly index: number;
  readonly warning: WarningKind;
  readonly message: string;
  readonly client: string | null;
  readonly object: number | null;
}

/** What the learner has on one level; kept when they visit another and come back. */
export interface Session {
  readonly scenario: Scenario;
  /** The story playing, while its steps are untouched. */
  readonly storyId: string | null;
  /** The story the learner's own steps were added to, if any. */
  readonly basedOn: string | null;
  readonly cursor: number;
  /** Readers added by hand that have done nothing yet. */
  readonly extraReaders: readonly string[];
  readonly optionText: Readonly<Record<string, string>>;
  readonly optionErrors: Readonly<Record<string, string>>;
}

export type ReaderAction = 'acquire' | 'use' | 'read' | 'release' | 'release-again' | 'fail' | 'with' | 'with-fail';

export interface LabActions {
  /** Show a page of the path that is not a lab level (the analogy, the load lab…). */
  showPage(page: string): void;
  /** Open a lab level: its saved session, or a story, or a fresh pool. */
  openLevel(level: LevelId, opts?: { story?: string | null; step?: number | null; play?: boolean }): void;
  loadStory(id: string, opts?: { play?: boolean }): void;
  /** A fresh pool on the current level, with the options in the form. */
  startOver(): void;

  play(): void;
  pause(): void;
  togglePlay(): void;
  stepForward(): void;
  stepBack(): void;
  jumpStart(): void;
  jumpEnd(): void;
  seek(index: number): void;
  setSpeed(speed: number): void;
  faster(): void;
  slower(): void;
  /** Real milliseconds have passed while playing. */
  advance(realMs: number): void;

  addReader(): string;
  act(reader: string, action: ReaderAction, write?: string): boolean;
  kill(objectId: number): boolean;
  restart(): boolean;
  closePool(): boolean;
  /**
   * "Same moment": while on, every step added by hand gets `at` = the virtual time the run had
   * reached when it was turned on, so the group starts together (in file order) and runs
   * concurrently — how a learner makes a race by hand. Off: each step waits for the one before.
   */
  setSameMoment(on: boolean): void;
  setOption(name: string, text: string): void;
  /**
   * Put any scenario on the stage (the production page's switchboard): checked as a scenario file
   * is; with `choices`, a hand-picked interleaving (see run.ts). False, with a notice, if it is bad.
   */
  loadScenario(
    scenario: unknown,
    opts?: { choices?: readonly number[]; cursor?: number | 'end'; play?: boolean },
  ): boolean;

  notify(text: string): void;
  dismissNotice(id: number): void;
}

export interface LabState {
  /** The page of the path in view (a level id for lab levels). */
  readonly page: string;
  readonly level: LevelId;
  readonly scenario: Scenario;
  readonly storyId: string | null;
  readonly basedOn: string | null;
  readonly run: RunResult;
  /** Playback start of each event at 1×, in ms (see schedule.ts). */
  readonly schedule: readonly number[];
  readonly warnings: readonly WarningMark[];
  readonly cursor: number;
  /** Playback position at 1×, in ms; moves only while playing. */
  readonly playhead: number;
  readonly playing: boolean;
  readonly speed: number;
  readonly extraReaders: readonly string[];
  readonly optionText: Readonly<Record<string, string>>;
  readonly optionErrors: Readonly<Record<string, string>>;
  readonly notices: readonly Notice[];
  readonly sessions: Readonly<Partial<Record<LevelId, Session>>>;
  /**
   * The hand-picked interleaving the run on stage follows (loadScenario), or null for the
   * scheduler's. Every other re-run (a step added by hand, a new option, a story, a fresh pool)
   * runs in the scheduler's order and sets it back to null.
   */
  readonly choices: readonly number[] | null;
  /**
   * While "same moment" is on, the virtual time (ms) at which the steps added by hand start
   * together; null while each step waits for the one before. A new scenario turns it off.
   */
  readonly sameMoment: number | null;
  readonly actions: LabActions;
}

export interface LabDeps {
  readonly stories?: readonly Story[];
  readonly level?: LevelId;
  readonly speed?: number;
}

export type LabStore = StoreApi<LabState>;

const READER_NAMES = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const MAX_NOTICES = 4;

function emptyScenario(level: LevelId, options: LevelOptions): Scenario {
  return { level, options, seed: 1, steps: [] };
}

function warningsOf(run: RunResult): WarningMark[] {
  const out: WarningMark[] = [];
  run.events.forEach((e, index) => {
    if (e.type === 'monitor.warned')
      out.push({ index, warning: e.warning, message: e.message, client: e.client, object: e.object });
  });
  return out;
}

/** The timeline of a scenario and what is derived once from it. */
function timeline(scenario: Scenario, choices: readonly number[] | null = null) {
  const run = runScenario(scenario, choices ? { choices } : {});
  return { run, schedule: scheduleOf(run.events), warnings: warningsOf(run) };
}

type Timeline = ReturnType<typeof timeline>;

/**
 * What the store holds for a scenario freshly run, with the cursor at event `c`: paused, and with
 * the hand-picked `choices` it ran under (none: the scheduler's own order).
 */
function onStage(scenario: Scenario, t: Timeline, c: number, choices: readonly number[] | null = null) {
  return { scenario, ...t, choices, cursor: c, playhead: t.schedule[c] ?? 0, playing: false };
}

function clampCursor(run: RunResult, i: number): number {
  return Math.max(0, Math.min(run.events.length - 1, Math.trunc(i)));
}

/** A default note per reader, so two readers' writing can be told apart. */
export function defaultWrite(level: LevelId, reader: string): string {
  if (level === 'database' || level === 'production') {
    const zones = ['UTC', 'Asia/Tokyo', 'America/Lima', 'Europe/Oslo', 'Africa/Nairobi'];
    const i = Math.max(0, READER_NAMES.indexOf(reader.charAt(0))) % zones.length;
    return `timezone = '${zones[i]}'`;
  }
  return `${reader}'s note`;
}

export function createLabStore(deps: LabDeps = {}): LabStore {
  const stories = deps.stories ?? [];
  const storyById = (id: string) => stories.find((s) => s.id === id);
  let noticeId = 0;

  const initialLevel = deps.level ?? 'level1';
  const initialText = defaultOptionText(initialLevel);
  const initialScenario = emptyScenario(initialLevel, checkOptions(initialLevel, initialText).options ?? {});
  const first = timeline(initialScenario);

  return createStore<LabState>()((set, get) => {
    const sessionOf = (s: LabState): Session => ({
      scenario: s.scenario,
      storyId: s.storyId,
      basedOn: s.basedOn,
      cursor: s.cursor,
      extraReaders: s.extraReaders,
      optionText: s.optionText,
      optionErrors: s.optionErrors,
    });

    /**
     * Put a scenario on the stage with the cursor at `cursor` ('end' for the newest event). It runs
     * in the scheduler's order, so no hand-picked `choices` are left behind.
     */
    const load = (scenario: Scenario, extra: Partial<LabState>, cursor: number | 'end', play = false) => {
      const t = timeline(scenario);
      const c = cursor === 'end' ? t.run.events.length - 1 : clampCursor(t.run, cursor);
      set({ ...onStage(scenario, t, c), playing: play && c < t.run.events.length - 1, sameMoment: null, ...extra });
    };

    const notify = (text: string) => {
      const notice = { id: ++noticeId, text };
      set((s) => ({ notices: [...s.notices.filter((n) => n.text !== text), notice].slice(-MAX_NOTICES) }));
    };

    const moveTo = (i: number) => {
      const s = get();
      const c = clampCursor(s.run, i);
      set({ cursor: c, playhead: s.schedule[c] ?? 0 });
    };

    /** Append a step by hand and replay; a step that cannot run is refused with a notice. */
    const addStep = (asked: Step): boolean => {
      const s = get();
      const step: Step = s.sameMoment === null ? asked : { ...asked, at: s.sameMoment };
      try {
        parseStep(s.level, step as unknown, s.scenario.steps.length);
      } catch (e) {
        if (e instanceof ScenarioError) {
          notify(`That can't be done here: ${e.message}.`);
          return false;
        }
        throw e;
      }
      const scenario: Scenario = { ...s.scenario, steps: [...s.scenario.steps, step] };
      const t = timeline(scenario);
      if (t.run.error) {
        notify(`That can't be done now: ${t.run.error.message}.`);
        return false;
      }
      const c = t.run.events.length - 1;
      // The replay ran in the scheduler's order: a hand-picked interleaving no longer applies.
      set({
        ...onStage(scenario, t, c),
        basedOn: s.storyId ?? s.basedOn,
        storyId: null,
        extraReaders: step.client ? s.extraReaders.filter((r) => r !== step.client) : s.extraReaders,
      });
      return true;
    };

    const readerNames = (s: LabState): string[] => {
      const names = s.run.final.clients.map((c) => c.name);
      for (const r of s.extraReaders) if (!names.includes(r)) names.push(r);
      return names;
    };

    const lastReleased = (s: LabState, reader: string): number | null => {
      for (let i = s.run.steps.length - 1; i >= 0; i--) {
        const r = s.run.steps[i]!;
        if (r.step.client === reader && r.step.do === 'release' && r.outcome.object !== undefined)
          return r.outcome.object;
      }
      return null;
    };

    const actions: LabActions = {
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
        if (opts.story && (!story || story.level !== level))
          notify(`This level has no scenario called "${opts.story}".`);
        set({ page: level, level, sessions });
        if (story && story.level === level) {
          const text = { ...defaultOptionText(level), ...textOf(story.scenario.options) };
          load(
            story.scenario,
            { storyId: story.id, basedOn: null, extraReaders: [], optionText: text, optionErrors: {} },
            opts.step ?? 0,
            opts.play ?? false,
          );
        } else {
          const saved = sessions[level];
          if (saved) {
            const { cursor, ...rest } = saved;
            load(saved.scenario, rest, opts.step ?? cursor, opts.play ?? false);
          } else {
            const text = defaultOptionText(level);
            const options = checkOptions(level, text).options ?? {};
            load(
              emptyScenario(level, options),
              { storyId: null, basedOn: null, extraReaders: [], optionText: text, optionErrors: {} },
              opts.step ?? 'end',
            );
          }
        }
        if (opts.step != null) {
          const last = get().run.events.length - 1;
          if (opts.step > last)
            notify(`The link asked for step ${opts.step}, but this timeline has ${last} steps; showing the last.`);
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
        const text = { ...defaultOptionText(story.level), ...textOf(story.scenario.options) };
        load(
          story.scenario,
          { storyId: id, basedOn: null, extraReaders: [], optionText: text, optionErrors: {} },
          0,
          opts.play ?? true,
        );
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
        set({ playing: false });
        moveTo(get().cursor + 1);
      },
      stepBack() {
        set({ playing: false });
        moveTo(get().cursor - 1);
      },
      jumpStart() {
        set({ playing: false });
        moveTo(0);
      },
      jumpEnd() {
        set({ playing: false });
        moveTo(get().run.events.length - 1);
      },
      seek(index) {
        set({ playing: false });
        moveTo(index);
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

      addReader() {
        const s = get();
        const taken = new Set(readerNames(s));
        let name = [...READER_NAMES].find((n) => !taken.has(n));
        for (let i = 2; !name; i++) name = [...READER_NAMES].map((n) => `${n}${i}`).find((n) => !taken.has(n));
        set({ extraReaders: [...s.extraReaders, name] });
        return name;
      },

      act(reader, action, write) {
        const s = get();
        switch (action) {
          case 'acquire':
          case 'read':
          case 'release':
          case 'fail':
            return addStep({ client: reader, do: action });
          case 'use':
            return addStep({ client: reader, do: 'use', write: write?.trim() || defaultWrite(s.level, reader) });
          case 'release-again': {
            const id = lastReleased(s, reader);
            if (id === null) {
              notify(`${reader} has not released anything yet.`);
              return false;
            }
            return addStep({ client: reader, do: 'release', object: id });
          }
          case 'with':
          case 'with-fail': {
            const step: Step = { client: reader, do: 'with', write: write?.trim() || defaultWrite(s.level, reader) };
            return addStep(action === 'with-fail' ? { ...step, fail: true } : step);
          }
        }
      },
      kill(objectId) {
        return addStep({ do: 'kill', object: objectId });
      },
      restart() {
        return addStep({ do: 'restart' });
      },
      closePool() {
        return addStep({ do: 'close' });
      },
      setSameMoment(on) {
        const s = get();
        set({ sameMoment: on ? (s.run.events.at(-1)?.t ?? 0) : null });
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
          sameMoment: null,
        });
        return true;
      },

      notify,
      dismissNotice(id) {
        set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
      },
    };

    return {
      page: initialLevel,
      level: initialLevel,
      scenario: initialScenario,
      storyId: null,
      basedOn: null,
      ...first,
      cursor: first.run.events.length - 1,
      playhead: first.schedule.at(-1) ?? 0,
      playing: false,
      speed: deps.speed ?? 1,
      extraReaders: [],
      optionText: initialText,
      optionErrors: {},
      notices: [],
      sessions: {},
      choices: null,
      sameMoment: null,
      actions,
    };
  });
}

function textOf(options: LevelOptions): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of ['size', 'minSize', 'maxSize'] as const)
    if (typeof options[k] === 'number') out[k] = String(options[k]);
  return out;
}

function optionsOf(scenario: Scenario): LevelOptions {
  const { size, minSize, maxSize } = scenario.options;
  return {
    ...(size === undefined ? {} : { size }),
    ...(minSize === undefined ? {} : { minSize }),
    ...(maxSize === undefined ? {} : { maxSize }),
  };
}
