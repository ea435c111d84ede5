import { describe, expect, it } from 'vitest';
import type { LoadScenario } from './load';
import { loadWork } from './loadWork';

const scenario = (arrivals: number): LoadScenario => ({
  level: 'production',
  options: { maxSize: 5, acquireTimeout: 50 },
  seed: 1,
  load: { arrivalsPerSecond: 30, holdMs: 100, hold: 'exponential', arrivals },
});

describe('loadWork', () => {
  it('gives the page the engine’s estimate: units, seconds, and the limit', () => {
    const small = loadWork(scenario(100_000));
    expect(small.problem).toBeNull();
    expect(small.units).toBeGreaterThan(0);
    expect(small.units).toBeLessThan(small.limit);
    expect(small.seconds).toBeCloseTo((small.units / small.limit) * small.limitSeconds, 6);
    expect(loadWork(scenario(200_000)).units).toBeCloseTo(small.units * 2, -3);
  });

  it('says why a load too heavy will not run', () => {
    const heavy = loadWork({ ...scenario(5_000_000), options: { maxSize: 1000, acquireTimeout: 1e9 } });
    expect(heavy.units).toBeGreaterThan(heavy.limit);
    expect(heavy.problem).toMatch(/too heavy/);
  });
});
