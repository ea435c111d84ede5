/**
 * What is kept beside a timeline and grown with it (narrated.ts, metrics.ts) must first know how
 * much of what it saw is still the array's. A timeline grown in place (manualLive.ts) only adds
 * events at its end, and replaces a run of events at its end (engine/run/grow.ts): so the events
 * still kept are the longest start the array and `seen` share, found by walking back from the end.
 */
import type { PoolEvent } from '../engine';

/** How many of the events seen, from the first, the array still has in place. */
export function stillKept(seen: readonly PoolEvent[], events: readonly PoolEvent[]): number {
  let same = Math.min(seen.length, events.length);
  while (same > 0 && events[same - 1] !== seen[same - 1]) same--;
  return same;
}
