/**
 * A run grown step by step, as the manual panel grows it (`openRun` … `grow`), is the run of the
 * whole scenario from the start: the same events with the same worlds, steps, warnings and end.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEVELS } from '../levels';
import { parseScenario } from '../scenario';
import { LEVEL_IDS, type LevelId, type Scenario, type Step } from '../types';
import { openRun, runScenario, type OpenRun, type RunResult } from './run';

const clients = fc.constantFrom('A', 'B', 'C');

function stepArb(level: LevelId): fc.Arbitrary<Step> {
  const kinds = LEVELS[level].steps;
  const options: fc.Arbitrary<object>[] = [
    fc.record({ client: clients, do: fc.constantFrom('acquire', 'acquire', 'release', 'read', 'fail') }),
    fc.record({ client: clients, do: fc.constant('release'), object: fc.integer({ min: 1, max: 3 }) }),
    fc.record({ client: clients, do: fc.constant('use'), write: fc.constantFrom('a=1', 'b=2') }),
    fc.record({ do: fc.constant('kill'), object: fc.integer({ min: 1, max: 3 }) }),
    // "Same instant": a step with a time of its own, which the run cannot grow by.
    fc.record({ client: clients, do: fc.constant('acquire'), at: fc.integer({ min: 0, max: 400 }) }),
  ];
  if (kinds.includes('with'))
    options.push(fc.record({ client: clients, do: fc.constant('with'), write: fc.constant('x'), fail: fc.boolean() }));
  if (kinds.includes('restart')) options.push(fc.constant({ do: 'restart' }));
  if (kinds.includes('close')) options.push(fc.constant({ do: 'close' }));
  return fc.oneof(...options) as fc.Arbitrary<Step>;
}

function sizesArb(level: LevelId): fc.Arbitrary<object> {
  const { options } = LEVELS[level];
  if (options.size) return fc.record({ size: fc.integer({ min: 0, max: 3 }) });
  if (!options.maxSize) return fc.constant({});
  const max = fc.integer({ min: 1, max: 3 });
  if (!options.minSize) return max.map((maxSize) => ({ maxSize }));
  return max.chain((maxSize) =>
    fc.record({ maxSize: fc.constant(maxSize), minSize: fc.integer({ min: 0, max: maxSize }) }),
  );
}

const scenarioArb = fc.constantFrom(...LEVEL_IDS).chain((level) =>
  fc.record({
    level: fc.constant(level),
    options: sizesArb(level),
    seed: fc.integer({ min: 1, max: 50 }),
    steps: fc.array(stepArb(level), { minLength: 1, maxLength: 25 }),
  }),
);

/** Grow a run click by click, as the lab does: a step that fails is refused and the run restarts from the last good one. */
function clickByClick(whole: Scenario): { results: [Scenario, RunResult][]; grown: number } {
  let scenario: Scenario = { ...whole, steps: [] };
  let open: OpenRun | null = openRun(scenario);
  const results: [Scenario, RunResult][] = [];
  let grown = 0;
  for (const step of whole.steps) {
    const next: Scenario = { ...scenario, steps: [...scenario.steps, step] };
    if (open?.grow(next)) grown++;
    else open = openRun(next);
    const result = open.result();
    results.push([next, result]);
    if (result.error) open = null;
    else scenario = next;
  }
  return { results, grown };
}

describe('a run grown step by step', () => {
  it('is the run replayed from the start, after every step', () => {
    let grown = 0;
    let clicks = 0;
    fc.assert(
      fc.property(scenarioArb, (raw) => {
        const whole = parseScenario(raw).scenario;
        const out = clickByClick(whole);
        grown += out.grown;
        clicks += out.results.length;
        for (const [scenario, result] of out.results) expect(result).toEqual(runScenario(scenario));
      }),
      { numRuns: 100, seed: 16 },
    );
    // Many clicks grew the run rather than replaying it (else this checks little); the others
    // were "same instant" steps, steps after a refused one, and steps due before the run's end.
    expect(grown / clicks).toBeGreaterThan(0.3);
  });

  it.each(LEVEL_IDS)('grows at every click of readers taking turns on %s', (level) => {
    const options = LEVELS[level].options.size ? { size: 2 } : {};
    let scenario: Scenario = { level, options, seed: 3, steps: [] };
    const open = openRun(scenario);
    open.result();
    for (let round = 0; round < 3; round++)
      for (const kind of ['acquire', 'use', 'read', 'release'] as const)
        for (const client of ['A', 'B']) {
          const step: Step = kind === 'use' ? { client, do: kind, write: 'x' } : { client, do: kind };
          scenario = { ...scenario, steps: [...scenario.steps, step] };
          expect(open.grow(scenario)).toBe(true);
        }
    expect(open.result()).toEqual(runScenario(scenario));
  });

  it('hands out results that later growth leaves alone', () => {
    const base: Scenario = { level: 'level1', options: { size: 1 }, seed: 1, steps: [{ client: 'A', do: 'acquire' }] };
    const open = openRun(base);
    const first = open.result();
    const copy = structuredClone(first.events.map((e) => ({ ...e })));
    expect(open.grow({ ...base, steps: [...base.steps, { client: 'A', do: 'release' }] })).toBe(true);
    expect(first.events.map((e) => ({ ...e }))).toEqual(copy);
    expect(first.final.clients[0]!.state).toBe('holding');
  });

  it('grows in place when appended to and read live: the same arrays, the replay’s result', () => {
    const base: Scenario = { level: 'level2', options: {}, seed: 1, steps: [] };
    const open = openRun(base);
    const first = open.liveResult();
    let scenario = base;
    for (const client of ['A', 'B', 'A', 'B'])
      for (const kind of ['acquire', 'release'] as const) {
        const step: Step = { client, do: kind };
        expect(open.append(step)).toBe(true);
        scenario = { ...scenario, steps: [...scenario.steps, step] };
        const live = open.liveResult();
        // Nothing copied: the arrays read at the start are the run's own, grown since.
        expect(live.events).toBe(first.events);
        expect(live.steps).toBe(first.steps);
        expect(live).toEqual(runScenario(scenario));
      }
    // Appending is growing without the check of what came before: a step with a time of its own still replays.
    expect(open.append({ client: 'A', do: 'acquire', at: 0 })).toBe(false);
    expect(open.liveResult()).toEqual(runScenario(scenario));
  });

  it('replays when the step would have started earlier, or the scenario is another', () => {
    const base: Scenario = { level: 'level2', options: {}, seed: 1, steps: [{ client: 'A', do: 'acquire' }] };
    const open = openRun(base);
    open.result();
    expect(open.grow({ ...base, seed: 2, steps: [...base.steps, { client: 'A', do: 'release' }] })).toBe(false);
    expect(open.grow({ ...base, steps: [...base.steps, { client: 'A', do: 'release', at: 0 }] })).toBe(false);
    expect(open.grow({ ...base, steps: [...base.steps, { client: 'A', do: 'release' }] })).toBe(true);
  });
});
