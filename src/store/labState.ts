/**
 * What the lab's store holds, and the state it starts in (in the manner of xyflow's
 * `initialState.ts`): one timeline (a recorded run of a scenario), a cursor on it, the playback
 * settings, and per level what the learner has done there. The actions that change it are in
 * labActions.ts (pages, playback, options, notices) and manual.ts (manual mode); labStore.ts puts
 * them together.
 *
 * Going back and forth is free and exact: the timeline is immutable and every event carries the
 * whole world after it, so a position of the cursor is a page of the lab, nothing more.
 */
import type { StoreApi } from 'zustand/vanilla';
import { LEVEL_IDS, LEVELS, runScenario, type RunResult } from '../engine';
import type { LevelId, LevelOptions, PoolEvent, Scenario, WarningKind } from '../engine';
import type { Story } from '../stories/types';
import { checkOptions, defaultOptionText } from './options';
import { beatsOf, type Beat } from './beats';
import { scheduleOf } from './schedule';
import type { ManualRun } from './fragment';

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
  readonly handSteps: number;
  readonly fromFile: boolean;
}

export type ReaderAction = 'acquire' | 'use' | 'read' | 'release' | 'release-again' | 'fail' | 'with' | 'with-fail';

/** Everything that changes the lab: labActions.ts makes the first group, manual.ts the manual mode. */
export interface LabActions {
  /** Show a page of the path that is not a lab level (the analogy, the load lab…). */
  showPage(page: string): void;
  /** Open a lab level: its saved session, or a story, or a fresh pool; `moment` puts the cursor there. */
  openLevel(level: LevelId, opts?: { story?: string | null; moment?: number | null; play?: boolean }): void;
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
  /** Go to the moment showing event `index`: its beat (line by line: the event itself). */
  seek(index: number): void;
  /** Go to moment `n` of the timeline as the learner steps it: beat `n`, or event `n` line by line. */
  seekMoment(n: number): void;
  /** Step through every event ("line by line") instead of by beats. */
  setLineByLine(on: boolean): void;
  setSpeed(speed: number): void;
  faster(): void;
  slower(): void;
  /** Real milliseconds have passed while playing. */
  advance(realMs: number): void;

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

  // ── manual mode (manual.ts) ──
  addReader(): string;
  act(reader: string, action: ReaderAction, write?: string): boolean;
  kill(objectId: number): boolean;
  restart(): boolean;
  closePool(): boolean;
  /** Take back the last step added by hand; false (and nothing changes) when there is none. */
  undo(): boolean;
  /**
   * Open a run built by hand (from a link): on top of its story, of `file` (the link's file), or
   * of a fresh pool; its steps checked as a file's are. False, with a notice, if it cannot run.
   */
  openRun(level: LevelId, run: ManualRun, opts?: { file?: Scenario | null; moment?: number | null }): boolean;
  /**
   * "Same instant": while on, every step added by hand gets `at` = the virtual time the run had
   * reached when it was turned on, so the group starts together (in file order) and runs
   * concurrently — how a learner makes a race by hand. Off: each step waits for the one before.
   */
  setSameInstant(on: boolean): void;
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
  /** The timeline's beats (beats.ts): what one step forward shows, unless `lineByLine`. */
  readonly beats: readonly Beat[];
  /**
   * The moment on the timeline in view: the index of its event. Stepping by beats, it is always
   * the last event of a beat (the beat's world is the one after all its events).
   */
  readonly cursor: number;
  /** Step through every event, one at a time, instead of by beats (for following the code). */
  readonly lineByLine: boolean;
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
   * While "same instant" is on, the virtual time (ms) at which the steps added by hand start
   * together; null while each step waits for the one before. A new scenario turns it off.
   */
  readonly sameInstant: number | null;
  /**
   * How many of the scenario's steps, at its end, were added by hand (Undo takes them back one by
   * one; a link carries them as a run). 0 for a story, a file or a fresh pool as they came.
   */
  readonly handSteps: number;
  /** Whether the scenario under the hand steps is a file (the link's) rather than a story or a fresh pool. */
  readonly fromFile: boolean;
  readonly actions: LabActions;
}

