/**
 * The statistics of a load run besides its intervals (intervals.ts): percentiles by selection and
 * the histogram of waits.
 */

export interface WaitHistogram {
  /** Callers who waited no time at all (served at once, or refused at once). */
  readonly zero: number;
  readonly binMs: number;
  readonly counts: readonly number[];
  /** Waits beyond the last bin. */
  readonly over: number;
}

/** The q-quantile of all waits (the zeros counted), by selection on the non-zero ones. */
export function percentile(waits: Float64Array, n: number, zeros: number, q: number): number {
  const total = n + zeros;
  if (total === 0) return 0;
  const rank = Math.ceil(q * total) - 1; // 0-based rank among all waits, ascending
  if (rank < zeros) return 0;
  return select(waits.subarray(0, n), rank - zeros);
}

/** k-th smallest (0-based) of a typed array, in place (Hoare's quickselect). */
export function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

const HISTOGRAM_BINS = 30;

export function histogramOf(waits: Float64Array, n: number, zeros: number): WaitHistogram {
  if (n === 0) return { zero: zeros, binMs: 1, counts: new Array<number>(HISTOGRAM_BINS).fill(0), over: 0 };
  // Cover up to the 99th percentile of the non-zero waits, in round bins.
  const top = select(waits.subarray(0, n), Math.min(n - 1, Math.floor(0.99 * n)));
  const binMs = niceStep(Math.max(top, 1e-9) / HISTOGRAM_BINS);
  const counts = new Array<number>(HISTOGRAM_BINS).fill(0);
  let over = 0;
  for (let i = 0; i < n; i++) {
    const bin = Math.floor(waits[i]! / binMs);
    if (bin < HISTOGRAM_BINS) counts[bin]!++;
    else over++;
  }
  return { zero: zeros, binMs, counts, over };
}

/** 1, 2 or 5 times a power of ten, at least x. */
export function niceStep(x: number): number {
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 5, 10]) if (m * p >= x) return m * p;
  return 10 * p;
}
