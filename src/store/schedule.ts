/**
 * The playback schedule: when, in playback milliseconds at 1× speed, each event of a timeline
 * comes on screen. Playing moves a playhead over this schedule; the cursor is the last event whose
 * time has come.
 *
 * Virtual time decides the pace, with two corrections so a learner can follow it:
 * - every event gets a beat of its own, even when many happen at the same virtual instant
 *   (a pop and a hand-over at t = 80 ms must both be seen);
 * - a long virtual gap (a 190 ms print run, a 30 s wait) is shown compressed, never as a freeze.
 * So the schedule is a pure function of the events, and the same timeline always plays the same.
 */
import type { PoolEvent } from '../engine';

/** Beat of an ordinary event at 1×, in real ms. */
export const BEAT_MS = 600;
/** Beat of bookkeeping events (a step starting or ending), which carry little to look at. */
export const SHORT_BEAT_MS = 250;
/** Each virtual ms of waiting between two events adds this many real ms at 1×… */
const MS_PER_VIRTUAL_MS = 4;
/** …up to this much. */
export const MAX_GAP_MS = 900;

export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8] as const;
export type Speed = (typeof SPEEDS)[number];

function beatOf(e: PoolEvent): number {
  switch (e.type) {
    case 'step.started':
    case 'step.finished':
    case 'pool.opening':
    case 'pool.counted': // the counter's move: a figure changes, nothing on the stage moves
      return SHORT_BEAT_MS;
    case 'monitor.warned':
      return BEAT_MS * 1.5;
    default:
      return BEAT_MS;
  }
}

/** Start time of each event in playback ms at 1×; the first is 0, the list is non-decreasing. */
export function scheduleOf(events: readonly PoolEvent[]): number[] {
  const out = new Array<number>(events.length);
  let at = 0;
  for (let i = 0; i < events.length; i++) {
    out[i] = at;
    const e = events[i]!;
    const next = events[i + 1];
    const gap = next ? Math.max(0, next.t - e.t) : 0;
    at += beatOf(e) + Math.min(gap * MS_PER_VIRTUAL_MS, MAX_GAP_MS);
  }
  return out;
}

/** The index of the last event whose start time is at or before the playhead. */
export function cursorAt(schedule: readonly number[], playhead: number): number {
  let lo = 0;
  let hi = schedule.length - 1;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (schedule[mid]! <= playhead) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function nextSpeed(speed: number, direction: 1 | -1): Speed {
  const i = SPEEDS.findIndex((s) => s >= speed);
  const at = i < 0 ? SPEEDS.length - 1 : i;
  const next = Math.min(SPEEDS.length - 1, Math.max(0, at + direction));
  return SPEEDS[next]!;
}
