import { describe, expect, it } from 'vitest';
import { createLoadRun, runLoad } from './run';
import { parseLoadSpec } from '../scenario';
import { loadProblems, type LoadScenario } from './spec';
import { niceStep } from './stats';
import { theoryFor } from './theory';
import { erlangB } from './queueing';
import { ScenarioError } from '../core';
import { simulateText } from '../run';
import { parseScenario } from '../scenario';

const TEXTBOOK_COSTS = { reuseMs: 0, validateMs: 0, resetMs: 0 };

function scenario(options: LoadScenario['options'], load: Partial<LoadScenario['load']> = {}): LoadScenario {
  return {
    level: 'production',
    options,
    seed: 1,
    load: { arrivalsPerSecond: 30, holdMs: 100, hold: 'exponential', arrivals: 10_000, ...load },
  };
}

describe('reading a load object', () => {
  it('reads the design’s example file', () => {
    const parsed = parseScenario({
      level: 'production',
      options: { maxSize: 5, minSize: 5, acquireTimeout: 0, costs: TEXTBOOK_COSTS },
      seed: 1,
      load: { arrivalsPerSecond: 30, holdMs: 100, hold: 'exponential', arrivals: 1000000 },
    });
    expect(parsed.load).toEqual({ arrivalsPerSecond: 30, holdMs: 100, hold: 'exponential', arrivals: 1000000 });
  });

  it.each([
    [{ arrivalsPerSecond: 0, holdMs: 100, arrivals: 10 }, 'load.arrivalsPerSecond must be above 0'],
    [{ arrivalsPerSecond: -3, holdMs: 100, arrivals: 10 }, 'must be above 0'],
    [{ arrivalsPerSecond: 1e12, holdMs: 100, arrivals: 10 }, 'the most the lab runs'],
    [{ arrivalsPerSecond: 30, holdMs: 0, arrivals: 10 }, 'load.holdMs must be above 0'],
    [{ arrivalsPerSecond: 30, holdMs: '5', arrivals: 10 }, 'load.holdMs must be a number'],
    [{ arrivalsPerSecond: 30, holdMs: 100, arrivals: 2.5 }, 'load.arrivals must be a whole number'],
    [{ arrivalsPerSecond: 30, holdMs: 100, arrivals: 0 }, 'load.arrivals must be at least 1'],
    [{ arrivalsPerSecond: 30, holdMs: 100, arrivals: 1e9 }, 'the most the lab runs'],
    [
      { arrivalsPerSecond: 30, holdMs: 100, arrivals: 10, hold: 'normal' },
      'load.hold must be "exponential" or "fixed"',
    ],
    [{ arrivalsPerSecond: 30, holdMs: 100, arrivals: 10, burst: 3 }, 'load has no "burst"'],
    [[1, 2], '"load" must be an object'],
  ])('refuses %j with a plain message', (load, message) => {
    expect(() => parseLoadSpec(load)).toThrow(ScenarioError);
    expect(() => parseLoadSpec(load)).toThrow(message);
  });

  it('refuses load on another level, or beside steps', () => {
    expect(() => parseScenario({ level: 'level2', load: { arrivalsPerSecond: 1, holdMs: 1, arrivals: 1 } })).toThrow(
      'production',
    );
    expect(() =>
      parseScenario({ level: 'production', steps: [], load: { arrivalsPerSecond: 1, holdMs: 1, arrivals: 1 } }),
    ).toThrow('not both');
  });
});

