/**
 * One clock for both scenes. The moments of the two runs are merged in virtual time; moments at
 * the same instant play one after another (the clock holds still meanwhile, as virtual time does),
 * the two scenes' n-th moments at one instant together. Between moments the clock runs at
 * REAL_MS_PER_VIRTUAL_MS, and every moment is on screen at least DWELL_MS, so an instant is seen.
 *
 * Playback is a position in "1× real ms" (the page advances it by real time × speed); everything
 * here is a pure function of that position. No engine import: the page gets frames' times only.
 */

/** Real ms (at 1×) per virtual ms while the clock runs. */
export const REAL_MS_PER_VIRTUAL_MS = 10;
/** Real ms (at 1×) every moment stays on screen at least. */
export const DWELL_MS = 500;
/** A move's shortest and longest real duration (an instant hand-over must still be seen). */
export const MOVE_FLOOR_MS = 250;
export const MOVE_CEILING_MS = 900;

export const SPEEDS = [0.5, 1, 2] as const;
export type Speed = (typeof SPEEDS)[number];

export interface Moment {
  /** Virtual ms. */
  readonly t: number;
  /** The frame each scene shows (an index into its frames). */
  readonly frames: readonly number[];
  /** Where it starts, in 1× real ms. */
  readonly at: number;
}

export interface Schedule {
  readonly moments: readonly Moment[];
  /** When the last moment has been on screen its dwell: the end, in 1× real ms. */
  readonly end: number;
}

/** Merge the scenes' frame times (each ascending, frame 0 at t = 0) into one schedule. */
export function scheduleOf(sceneTimes: readonly (readonly number[])[]): Schedule {
  const next = sceneTimes.map(() => 1);
  const shown = sceneTimes.map(() => 0);
  const moments: Moment[] = [{ t: 0, frames: [...shown], at: 0 }];
  for (;;) {
    const due = sceneTimes.map((ts, s) => ts[next[s]!]);
    const t = Math.min(...due.map((x) => (x === undefined ? Number.POSITIVE_INFINITY : x)));
    if (t === Number.POSITIVE_INFINITY) break;
    sceneTimes.forEach((_, s) => {
      if (due[s] === t) shown[s] = next[s]!++;
    });
    const last = moments.at(-1)!;
    moments.push({ t, frames: [...shown], at: last.at + gapMs(last.t, t) });
  }
  return { moments, end: moments.at(-1)!.at + DWELL_MS };
}

function gapMs(from: number, to: number): number {
  return Math.max(DWELL_MS, (to - from) * REAL_MS_PER_VIRTUAL_MS);
}

/** The moment on screen at `position` (1× real ms): the last one that has started. */
export function momentIndexAt(s: Schedule, position: number): number {
  let lo = 0;
  let hi = s.moments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (s.moments[mid]!.at <= position) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The virtual clock at `position`: running from one moment's time to the next's. */
export function clockAt(s: Schedule, position: number): number {
  const i = momentIndexAt(s, position);
  const now = s.moments[i]!;
  const next = s.moments[i + 1];
  if (!next) return now.t;
  const f = Math.min(1, Math.max(0, (position - now.at) / (next.at - now.at)));
  return now.t + (next.t - now.t) * f;
}

/** Real ms a move shown at moment i lasts at `speed`: the virtual time it covers, with a floor and a ceiling. */
export function moveMs(s: Schedule, i: number, speed: number): number {
  const now = s.moments[i];
  const before = s.moments[i - 1];
  const covered = now && before ? now.t - before.t : 0;
  return Math.round(Math.min(MOVE_CEILING_MS, Math.max(MOVE_FLOOR_MS, (covered * REAL_MS_PER_VIRTUAL_MS) / speed)));
}
