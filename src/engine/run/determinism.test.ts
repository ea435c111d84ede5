import { describe, expect, it } from 'vitest';
import { play } from '../testing';

const scenario = (seed: number) => ({
  level: 'database',
  options: { maxSize: 3 },
  seed,
  steps: [
    { client: 'A', do: 'acquire', at: 0 },
    { client: 'B', do: 'acquire', at: 0 },
    { client: 'C', do: 'acquire', at: 0 },
    { client: 'D', do: 'acquire', at: 0 },
    { client: 'A', do: 'use', write: 'tz=UTC' },
    { do: 'kill', object: 2 },
    { client: 'A', do: 'release' },
    { client: 'B', do: 'release' },
    { client: 'E', do: 'with', write: 'x=1', fail: true },
  ],
});

describe('determinism', () => {
  it('gives deep-equal event streams for the same seed and scenario', () => {
    expect(play(scenario(42)).events).toEqual(play(scenario(42)).events);
  });

  it('draws creation times from the seed', () => {
    const ms = (seed: number) =>
      play(scenario(seed)).events.flatMap((e) => (e.type === 'object.creating' ? [e.ms] : []));
    expect(ms(1)).not.toEqual(ms(2));
    for (const m of [...ms(1), ...ms(2), ...ms(3)]) {
      expect(m).toBeGreaterThanOrEqual(50);
      expect(m).toBeLessThanOrEqual(200);
    }
  });

  it('starts steps that are ready at the same instant in file order', () => {
    const r = play({
      level: 'level2',
      options: { minSize: 0, costs: { createMs: 10 } },
      steps: [
        { client: 'A', do: 'acquire' },
        { client: 'B', do: 'acquire' },
        { client: 'C', do: 'acquire', at: 10 },
      ],
    });
    // A finishes at 10, so B becomes ready at 10, the instant C's `at` comes: B (earlier in the file) starts first.
    const starts = r.events.flatMap((e) => (e.type === 'step.started' ? [[e.index, e.t]] : []));
    expect(starts).toEqual([
      [0, 0],
      [1, 10],
      [2, 10],
    ]);
  });

  it('never starts a step before its own client has finished the previous one', () => {
    const r = play({
      level: 'level3',
      options: { costs: { createMs: 100 } },
      steps: [
        { client: 'A', do: 'acquire', at: 0 },
        { client: 'A', do: 'release', at: 10 },
      ],
    });
    expect(r.steps[1]!.startedAt).toBe(100);
  });

  it('runs a step with `at` at that time even when the step before it is still running', () => {
    const r = play({
      level: 'level3',
      options: { costs: { createMs: 100 } },
      steps: [
        { client: 'A', do: 'acquire' },
        { client: 'B', do: 'acquire', at: 30 },
      ],
    });
    expect(r.steps[1]!.startedAt).toBe(30);
  });
});
