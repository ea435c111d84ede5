import { describe, expect, it } from 'vitest';
import { createRng } from '../core';
import { batchMeans, CELLS, MAX_BATCHES, studentT975, uncorrelated, type Cells } from './intervals';

/** A standard normal draw (Box–Muller) from the seeded generator. */
function normal(rng: ReturnType<typeof createRng>): number {
  return Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
}

/** An AR(1) series y_t = φ·y_{t−1} + e_t with mean 0, cut into CELLS cells of `perCell` values. */
function ar1Cells(seed: number, phi: number, perCell: number): Cells {
  const rng = createRng(seed);
  let y = normal(rng) / Math.sqrt(1 - phi * phi); // start in the stationary distribution
  const sums: number[] = [];
  for (let c = 0; c < CELLS; c++) {
    let s = 0;
    for (let i = 0; i < perCell; i++) {
      y = phi * y + normal(rng);
      s += y;
    }
    sums.push(s);
  }
  const weights = sums.map(() => perCell);
  return { sums, weights, arrivals: weights };
}

/** Student's t interval on the cells as they are: batches as short as the cells. */
function naive(cells: Cells): readonly [number, number] {
  const y = cells.sums.map((s, i) => s / cells.weights[i]!);
  const k = y.length;
  const mean = y.reduce((a, b) => a + b, 0) / k;
  const sd = Math.sqrt(y.reduce((a, b) => a + (b - mean) ** 2, 0) / (k - 1));
  const half = 1.96 * (sd / Math.sqrt(k));
  return [mean - half, mean + half];
}

describe('Student’s t', () => {
  it('matches the tables', () => {
    expect(studentT975(1)).toBe(12.706);
    expect(studentT975(9)).toBeCloseTo(2.2622, 3);
    expect(studentT975(19)).toBeCloseTo(2.093, 3);
    expect(studentT975(39)).toBeCloseTo(2.0227, 3);
    expect(studentT975(1000)).toBeCloseTo(1.9623, 3);
  });
});

describe('von Neumann’s test', () => {
  it('passes independent values and fails strongly correlated ones', () => {
    const rng = createRng(7);
    const independent = Array.from({ length: 200 }, () => normal(rng));
    expect(uncorrelated(independent)).toBe(true);
    let y = 0;
    const correlated = Array.from({ length: 200 }, () => (y = 0.8 * y + normal(rng)));
    expect(uncorrelated(correlated)).toBe(false);
  });

  it('passes a constant series (nothing varies, nothing to correlate)', () => {
    expect(uncorrelated(new Array<number>(40).fill(0.25))).toBe(true);
  });
});

describe('batch means', () => {
  it('centres the interval on the whole run’s value, not on the mean of batch ratios', () => {
    const sums: number[] = Array.from({ length: CELLS }, (_, i) => (i % 3 === 0 ? 2 : 1));
    const weights: number[] = Array.from({ length: CELLS }, (_, i) => (i % 2 === 0 ? 10 : 30));
    const e = batchMeans({ sums, weights, arrivals: weights });
    const centre = (e.interval[0] + e.interval[1]) / 2;
    expect(centre).toBeCloseTo(sums.reduce((a, b) => a + b) / weights.reduce((a, b) => a + b), 12);
    expect(e.batches).toBeLessThanOrEqual(MAX_BATCHES);
  });

  it('lengthens the batches for correlated data, and covers the mean about 95 % of the time', () => {
    // φ = 0.95: neighbouring values are strongly tied (integrated autocorrelation time 39), so a
    // cell of 50 values is far from independent of the next.
    let covered = 0;
    let naiveCovered = 0;
    const series = 200;
    for (let seed = 1; seed <= series; seed++) {
      const cells = ar1Cells(seed, 0.95, 10);
      const e = batchMeans(cells);
      expect(e.batchArrivals).toBeGreaterThanOrEqual(10 * 16);
      if (e.interval[0] <= 0 && 0 <= e.interval[1]) covered++;
      const [lo, hi] = naive(cells);
      if (lo <= 0 && 0 <= hi) naiveCovered++;
    }
    // 200 series: a true 95 % lands in 90–99 % with room to spare (binomial sd 1.5 %).
    expect(covered / series).toBeGreaterThanOrEqual(0.9);
    expect(covered / series).toBeLessThanOrEqual(0.99);
    // Cells taken as independent batches cover far less: the test above can fail.
    expect(naiveCovered / series).toBeLessThan(0.75);
  });

  it('says when even its longest batches stay correlated', () => {
    // φ = 0.9999 over 6,400 values: the series hardly moves in a run this short.
    const e = batchMeans(ar1Cells(3, 0.9999, 10));
    expect(e.independent).toBe(false);
    expect(e.batches).toBe(10);
  });
});