export interface LabDeps {
  readonly stories?: readonly Story[];
  readonly level?: LevelId;
  readonly speed?: number;
  /** Start stepping line by line (every event) instead of by beats. */
  readonly lineByLine?: boolean;
}

export type LabStore = StoreApi<LabState>;

/** What the actions are given: the store's own `set` and `get`, and a way to tell the learner. */
export interface ActionContext {
  readonly set: StoreApi<LabState>['setState'];
  readonly get: () => LabState;
  notify(text: string): void;
}

/** Where a store with no level given starts: the first level on the path that keeps a shelf (Level 1). */
const FIRST_LEVEL: LevelId = LEVEL_IDS.find((id) => LEVELS[id].shelf)!;

export function emptyScenario(level: LevelId, options: LevelOptions): Scenario {
  return { level, options, seed: 1, steps: [] };
}

/** The monitor's warnings among `events` from index `from` on, with their indexes. */
export function warningsFrom(events: readonly PoolEvent[], from = 0): WarningMark[] {
  const out: WarningMark[] = [];
  for (let index = from; index < events.length; index++) {
    const e = events[index]!;
    if (e.type === 'monitor.warned')
      out.push({ index, warning: e.warning, message: e.message, client: e.client, object: e.object });
  }
  return out;
}

/** The timeline of a scenario and what is derived once from it. */
export function timeline(scenario: Scenario, choices: readonly number[] | null = null) {
  const run = runScenario(scenario, choices ? { choices } : {});
  return { run, schedule: scheduleOf(run.events), warnings: warningsFrom(run.events), beats: beatsOf(run.events) };
}

export type Timeline = ReturnType<typeof timeline>;

/**
 * What the store holds for a scenario freshly run, with the cursor at event `c`: paused, and with
 * the hand-picked `choices` it ran under (none: the scheduler's own order).
 */
export function onStage(scenario: Scenario, t: Timeline, c: number, choices: readonly number[] | null = null) {
  return { scenario, ...t, choices, cursor: c, playhead: t.schedule[c] ?? 0, playing: false };
}

export function clampCursor(run: RunResult, i: number): number {
  return Math.max(0, Math.min(run.events.length - 1, Math.trunc(i)));
}

/** A level's size options as the form shows them. */
export function textOf(options: LevelOptions): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of ['size', 'minSize', 'maxSize'] as const)
    if (typeof options[k] === 'number') out[k] = String(options[k]);
  return out;
}

/** The size options a scenario runs with. */
export function optionsOf(scenario: Scenario): LevelOptions {
  const { size, minSize, maxSize } = scenario.options;
  return {
    ...(size === undefined ? {} : { size }),
    ...(minSize === undefined ? {} : { minSize }),
    ...(maxSize === undefined ? {} : { maxSize }),
  };
}

/** The store's first state, without its actions: a fresh pool on the first level, at its end. */
export function initialState(deps: LabDeps): Omit<LabState, 'actions'> {
  const level = deps.level ?? FIRST_LEVEL;
  const optionText = defaultOptionText(level);
  const scenario = emptyScenario(level, checkOptions(level, optionText).options ?? {});
  const first = timeline(scenario);
  return {
    page: level,
    level,
    scenario,
    storyId: null,
    basedOn: null,
    ...first,
    cursor: first.run.events.length - 1,
    playhead: first.schedule.at(-1) ?? 0,
    playing: false,
    speed: deps.speed ?? 1,
    extraReaders: [],
    optionText,
    optionErrors: {},
    notices: [],
    sessions: {},
    choices: null,
    sameInstant: null,
    handSteps: 0,
    fromFile: false,
    lineByLine: deps.lineByLine ?? false,
  };
}
