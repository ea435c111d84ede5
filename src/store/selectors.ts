/**
 * Named selectors over the lab's state. Panels pick what they draw with these; nothing is derived
 * in JSX. What one world snapshot draws is in stage.ts (objects and places), readers.ts and
 * counts.ts; those `…Of(world)` derivations are meant for `useMemo` keyed on the world, which is
 * one object per event. Selectors that return a fresh array or object are meant for `useShallow`.
 */
import {
  innermostLine,
  linesOf,
  type Fixes,
  type LevelId,
  type LineId,
  type PoolEvent,
  type RunResult,
  type World,
} from '../engine';
import { beatIndexOf, operationOf, type Beat, type Operation } from './beats';
import type { LinkTarget } from './deeplink';
import type { LabState, WarningMark } from './labStore';

// ── the cursor ─────────────────────────────────────────────────────────────────────────────

/**
 * The run on stage. The manual panel grows its run's arrays in place (manualLive.ts), so whatever
 * derives from the events or the beats keys on the run (new at every change), never on an array.
 */
export const selectRun = (s: LabState): RunResult => s.run;
export const selectCursor = (s: LabState): number => s.cursor;
export const selectLastIndex = (s: LabState): number => s.run.events.length - 1;
export const selectEvent = (s: LabState): PoolEvent => s.run.events[s.cursor] ?? s.run.events[0]!;
export const selectWorld = (s: LabState): World => selectEvent(s).world ?? s.run.final;
/** The virtual clock at the cursor, in ms: the event's own time (the world says where things are, not when). */
export const selectNow = (s: LabState): number => {
  const e = selectEvent(s);
  return e.world ? e.t : s.run.time;
};
export const selectAtStart = (s: LabState): boolean => s.cursor <= (s.lineByLine ? 0 : (s.beats[0]?.last ?? 0));
export const selectAtEnd = (s: LabState): boolean => s.cursor >= s.run.events.length - 1;
export const selectPlaying = (s: LabState): boolean => s.playing;
export const selectSpeed = (s: LabState): number => s.speed;
export const selectLevel = (s: LabState): LevelId => s.level;
/** The production pool's switches the run on stage uses (a missing one is on); undefined on other levels. */
export const selectFixes = (s: LabState): Partial<Fixes> | undefined => s.scenario.options.fixes;
export const selectPage = (s: LabState): string => s.page;
export const selectNotices = (s: LabState) => s.notices;
export const selectStoryId = (s: LabState): string | null => s.storyId;
export const selectBasedOn = (s: LabState): string | null => s.basedOn;
export const selectOptionText = (s: LabState) => s.optionText;
export const selectOptionErrors = (s: LabState) => s.optionErrors;

// ── moments: beats, or events line by line ─────────────────────────────────────────────────

export const selectLineByLine = (s: LabState): boolean => s.lineByLine;
/** The beats of the run on stage (an array that may grow in place: key on `selectRun`). */
export const selectBeats = (s: LabState): readonly Beat[] => s.beats;
/** The moment that shows event `index`, as the learner steps: its beat's number, or line by line its own. */
export const momentOfEvent = (s: LabState, index: number): number =>
  s.lineByLine ? index : beatIndexOf(s.beats, index);
/** The moment in view as the learner steps: the beat's number, or line by line the event's. */
export const selectMoment = (s: LabState): number => momentOfEvent(s, s.cursor);
/** The last moment: the last beat's number, or line by line the last event's. */
export const selectLastMoment = (s: LabState): number =>
  s.lineByLine ? s.run.events.length - 1 : Math.max(0, s.beats.length - 1);

/**
 * The events the moment in view shows: its beat's, up to the cursor (line by line: the event at
 * the cursor alone), as [first, last] indices.
 */
export function selectShown(s: LabState): readonly [number, number] {
  if (s.lineByLine) return [s.cursor, s.cursor];
  const b = s.beats[beatIndexOf(s.beats, s.cursor)];
  return [b ? Math.min(b.first, s.cursor) : s.cursor, s.cursor];
}

