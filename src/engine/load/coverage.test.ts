/**
 * The coverage check: over many seeds of a textbook system with a known answer, the run's 95 %
 * interval contains the formula's value about 95 % of the time.
 *
 * 200 seeds per system. A method that truly covers 95 % lands at 190 of 200 on average with a
 * binomial standard deviation of 3.1, so "about 95 %" is held to 90–99 % (180–198 of 200): more
 * than three standard deviations below, two and a half above. The seeds are fixed, so the test
 * gives the same answer every time; the full-size figures (the advisor's own check, 200,000
 * arrivals at 71 % busy) come from `npm run coverage` and are in the README.
 */
import { describe, expect, it } from 'vitest';
import { coverage } from './coverage';

const SEEDS = 200;

describe('coverage of the 95 % intervals', { timeout: 60_000 }, () => {
  it('contains Erlang C’s mean wait about 95 % of the time (M/M/2 at 50 % busy, 4,000 arrivals a run)', () => {
    const c = coverage({ poolSize: 2, arrivalsPerSecond: 10, holdMs: 100, quantity: 'meanWaitMs' }, 4000, SEEDS);
    expect(c.truth).toBeCloseTo(100 / 3, 9);
    expect(c.covered / SEEDS).toBeGreaterThanOrEqual(0.9);
    expect(c.covered / SEEDS).toBeLessThanOrEqual(0.99);
    expect(c.dependent).toBeLessThan(SEEDS * 0.05);
  });

  it('contains Erlang B’s share refused about 95 % of the time (the page’s default system, 3,000 arrivals a run)', () => {
    const c = coverage({ poolSize: 5, arrivalsPerSecond: 30, holdMs: 100, quantity: 'refused' }, 3000, SEEDS);
    expect(c.covered / SEEDS).toBeGreaterThanOrEqual(0.9);
    expect(c.covered / SEEDS).toBeLessThanOrEqual(0.99);
  });
});