describe('what a load can run', () => {
  it('refuses a waiting pool that cannot keep up', () => {
    const problems = loadProblems(scenario({ maxSize: 3, acquireTimeout: null }, { arrivalsPerSecond: 40 }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/cannot keep up.*keep 4 objects busy.*has 3/);
  });

  it('accepts the same load when callers give up or are refused', () => {
    expect(loadProblems(scenario({ maxSize: 3, acquireTimeout: 0 }, { arrivalsPerSecond: 40 }))).toEqual([]);
    expect(loadProblems(scenario({ maxSize: 3, acquireTimeout: 1000 }, { arrivalsPerSecond: 40 }))).toEqual([]);
  });

  it('refuses a queue too long to keep in memory', () => {
    // A million callers who each wait up to 10 min on a pool of 10: nearly all of them in line at once.
    const long = { arrivalsPerSecond: 100_000, arrivals: 1_000_000 };
    const problems = loadProblems(scenario({ maxSize: 10, acquireTimeout: 600_000 }, long));
    expect(problems.join(' ')).toMatch(/callers would be in the pool at once/);
  });

  it('counts no more callers in line than the file sends', () => {
    // Ten thousand callers can never be more than ten thousand in line, however long they wait.
    const few = { arrivalsPerSecond: 100_000, arrivals: 10_000 };
    expect(loadProblems(scenario({ maxSize: 10, acquireTimeout: 600_000 }, few))).toEqual([]);
  });

  it('refuses a run spanning more virtual time than the clock resolves', () => {
    const problems = loadProblems(
      scenario({ maxSize: 5, acquireTimeout: 0 }, { arrivalsPerSecond: 0.001, arrivals: 5_000_000 }),
    );
    expect(problems.join(' ')).toMatch(/years of virtual time/);
  });
});

describe('which formula applies', () => {
  it('names Erlang B for a pool that refuses at once, and calls the pre-filled zero-cost pool textbook', () => {
    const { theory, notes } = theoryFor(scenario({ maxSize: 5, minSize: 5, acquireTimeout: 0, costs: TEXTBOOK_COSTS }));
    expect(theory?.formula).toBe('erlang-b');
    expect(theory?.textbook).toBe(true);
    expect(theory?.refused).toBeCloseTo(erlangB(3, 5), 12);
    expect(notes).toEqual([]);
  });

  it('names Erlang C for callers who wait forever with exponential holds', () => {
    const { theory } = theoryFor(scenario({ maxSize: 5, minSize: 5, acquireTimeout: null, costs: TEXTBOOK_COSTS }));
    expect(theory?.formula).toBe('erlang-c');
    expect(theory?.waited).toBeGreaterThan(0);
  });

  it('keeps Erlang B for fixed holds and says why', () => {
    const { theory, notes } = theoryFor(
      scenario({ maxSize: 5, minSize: 5, acquireTimeout: 0, costs: TEXTBOOK_COSTS }, { hold: 'fixed' }),
    );
    expect(theory?.formula).toBe('erlang-b');
    expect(notes.join(' ')).toMatch(/insensitivity/);
  });

  it('names M/M/c+D for callers who give up after a timeout', () => {
    const timed = theoryFor(scenario({ maxSize: 5, minSize: 5, acquireTimeout: 50, costs: TEXTBOOK_COSTS }));
    expect(timed.theory?.formula).toBe('mmc-patience');
    expect(timed.theory?.timedOut).toBeGreaterThan(0);
    expect(timed.notes.join(' ')).toMatch(/give up/);
  });

  it('gives no formula for fixed holds when callers wait', () => {
    expect(
      theoryFor(scenario({ maxSize: 5, minSize: 5, acquireTimeout: null, costs: TEXTBOOK_COSTS }, { hold: 'fixed' }))
        .theory,
    ).toBeNull();
    expect(
      theoryFor(scenario({ maxSize: 5, minSize: 5, acquireTimeout: 50, costs: TEXTBOOK_COSTS }, { hold: 'fixed' }))
        .theory,
    ).toBeNull();
  });

  it('flags costs and a pool not pre-filled as off the textbook, without refusing', () => {
    const { theory, notes } = theoryFor(scenario({ maxSize: 5, acquireTimeout: 0 }));
    expect(theory?.formula).toBe('erlang-b');
    expect(theory?.textbook).toBe(false);
    expect(notes.join(' ')).toMatch(/pre-filled/);
    expect(notes.join(' ')).toMatch(/away from the shelf/);
  });
});

describe('helpers', () => {
  it('picks round histogram bins', () => {
    expect(niceStep(0.7)).toBe(1);
    expect(niceStep(1.3)).toBe(2);
    expect(niceStep(3)).toBe(5);
    expect(niceStep(42)).toBe(50);
  });
});

const textbook = (
  options: { maxSize: number; acquireTimeout: number | null; costs?: LoadScenario['options']['costs'] },
  load: Partial<LoadScenario['load']> = {},
  seed = 1,
): LoadScenario => ({
  ...scenario(
    {
      minSize: options.maxSize,
      maxSize: options.maxSize,
      acquireTimeout: options.acquireTimeout,
      costs: options.costs ?? TEXTBOOK_COSTS,
    },
    load,
  ),
  seed,
});

describe('a load run', () => {
  it('gives the same result for the same seed, and another for another seed', () => {
    const s = textbook({ maxSize: 4, acquireTimeout: null }, { arrivalsPerSecond: 30, arrivals: 20_000 });
    const a = runLoad(s);
    expect(runLoad(s)).toEqual(a);
    expect(runLoad({ ...s, seed: 2 }).meanWaitMs).not.toBe(a.meanWaitMs);
  });

  it('counts the same when recorded event by event as in batch mode', () => {
    for (const acquireTimeout of [0, null, 15]) {
      const s = scenario({ maxSize: 3, minSize: 1, acquireTimeout }, { arrivalsPerSecond: 25, arrivals: 1500 });
      const recorded = createLoadRun(s, { record: true });
      recorded.advance(Number.POSITIVE_INFINITY);
      const batch = createLoadRun(s);
      batch.advance(Number.POSITIVE_INFINITY);
      const r = recorded.result();
      const b = batch.result();
      expect({ ...r, histogram: null }).toEqual({ ...b, histogram: null });
      expect(r.histogram).toEqual(b.histogram);
      // The recorded run kept every event, each with its world; the batch run kept none.
      expect(recorded.runtime.events.length).toBe(b.events);
      expect(recorded.runtime.events.at(-1)?.world).toBeDefined();
      expect(batch.runtime.events).toHaveLength(0);
    }
  });

  it('runs in slices to the same end as in one go', () => {
    const s = textbook({ maxSize: 4, acquireTimeout: 0 }, { arrivals: 10_000 });
    const run = createLoadRun(s);
    let slices = 0;
    while (!run.advance(700)) {
      slices++;
      expect(run.arrived).toBeLessThan(10_000);
    }
    expect(slices).toBeGreaterThan(10);
    expect(run.result()).toEqual(runLoad(s));
  });

  it('obeys Little’s law on measured runs', () => {
    for (const acquireTimeout of [null, 40, 0]) {
      const out = runLoad(textbook({ maxSize: 4, acquireTimeout }, { arrivalsPerSecond: 35, arrivals: 50_000 }));
      expect(out.little.borrowed).toBeGreaterThan(1);
      // Time-average number lent = served rate × mean hold; waiting = arrival rate × mean wait.
      expect(Math.abs(out.little.borrowed / out.little.rateTimesHold - 1)).toBeLessThan(0.005);
      if (acquireTimeout !== 0) expect(Math.abs(out.little.queue / out.little.rateTimesWait - 1)).toBeLessThan(0.005);
      else expect(out.little.queue).toBe(0);
    }
  });

  it('counts callers who give up, never refuses them at once, and lands near M/M/c+D', () => {
    const out = runLoad(textbook({ maxSize: 3, acquireTimeout: 20 }, { arrivalsPerSecond: 40, arrivals: 100_000 }));
    expect(out.timedOut).toBeGreaterThan(0.01);
    expect(out.refused).toBe(0);
    expect(out.waited).toBeGreaterThanOrEqual(out.timedOut);
    expect(out.served).toBe(Math.round(out.arrivals * (1 - out.timedOut)));
    // Those who give up waited exactly the timeout, so the 95th percentile is the timeout itself.
    expect(out.p95WaitMs).toBe(20);
    const theory = out.theory!;
    expect(theory.formula).toBe('mmc-patience');
    // Within four standard errors of the run's own estimate (twice the 95 % half-width).
    for (const q of ['timedOut', 'waited', 'meanWaitMs'] as const) {
      const [lo, hi] = out.ci[q].interval;
      expect(Math.abs(out[q] - theory[q])).toBeLessThan(hi - lo);
    }
  });

  it('moves off the formula when objects are away from the shelf longer than held', () => {
    const base = textbook({ maxSize: 5, acquireTimeout: 0 }, { arrivals: 50_000 });
    const clean = runLoad(base);
    const costly = runLoad({
      ...base,
      options: { ...base.options, costs: { reuseMs: 0, validateMs: 0, resetMs: 10 } },
    });
    expect(costly.refused).toBeGreaterThan(clean.refused * 1.1);
    expect(costly.theory?.textbook).toBe(false);
    expect(costly.notes.join(' ')).toMatch(/away from the shelf/);
  });

  it('starts an empty pool by creating on demand, never past maxSize', () => {
    const out = runLoad(
      scenario({ maxSize: 5, minSize: 0, acquireTimeout: 0, costs: TEXTBOOK_COSTS }, { arrivals: 5000 }),
    );
    expect(out.created).toBe(5);
    expect(out.notes.join(' ')).toMatch(/creates the rest on demand/);
  });

  it('refuses a load the pool cannot serve, with the reason', () => {
    expect(() => runLoad(textbook({ maxSize: 2, acquireTimeout: null }, { arrivalsPerSecond: 50 }))).toThrow(
      /cannot keep up/,
    );
  });
});

describe('the CLI line', () => {
  it('prints the load object of DESIGN.md with Erlang B beside it', () => {
    const text = JSON.stringify({
      level: 'production',
      options: { maxSize: 5, minSize: 5, acquireTimeout: 0, costs: TEXTBOOK_COSTS },
      seed: 1,
      load: { arrivalsPerSecond: 30, holdMs: 100, hold: 'exponential', arrivals: 20_000 },
    });
    const result = simulateText(text);
    expect(result.ok).toBe(true);
    const line = (result as { output: { level: string; load: Record<string, unknown> } }).output;
    expect(line.level).toBe('production');
    for (const key of [
      'arrivals',
      'served',
      'refused',
      'timedOut',
      'waited',
      'meanWaitMs',
      'p95WaitMs',
      'utilization',
      'theory',
    ]) {
      expect(line.load).toHaveProperty(key);
    }
    expect(line.load.arrivals).toBe(20_000);
    expect((line.load.theory as { formula: string }).formula).toBe('erlang-b');
  });

  it('reports a load the pool cannot serve as one plain line', () => {
    const text = JSON.stringify({
      level: 'production',
      options: { maxSize: 2, acquireTimeout: null },
      load: { arrivalsPerSecond: 50, holdMs: 100, arrivals: 10 },
    });
    const result = simulateText(text);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/^The pool cannot keep up/) });
  });
});
