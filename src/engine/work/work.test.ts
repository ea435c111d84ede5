import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedCases } from '../../cli/golden/corpus';
import { ScenarioError } from '../core';
import { LEVELS } from '../levels';
import { createLoadRun } from '../load/run';
import { loadProblems, type LoadScenario } from '../load/spec';
import { runScenario, simulateText } from '../run';
import { parseScenario } from '../scenario';
import { LEVEL_IDS } from '../types';
import { estimateLoad, estimateScenario, unitsOf, workDone, WORK_LIMIT, type WorkCounts } from '.';

const NO_COSTS = { reuseMs: 0, validateMs: 0, resetMs: 0 };

function load(options: LoadScenario['options'], spec: Partial<LoadScenario['load']> = {}): LoadScenario {
  return {
    level: 'production',
    options,
    seed: 1,
    load: { arrivalsPerSecond: 30, holdMs: 100, hold: 'exponential', arrivals: 5000, ...spec },
  };
}

/** Run a load to the end; what it did, counted as the estimate counts it. */
function measure(scenario: LoadScenario): WorkCounts {
  const run = createLoadRun(scenario);
  run.advance(Number.POSITIVE_INFINITY);
  const out = run.result();
  return workDone('load', run.runtime, Math.round((out.refused + out.timedOut) * out.arrivals)).counts;
}

/**
 * Each count within `share` of the measured one — or, for a count that is a small part of the run,
 * within 5 % of all the run did: the estimate is for the whole run, not its rarest path.
 */
function near(estimated: WorkCounts, measured: WorkCounts, share: Partial<Record<keyof WorkCounts, number>>): void {
  const all = measured.events + measured.timers + measured.tasks + measured.throws;
  for (const [key, part] of Object.entries(share) as [keyof WorkCounts, number][]) {
    const slack = Math.max(part * measured[key], 0.05 * all);
    expect({ [key]: Math.abs(estimated[key] - measured[key]) <= slack }).toEqual({ [key]: true });
  }
}

describe('the work estimate of a load run', () => {
  // Every shape of run: each path through the pool, each fix off, the pool's own timers.
  it.each([
    ['Erlang B, textbook', load({ maxSize: 5, minSize: 5, acquireTimeout: 0, costs: NO_COSTS })],
    [
      'Erlang C, textbook',
      load({ maxSize: 5, minSize: 5, acquireTimeout: null, costs: NO_COSTS }, { arrivalsPerSecond: 40 }),
    ],
    ['costs, refusing', load({ maxSize: 5, acquireTimeout: 0 })],
    ['costs, a 50 ms timeout', load({ maxSize: 5, acquireTimeout: 50 })],
    ['overloaded, refusing', load({ maxSize: 5, acquireTimeout: 0 }, { arrivalsPerSecond: 3000 })],
    [
      'overloaded, giving up',
      load({ maxSize: 20, acquireTimeout: 1000 }, { arrivalsPerSecond: 3000, arrivals: 20_000 }),
    ],
    ['near full, waiting', load({ maxSize: 10, acquireTimeout: null }, { arrivalsPerSecond: 85 })],
    ['fixed holds', load({ maxSize: 4, acquireTimeout: 20 }, { hold: 'fixed' })],
    ['maxSize off', load({ maxSize: 5, acquireTimeout: 50, fixes: { maxSize: false } }, { arrivalsPerSecond: 100 })],
    ['lock off', load({ maxSize: 5, acquireTimeout: 50, fixes: { lock: false } })],
    ['validate and reset off', load({ maxSize: 5, acquireTimeout: 50, fixes: { validate: false, reset: false } })],
    ['timeout off', load({ maxSize: 5, acquireTimeout: 0, fixes: { timeout: false } })],
    ['leak reports', load({ maxSize: 5, acquireTimeout: 50, leakThreshold: 150 })],
  ])('counts events, timers, tasks and refusals as a run does them: %s', (_, scenario) => {
    const estimated = estimateLoad(scenario).counts;
    const measured = measure(scenario);
    near(estimated, measured, { events: 0.1, timers: 0.05, tasks: 0.2, throws: 0.15 });
    const units = (c: WorkCounts) => unitsOf(c, 'load');
    expect(Math.abs(units(estimated) / units(measured) - 1)).toBeLessThan(0.1);
  });

  it.each([
    ['idle connections retired', load({ maxSize: 5, minSize: 1, acquireTimeout: 50, idleTimeout: 100 })],
    ['connections retired with age', load({ maxSize: 5, acquireTimeout: 50, maxLifetime: 1000 })],
  ])('counts at least what a run does, where it takes an upper figure: %s', (_, scenario) => {
    const estimated = estimateLoad(scenario).counts;
    const measured = measure(scenario);
    expect(estimated.events).toBeGreaterThanOrEqual(measured.events);
    expect(estimated.timers).toBeGreaterThanOrEqual(measured.timers * 0.97);
    expect(estimated.events).toBeLessThan(measured.events * 2);
  });

  it('counts what keeps an object away from the shelf, not only the hold', () => {
    const textbook = estimateLoad(load({ maxSize: 5, acquireTimeout: 50, costs: NO_COSTS }));
    const costly = estimateLoad(load({ maxSize: 5, acquireTimeout: 50 }));
    expect(costly.load!.busyMs).toBe(100 + 0.5 + 2 + 2 * 2);
    expect(costly.units).toBeGreaterThan(textbook.units * 1.5);
  });
});

