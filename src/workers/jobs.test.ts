import { describe, expect, it } from 'vitest';
import { runFreshPerCaller, runLoad, type LoadScenario } from '../engine';
import { createJobRunner, messageOf } from './jobs';

const scenario = (arrivals: number, acquireTimeout: number | null = 0): LoadScenario => ({
  level: 'production',
  options: { maxSize: 4, minSize: 4, acquireTimeout, costs: { reuseMs: 0, validateMs: 0, resetMs: 0 } },
  seed: 3,
  load: { arrivalsPerSecond: 30, holdMs: 100, hold: 'exponential', arrivals },
});

/** A clock that moves 1 ms each time it is read: slices end after a fixed number of reads. */
function fakeClock() {
  let t = 0;
  return () => t++;
}

describe('the job runner', () => {
  it('runs jobs in slices, reporting progress, to the same results as running them directly', () => {
    const jobs = [
      { kind: 'load', scenario: scenario(8000) },
      { kind: 'fresh', scenario: scenario(500) },
      { kind: 'load', scenario: scenario(3000, null) },
    ] as const;
    const runner = createJobRunner(jobs, fakeClock());
    // Two units of work per caller: arriving, and being through.
    expect(runner.total).toBe(23_000);
    const seen: number[] = [];
    while (!runner.step(2)) seen.push(runner.done);
    expect(seen.length).toBeGreaterThan(2);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)!).toBeLessThan(23_000);
    expect(runner.results.map((r) => r.kind)).toEqual(['load', 'fresh', 'load']);
    expect(runner.results[0]!.output).toEqual(runLoad(scenario(8000)));
    expect(runner.results[1]!.output).toEqual(runFreshPerCaller(scenario(500)));
    expect(runner.results[2]!.output).toEqual(runLoad(scenario(3000, null)));
  });

  it('refuses a load the pool cannot serve with the engine’s sentence', () => {
    const runner = createJobRunner(
      [{ kind: 'load', scenario: { ...scenario(100, null), load: { ...scenario(100).load, arrivalsPerSecond: 100 } } }],
      fakeClock(),
    );
    let message = '';
    try {
      runner.step(10);
    } catch (error) {
      message = messageOf(error);
    }
    expect(message).toMatch(/^The pool cannot keep up/);
  });
});
