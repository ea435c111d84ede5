/**
 * Named selectors over the lab's state, and pure derivations of one world snapshot. Panels pick
 * what they draw with these; nothing is derived in JSX.
 *
 * Selectors that return a fresh array or object are meant for `useShallow`; the `…Of(world)`
 * derivations are meant for `useMemo` keyed on the world, which is one object per event.
 */
import { LEVELS } from '../engine';
import type { ClientView, Fixes, LevelId, LineId, ObjectView, PoolEvent, StepKind, World } from '../engine';
import type { LinkTarget } from './deeplink';
import type { LabState, WarningMark } from './labStore';

// ── the cursor ─────────────────────────────────────────────────────────────────────────────

export const selectEvents = (s: LabState): readonly PoolEvent[] => s.run.events;
export const selectCursor = (s: LabState): number => s.cursor;
export const selectLastIndex = (s: LabState): number => s.run.events.length - 1;
export const selectEvent = (s: LabState): PoolEvent => s.run.events[s.cursor] ?? s.run.events[0]!;
export const selectWorld = (s: LabState): World => selectEvent(s).world ?? s.run.final;
export const selectAtStart = (s: LabState): boolean => s.cursor <= 0;
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

/** The code step the current event ran (a `// @step` marker), and who ran it. */
export const selectCodeStep = (s: LabState): LineId | null => selectEvent(s).line;
export const selectCodeClient = (s: LabState): string | null => {
  const e = selectEvent(s);
  return e.line === null ? null : e.client;
};

/** The newest code step run at or before the cursor, and by whom (for "last line run"). */
export const selectLastCodeStep = (s: LabState): { step: LineId; client: string | null } | null => {
  for (let i = s.cursor; i >= 0; i--) {
    const e = s.run.events[i];
    if (e && e.line !== null && e.type !== 'monitor.warned') return { step: e.line, client: e.client };
  }
  return null;
};

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

/** Indices of the events that carry a warning, for marks on the scrubber. For useShallow. */
export const selectWarningIndices = (s: LabState): number[] => s.warnings.map((w) => w.index);

// ── one world ──────────────────────────────────────────────────────────────────────────────

export interface ShelfSlot {
  readonly object: ObjectView;
  /** Position from the bottom, 0-based. */
  readonly position: number;
  /** The top of the stack: what `pop` takes next. */
  readonly nextOut: boolean;
  /** 0 for an object's first place on the shelf, 1 for its second copy… (a double release). */
  readonly copy: number;
}

/** The shelf bottom to top; an object shelved twice appears twice, the later copy marked. */
export function shelfOf(world: World): ShelfSlot[] {
  const seen = new Map<number, number>();
  const ids = world.pool.available;
  const out: ShelfSlot[] = [];
  ids.forEach((id, position) => {
    const object = objectById(world, id);
    if (!object) return;
    const copy = seen.get(id) ?? 0;
    seen.set(id, copy + 1);
    out.push({ object, position, nextOut: position === ids.length - 1, copy });
  });
  return out;
}

function objectById(world: World, id: number): ObjectView | undefined {
  return world.objects[id - 1]?.id === id ? world.objects[id - 1] : world.objects.find((o) => o.id === id);
}

export type Place = ObjectView['place'];

/** Objects at a place (press, desk, bin, lost), oldest first. */
export function objectsAt(world: World, place: Place): ObjectView[] {
  return world.objects.filter((o) => o.place === place);
}

export interface HeldBook {
  readonly object: ObjectView;
  /** Another reader holds the same object and is drawn as its owner (the one with the layoutId). */
  readonly shared: boolean;
  /** It is at the desk or press right now; drawn there instead, with a reminder here. */
  readonly away: boolean;
}

export interface ReaderView {
  readonly name: string;
  readonly status: ClientView['status'];
  readonly doing: StepKind | null;
  readonly holding: readonly HeldBook[];
}

/**
 * Readers and what they hold. An object held by two readers is the first holder's; the second
 * draws a marked copy. An object held twice by one reader is drawn once.
 */
export function readersOf(world: World): ReaderView[] {
  const owner = new Map<number, string>();
  return world.clients.map((c) => {
    const holding: HeldBook[] = [];
    const mine = new Set<number>();
    for (const id of c.holding) {
      if (mine.has(id)) continue;
      mine.add(id);
      const object = objectById(world, id);
      if (!object) continue;
      const first = owner.get(id);
      if (first === undefined) owner.set(id, c.name);
      const elsewhere = object.place !== 'held' && object.place !== 'shelf' && object.place !== 'lost';
      holding.push({ object, shared: first !== undefined && first !== c.name, away: elsewhere });
    }
    return { name: c.name, status: c.status, doing: c.doing, holding };
  });
}

export interface Counters {
  readonly onShelf: number;
  /** The level's own borrowed counter (null for Level 1, which keeps none). */
  readonly borrowed: number | null;
  readonly created: number;
  readonly open: number;
  /** maxSize, or null for a level bounded by its start-up size (Level 1), which has none. */
  readonly maxSize: number | null;
  /** The start-up size of a level bounded by it (Level 1), shown instead of a maximum. */
  readonly startSize: number | null;
}

export function countersOf(world: World, level: LevelId): Counters {
  // The world's `maxSize` is the number the level is held to: its start-up size when that is its bound.
  const bySize = LEVELS[level].bound === 'size';
  return {
    onShelf: world.pool.available.length,
    borrowed: world.pool.inUse,
    created: world.pool.created,
    open: world.pool.open,
    maxSize: bySize ? null : world.pool.maxSize,
    startSize: bySize ? world.pool.maxSize : null,
  };
}
