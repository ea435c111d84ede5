import { describe, expect, it } from 'vitest';
import type { Scenario } from '../types';
import { parseOptions } from '../scenario';
import { runScenario } from './run';

const reading = (useMs?: number): Scenario => ({
  level: 'level1',
  options: { size: 1, ...(useMs === undefined ? {} : { costs: { useMs } }) },
  seed: 1,
  steps: [
    { client: 'A', do: 'acquire' },
    { client: 'A', do: 'use', write: 'hello' },
    { client: 'A', do: 'read' },
    { client: 'A', do: 'release' },
  ],
});

describe('costs.useMs', () => {
  it('makes each use and read take that long, in the reader’s hands', () => {
    const r = runScenario(reading(30));
    const [, use, read, release] = r.steps;
    expect(use!.endedAt! - use!.startedAt!).toBe(30);
    expect(read!.endedAt! - read!.startedAt!).toBe(30);
    expect(read!.outcome.sees).toBe('hello');
    expect(release!.startedAt).toBe(read!.endedAt);
    // While it reads, the book is in A's hands.
    const midRead = r.events.filter((e) => e.t > read!.startedAt! && e.t < read!.endedAt!);
    expect(midRead).toEqual([]);
    const started = r.events.find((e) => e.type === 'step.started' && e.index === 2)!;
    expect(started.world!.objects[0]!.places).toEqual([{ at: 'hands', readers: ['A'] }]);
  });

  it('is 0 by default: nothing waits, and the run is the same as one that says 0', () => {
    const plain = runScenario(reading());
    const using = plain.steps.filter((s) => s.step.do === 'use' || s.step.do === 'read');
    expect(using.map((s) => s.endedAt! - s.startedAt!)).toEqual([0, 0]);
    expect(runScenario(reading(0)).events.map(({ world: _, ...e }) => e)).toEqual(
      plain.events.map(({ world: _, ...e }) => e),
    );
  });
});

describe('costs.useMs in a file', () => {
  it('is read from options.costs, and a bad one is refused with its name', () => {
    expect(parseOptions('level1', { costs: { useMs: 40 } }).costs).toEqual({ useMs: 40 });
    expect(() => parseOptions('level1', { costs: { useMs: -1 } })).toThrow(/options\.costs\.useMs/);
  });
});
