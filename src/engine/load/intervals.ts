/**
 * Confidence intervals for a load run: batch means, with batches made long enough for the
 * autocorrelation.
 *
 * Neighbouring callers' waits are strongly correlated (a caller who finds a queue leaves one for
 * the next), so the spread of single waits says little about how sure a run's mean is. Batch means
 * cut the run into consecutive batches and treat the batch averages as independent samples — which
 * they are only when a batch is much longer than the correlation. How long that is depends on the
 * load (the nearer the pool is to full, the longer a queue lasts), so the batch size is chosen from
 * the run itself:
 *
 * 1. The run's arrivals are counted into CELLS small cells (consecutive, equal in arrivals).
 * 2. Adjacent cells are merged in pairs until the batch averages pass von Neumann's test for serial
 *    correlation at the 10 % level, or until only MIN_BATCHES remain. With many batches the test
 *    is sensitive, so it finds the shortest batch that the data cannot tell apart from independent.
 * 3. Those batches are doubled once more (the test has little power with few batches, so the margin
 *    is cheap insurance), then merged further to at most MAX_BATCHES, and the interval is Student's
 *    t on their averages.
 * If the test still fails at MIN_BATCHES, the run is too short for its own correlation: the
 * interval is still given, marked `independent: false`, and a verdict built on it says "run longer".
 *
 * This is the LBATCH rule of Fishman & Yarberry, "An implementation of the batch means method",
 * INFORMS Journal on Computing 9(3), 1997, on a finished run; the test is von Neumann's, "Distribution
 * of the ratio of the mean square successive difference to the variance", Annals of Mathematical
 * Statistics 12, 1941; 10 to 40 batches follows Schmeiser, "Batch size effects in the analysis of
 * simulation output", Operations Research 30(3), 1982. How often the intervals contain the known
 * answer is measured by `npm run coverage` (figures in the README) and by a unit test.
 */

/** Cells a run's arrivals are cut into: 10 × 2⁶, so that halving ends at exactly 10. */
export const CELLS = 640;
export const MIN_BATCHES = 10;
export const MAX_BATCHES = 40;
/** One-sided 90 % point of the standard normal: von Neumann's test at the 10 % level. */
const Z_90 = 1.2815515655446004;
/** Two-sided 95 % point of the standard normal. */
const Z_975 = 1.959963984540054;

export type Interval = readonly [number, number];

/** A 95 % confidence interval and how it was made. */
export interface Estimate {
  readonly interval: Interval;
  /** Batches the interval comes from. */
  readonly batches: number;
  /** Arrivals in each batch (the last may hold a few more). */
  readonly batchArrivals: number;
  /** False when even the longest batches stayed correlated: the run is too short to trust. */
  readonly independent: boolean;
}

/**
 * One quantity measured in cells: `sums[i] / weights[i]` is its value in cell i (a share of the
 * cell's arrivals, a mean wait, a time-average over the cell's span). The interval is centred on the
 * whole run's value, Σ sums / Σ weights.
 */
export interface Cells {
  readonly sums: readonly number[];
  readonly weights: readonly number[];
  /** Arrivals in each cell. */
  readonly arrivals: readonly number[];
}

/** The 95 % batch-means interval of a quantity measured in cells (see the file's comment). */
export function batchMeans(cells: Cells): Estimate {
  let c = cells;
  while (!uncorrelated(means(c)) && c.sums.length >= 2 * MIN_BATCHES) c = halve(c);
  const independent = uncorrelated(means(c));
  // The test has little power with few batches: double the batch once more for a margin.
  if (c.sums.length >= 2 * MIN_BATCHES) c = halve(c);
  while (c.sums.length > MAX_BATCHES) c = halve(c);
  const total = sum(cells.sums);
  const weight = sum(cells.weights);
  const centre = weight > 0 ? total / weight : 0;
  const y = means(c);
  const k = y.length;
  const batchArrivals = k > 0 ? Math.min(...c.arrivals) : 0;
  if (k < 2) return { interval: [centre, centre], batches: k, batchArrivals, independent: false };
  const avg = sum(y) / k;
  const variance = y.reduce((s, v) => s + (v - avg) ** 2, 0) / (k - 1);
  const half = studentT975(k - 1) * Math.sqrt(variance / k);
  return { interval: [centre - half, centre + half], batches: k, batchArrivals, independent };
}

function means(c: Cells): number[] {
  return c.sums.map((s, i) => (c.weights[i]! > 0 ? s / c.weights[i]! : 0));
}

/** Merge neighbours in pairs; an odd cell out joins the last pair. */
function halve(c: Cells): Cells {
  const n = Math.floor(c.sums.length / 2);
  const pair = (xs: readonly number[]) =>
    Array.from({ length: n }, (_, i) => xs[2 * i]! + xs[2 * i + 1]! + (i === n - 1 && xs.length % 2 ? xs.at(-1)! : 0));
  return { sums: pair(c.sums), weights: pair(c.weights), arrivals: pair(c.arrivals) };
}

/**
 * Von Neumann's test: C = 1 − Σ(yᵢ₊₁ − yᵢ)² / (2 Σ(yᵢ − ȳ)²) is about normal with mean 0 and
 * variance (k − 2)/(k² − 1) when the yᵢ are independent; positive correlation makes it large.
 */
export function uncorrelated(y: readonly number[]): boolean {
  const k = y.length;
  if (k < 3) return false;
  const avg = sum(y) / k;
  let spread = 0;
  for (const v of y) spread += (v - avg) ** 2;
  if (spread <= Number.EPSILON * k * Math.max(1, avg * avg)) return true; // every batch the same
  let successive = 0;
  for (let i = 1; i < k; i++) successive += (y[i]! - y[i - 1]!) ** 2;
  const c = 1 - successive / (2 * spread);
  return c <= Z_90 * Math.sqrt((k - 2) / (k * k - 1));
}

/** Student's t, 97.5 % point, for `df` degrees of freedom. */
export function studentT975(df: number): number {
  if (df < 1) return Number.POSITIVE_INFINITY;
  if (df <= SMALL_T.length) return SMALL_T[df - 1]!;
  // Cornish–Fisher expansion about the normal point (Abramowitz & Stegun 26.7.5): below 1e-4 from df 9.
  const z = Z_975;
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4;
}

/** t(97.5 %) for 1–8 degrees of freedom, from the tables. */
const SMALL_T = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306];

const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);
