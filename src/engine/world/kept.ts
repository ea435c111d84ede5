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
