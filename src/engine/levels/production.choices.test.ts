/**
 * Hand-picked interleaving: where more than one client could go on at the same instant, a run
 * can be told which goes first. The learner's race, produced on purpose; the lock's promise,
 * checked over every order a small scenario allows.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario, type RunResult } from '../run';
import { parseScenario } from '../scenario';
import { warningsOf } from '../testing';
import type { Fixes, Scenario } from '../types';

function scenarioFile(name: string, fixes: Partial<Fixes> = {}): Scenario {
  const text = readFileSync(new URL(`../../../scenarios/production-${name}.json`, import.meta.url), 'utf8');
  const scenario = parseScenario(JSON.parse(text)).scenario;
  return { ...scenario, options: { ...scenario.options, fixes: { ...scenario.options.fixes, ...fixes } } };
}

/** Every run a scenario allows, one per path through its choice points (up to a limit). */
function everyOrder(scenario: Scenario, limit = 5000): RunResult[] {
  const runs: RunResult[] = [];
  const explore = (prefix: number[]): void => {
    if (runs.length >= limit) return;
    const r = runScenario(scenario, { choices: prefix });
    runs.push(r);
    for (let k = prefix.length; k < r.choicePoints.length; k++) {
      const point = r.choicePoints[k]!;
      const before = r.choicePoints.slice(0, k).map((p) => p.picked);
      for (let alt = 1; alt < point.options.length; alt++) explore([...before, alt]);
    }
  };
  explore([]);
  return runs;
}

const shared = (r: RunResult) => warningsOf(r).includes('shared-object');

