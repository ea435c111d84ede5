import type { LineId } from '../types';

/**
 * One of each: values kept by a hash of their content, so that a recorded run holds a value that
 * comes back again and again (a reader's view, the shelf's order, the pool's figures) once. The
 * hash only narrows the search; values with the same hash are compared by the caller's `same`.
 */
export class KeptOnce<T> {
  private readonly byHash = new Map<number, T[]>();
  /** How many are kept (each kept value may be numbered by it). */
  size = 0;

  /** The kept value that is `same` as `probe`, if any. */
  find<P>(hash: number, probe: P, same: (kept: T, probe: P) => boolean): T | undefined {
    const bucket = this.byHash.get(hash);
    if (bucket !== undefined) for (const kept of bucket) if (same(kept, probe)) return kept;
    return undefined;
  }

  /** Keep `value` (the caller found none equal to it). */
  keep(hash: number, value: T): T {
    const bucket = this.byHash.get(hash);
    if (bucket === undefined) this.byHash.set(hash, [value]);
    else bucket.push(value);
    this.size++;
    return value;
  }
}

/** Fold a small integer (an id, a number given to a kept value, a code for a word) into a hash. */
export const mix = (h: number, n: number): number => (Math.imul(h, 31) + n) | 0;

const lineIds = new Map<string, Map<string, LineId>>();

/**
 * A code line's id, `method.kind`, made once: a recorded run keeps the line of most of its events,
 * and a string built for each (`${method}.${kind}` is two joined strings, 64 bytes) costs more than
 * the event's other fields together. The ids are few (a level's `// @step` lines).
 */
export function lineId(method: string, kind: string): LineId {
  let byKind = lineIds.get(method);
  if (byKind === undefined) lineIds.set(method, (byKind = new Map()));
  let id = byKind.get(kind);
  if (id === undefined) byKind.set(kind, (id = `${method}.${kind}`));
  return id;
}