describe('the work estimate of a scenario file', () => {
  const files: [string, unknown][] = readdirSync('scenarios').map((f) => [
    f,
    JSON.parse(readFileSync(`scenarios/${f}`, 'utf8')),
  ]);
  const corpus = generatedCases(LEVEL_IDS.map((id) => LEVELS[id])).map((c): [string, unknown] => [c.name, c.json]);

  it('is never below what the run does, for every example file and the golden corpus', () => {
    let checked = 0;
    for (const [name, json] of [...files, ...corpus]) {
      let parsed;
      try {
        parsed = parseScenario(json);
      } catch {
        continue;
      }
      if (parsed.load !== undefined) continue;
      const estimated = estimateScenario(parsed.scenario).counts;
      const run = runScenario(parsed.scenario, { record: false });
      const measured = { events: run.eventCount, timers: run.timersFired, tasks: run.tasksStarted };
      expect({ name, ...measured }).toEqual({
        name,
        events: Math.min(measured.events, estimated.events),
        timers: Math.min(measured.timers, estimated.timers),
        tasks: Math.min(measured.tasks, estimated.tasks),
      });
      checked++;
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('grows with restarts that make every connection again', () => {
    const steps = (restarts: number) =>
      Array.from({ length: restarts }, () => [{ do: 'restart' }, { client: 'A', do: 'with' }]).flat();
    const few = parseScenario({ level: 'production', options: { maxSize: 1000, minSize: 1000 }, steps: steps(10) });
    const many = parseScenario({ level: 'production', options: { maxSize: 1000, minSize: 1000 }, steps: steps(100) });
    expect(estimateScenario(many.scenario).units).toBeGreaterThan(estimateScenario(few.scenario).units * 9);
  });
});

describe('refusing work too heavy to run', () => {
  // The two files of the issue: one ran out of memory at 4.4 GB, one took 4 min 35 s.
  const outOfMemory = {
    level: 'production',
    options: { maxSize: 1, acquireTimeout: 1e9 },
    seed: 1,
    load: { arrivalsPerSecond: 1_000_000, holdMs: 0.001, arrivals: 5_000_000 },
  };
  const minutes = {
    level: 'production',
    options: { maxSize: 1000, acquireTimeout: 1_000_000_000 },
    seed: 1,
    load: { arrivalsPerSecond: 1000, holdMs: 1000, arrivals: 5_000_000 },
  };

  it('refuses the file that ran out of memory: millions of callers would wait at once', () => {
    const result = simulateText(JSON.stringify(outOfMemory));
    expect(result.ok).toBe(false);
    expect((result as { message: string }).message).toMatch(
      /^About \d+ callers would be in the pool at once .* away from the shelf for 6\.50 ms/,
    );
  });

  it('refuses the file that ran for minutes, with its estimate and how many arrivals would fit', () => {
    const result = simulateText(JSON.stringify(minutes));
    expect(result.ok).toBe(false);
    const { message } = result as { message: string };
    expect(message).toMatch(/^This run is too heavy for the lab: about \d+ million units of work \(about \d+ s here\)/);
    const fits = Number(/to at most ([\d,]+)/.exec(message)![1]!.replace(/,/g, ''));
    expect(fits).toBeLessThan(5_000_000);
    // What it says would fit does fit.
    const smaller = { ...minutes, load: { ...minutes.load, arrivals: fits } } as unknown as LoadScenario;
    expect(estimateLoad(smaller).units).toBeLessThanOrEqual(WORK_LIMIT);
    expect(loadProblems(smaller)).toEqual([]);
  });

  it('refuses before anything runs: a load run is never created', () => {
    expect(() => createLoadRun(minutes as unknown as LoadScenario)).toThrow(ScenarioError);
  });

  it('accepts the README’s example at the most arrivals the lab takes', () => {
    const example = load({ maxSize: 5, minSize: 5, acquireTimeout: 0, costs: NO_COSTS }, { arrivals: 5_000_000 });
    expect(loadProblems(example)).toEqual([]);
  });

  it('refuses a scenario file whose restarts would remake a thousand connections again and again', () => {
    const steps = Array.from({ length: 1600 }, () => [
      { do: 'restart' },
      { client: 'A', do: 'acquire' },
      { client: 'A', do: 'release' },
    ]).flat();
    const result = simulateText(
      JSON.stringify({ level: 'production', options: { maxSize: 1000, minSize: 1000 }, steps }),
    );
    expect(result.ok).toBe(false);
    expect((result as { message: string }).message).toMatch(
      /^This run is too heavy for the lab: .* Lower the number of steps from 4,800 to at most [\d,]+\.$/,
    );
  });
});