describe('hand-picked interleaving', () => {
  it("offers the moment where A finishes its check and B arrives, the scheduler's way first", () => {
    const r = runScenario(scenarioFile('interleave'), { choices: [] });
    const first = r.choicePoints[0]!;
    expect(first).toMatchObject({ n: 0, t: 102, picked: 0 });
    expect(first.options).toEqual([
      { who: ['A'], kind: 'resume' },
      { who: ['B'], kind: 'start' },
    ]);
    expect(r.events[first.seq - 1]!.t).toBeLessThanOrEqual(102);
    expect(shared(r)).toBe(false);
    expect(r.steps[3]!.outcome.sees).toBeNull();
  });

  it('produces the race when B is run first, with the lock off', () => {
    const r = runScenario(scenarioFile('interleave'), { choices: [1] });
    expect(r.error).toBeNull();
    expect(r.steps[0]!.outcome.object).toBe(1);
    expect(r.steps[1]!.outcome.object).toBe(1);
    expect(shared(r)).toBe(true);
    expect(r.steps[3]!.outcome.sees).toBe("cart=A's"); // B reads what A wrote
    expect(r.steps[3]!.warnings).toContain('dirty-read');
  });

  it('finds no order that makes the race with the lock on', () => {
    const runs = everyOrder(scenarioFile('interleave', { lock: true }));
    expect(runs.length).toBeGreaterThan(1);
    expect(runs.filter(shared)).toHaveLength(0);
  });

  it('never lends one object twice or passes maxSize in any order of a burst, lock on', () => {
    const burst: Scenario = {
      level: 'production',
      options: {
        minSize: 2,
        maxSize: 3,
        acquireTimeout: 300,
        costs: { createMs: [50, 50], validateMs: 2, resetMs: 2, reuseMs: 0 },
      },
      seed: 1,
      steps: [
        // Starts that fall on the very instants where checks and creates end.
        ...['A', 'B', 'C', 'D'].map((client) => ({ client, do: 'acquire' as const, at: 0 })),
        { client: 'E', do: 'acquire' as const, at: 102 },
        { client: 'A', do: 'release' as const, at: 150 },
        { client: 'F', do: 'acquire' as const, at: 150 },
        { client: 'B', do: 'release' as const, at: 154 },
      ],
    };
    const runs = everyOrder(burst);
    expect(runs.length).toBeGreaterThan(10);
    for (const r of runs) {
      expect(r.error).toBeNull();
      const w = warningsOf(r);
      expect(w).not.toContain('shared-object');
      expect(w).not.toContain('over-max');
      for (const e of r.events) expect(e.world!.pool.open).toBeLessThanOrEqual(3);
    }
    // … and the same burst with the lock off goes wrong in some order.
    const unlocked = everyOrder({ ...burst, options: { ...burst.options, fixes: { lock: false } } });
    expect(unlocked.some((r) => warningsOf(r).some((w) => w === 'shared-object' || w === 'over-max'))).toBe(true);
  });

  it('never runs time backwards, whatever is picked', () => {
    for (const r of everyOrder(scenarioFile('interleave'), 200)) {
      for (let i = 1; i < r.events.length; i++) expect(r.events[i]!.t).toBeGreaterThanOrEqual(r.events[i - 1]!.t);
    }
  });

  it('lets a chooser decide as the run goes, and records what it picked', () => {
    const seen: number[] = [];
    const r = runScenario(scenarioFile('interleave'), {
      choose: (point) => {
        seen.push(point.t);
        return point.options.findIndex((o) => o.who.includes('B'));
      },
    });
    expect(seen[0]).toBe(102);
    expect(r.choicePoints[0]!.picked).toBe(1);
    expect(shared(r)).toBe(true);
  });

  it('reports a choice that a moment does not offer as a bad scenario', () => {
    const r = runScenario(scenarioFile('interleave'), { choices: [5] });
    expect(r.error?.message).toMatch(/choice 1 is 5.*2 options/);
  });

  it("works the same on the text's levels: the database pool's race, one way or the other", () => {
    const db: Scenario = {
      level: 'database',
      options: { maxSize: 2, costs: { createMs: [100, 100], validateMs: 2, resetMs: 2, reuseMs: 0.5 } },
      seed: 1,
      steps: [
        { client: 'A', do: 'acquire' },
        { client: 'B', do: 'acquire', at: 202 },
      ],
    };
    const plain = runScenario(db);
    const picked = runScenario(db, { choices: [] });
    expect(picked.events).toEqual(plain.events);
    expect(picked.choicePoints.length).toBeGreaterThan(0);
  });

  it('says a raced connection whose second return is refused is lost, when its reader lets go', () => {
    // Thread safety off: C and A are both handed connection 1; C crashes with it, and A's return
    // (the ledger names C) is refused. When A's block lets go, no one can reach it.
    const raced = parseScenario({
      level: 'production',
      options: {
        costs: { createMs: [50, 50], validateMs: 1, resetMs: 0 },
        maxSize: 1,
        minSize: 0,
        acquireTimeout: 0,
        leakThreshold: null,
        idleTimeout: null,
        maxLifetime: null,
        fixes: { maxSize: false, lock: false, reset: false, validate: true, timeout: false, cleanup: false },
      },
      seed: 0,
      steps: [
        { do: 'with', client: 'C', write: 'a=1', fail: false },
        { do: 'with', client: 'A', write: 'a=1', fail: false },
        { do: 'acquire', client: 'C', at: 0 },
        { do: 'fail', client: 'C' },
        { do: 'acquire', client: 'A' },
        { do: 'release', client: 'A' },
      ],
    }).scenario;
    const r = runScenario(raced, { choose: (p) => ([0, 1, 3][p.n] ?? 0) % p.options.length });
    const refused = r.events.findIndex((e) => e.type === 'release.refused' && e.client === 'A');
    const exited = r.events.findIndex((e, i) => i > refused && e.type === 'block.exited' && e.client === 'A');
    expect(refused).toBeGreaterThan(0);
    expect(r.events[exited]!.world!.objects[0]!.places).toEqual([{ at: 'lost' }]);
    const warned = r.events.filter((e) => e.type === 'monitor.warned' && e.warning === 'capacity-lost');
    expect(warned.map((e) => [e.client, e.object])).toEqual([['A', 1]]);
    expect(r.events.indexOf(warned[0]!)).toBe(exited + 1);
  });
});