/** The lines a line id names: the lines that called, outermost first, then the one that ran. */
export { linesOf };

/**
 * Every code step the moment in view ran, in the order they ran, each once: a beat lights every
 * line its events ran (a warning's line is its cause's, so it adds none), and the lines that called
 * them, first (`linesOf`: `get.acquire`, then `acquire.create`). For useShallow.
 */
export const selectCodeSteps = (s: LabState): LineId[] => {
  const [first, last] = selectShown(s);
  const out: LineId[] = [];
  for (let i = first; i <= last; i++) {
    const e = s.run.events[i];
    // Line by line, a warning lights its cause's line as it always has.
    if (!e || e.line === null || (!s.lineByLine && e.type === 'monitor.warned')) continue;
    for (const line of linesOf(e.line)) if (!out.includes(line)) out.push(line);
  }
  return out;
};

/** The operation (ACQUIRE, USE, RELEASE) of the moment in view, if it belongs to one. */
export const selectOperation = (s: LabState): Operation | null =>
  s.lineByLine ? operationOf(selectEvent(s)) : (s.beats[beatIndexOf(s.beats, s.cursor)]?.op ?? null);

/** Who ran the moment's code steps (a beat is one reader's, or the pool's own work). */
/**
 * Who runs the line an event was tagged with: its reader, except for the pool's own leak check,
 * which names the borrower it suspects (the production pool's background task runs it).
 */
const runnerOf = (e: PoolEvent): string | null => (e.type === 'leak.suspected' ? null : e.client);

export const selectCodeStepsClient = (s: LabState): string | null => {
  const [first, last] = selectShown(s);
  for (let i = first; i <= last; i++) {
    const e = s.run.events[i];
    if (e && e.line !== null && (s.lineByLine || e.type !== 'monitor.warned')) return runnerOf(e);
  }
  return null;
};

/** The code step the current event ran (a `// @step` marker), and who ran it. */
export const selectCodeStep = (s: LabState): LineId | null => selectEvent(s).line;
export const selectCodeClient = (s: LabState): string | null => {
  const e = selectEvent(s);
  return e.line === null ? null : runnerOf(e);
};

/** The newest code step run at or before the cursor, and by whom (for "last line run"). */
export const selectLastCodeStep = (s: LabState): { step: LineId; client: string | null } | null => {
  for (let i = s.cursor; i >= 0; i--) {
    const e = s.run.events[i];
    if (e && e.line !== null && e.type !== 'monitor.warned') return { step: innermostLine(e.line), client: e.client };
  }
  return null;
};

/** Every reader of the run, in the order they first acted. For useShallow. */
export const selectReaderNames = (s: LabState): string[] => s.run.final.clients.map((c) => c.name);

/** Where the page is, as a deep link. For useShallow. */
export const selectLink = (s: LabState): LinkTarget => ({ page: s.page, story: s.storyId, moment: s.cursor });

// ── warnings ───────────────────────────────────────────────────────────────────────────────

/** Each kind of warning seen up to the cursor, once, newest first (its latest occurrence). */
export const selectWarningsSoFar = (s: LabState): WarningMark[] => warningsUpTo(s.warnings, s.cursor);

export function warningsUpTo(marks: readonly WarningMark[], cursor: number): WarningMark[] {
  const latest = new Map<string, WarningMark>();
  for (const m of marks) {
    if (m.index > cursor) break;
    latest.delete(m.warning);
    latest.set(m.warning, m);
  }
  return [...latest.values()].reverse();
}

/** The moments (beats, or events line by line) that carry a warning, each once, in order. For useShallow. */
export const selectWarningMoments = (s: LabState): number[] => {
  const out: number[] = [];
  for (const w of s.warnings) {
    const m = momentOfEvent(s, w.index);
    if (out.at(-1) !== m) out.push(m);
  }
  return out;
};

/** The warnings' messages at a moment (see selectWarningMoments), for a mark's accessible name. */
export function warningsAtMoment(s: LabState, moment: number): WarningMark[] {
  return s.warnings.filter((w) => momentOfEvent(s, w.index) === moment);
}
