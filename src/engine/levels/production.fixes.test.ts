/**
 * The six switches: with each fix off, its scenario (scenarios/production-*.json, the files the
 * lab's buttons and the CLI run) shows the problem the text's table names, and the monitor flags
 * it; the same file with the fix on shows neither. The lines marked `// @fix name` are exactly
 * the ones the running code skips with that switch off.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario, type RunResult } from '../run';
import { parseScenario } from '../scenario';
import { eventsOf, warningsOf } from '../testing';
import { linesOf } from '../world';
import type { Fixes, LineId, Scenario } from '../types';

function scenarioFile(name: string): Scenario {
  const text = readFileSync(new URL(`../../../scenarios/production-${name}.json`, import.meta.url), 'utf8');
  return parseScenario(JSON.parse(text)).scenario;
}

/** Run a scenario file with one fix set as given (all others on). */
function runWith(name: string, fix: keyof Fixes, on: boolean): RunResult {
  const scenario = scenarioFile(name);
  const result = runScenario({ ...scenario, options: { ...scenario.options, fixes: { [fix]: on } } });
  if (result.error) throw result.error;
  return result;
}

const held = (r: RunResult) => r.final.objects.filter((o) => o.holders.length > 1);

describe('maxSize', () => {
  it('grows without bound when switched off, and the monitor says so', () => {
    const off = runWith('no-maxsize', 'maxSize', false);
    expect(off.final.pool.created).toBe(8);
    expect(off.final.pool.open).toBeGreaterThan(off.final.pool.maxSize!);
    expect(warningsOf(off)).toContain('unbounded-growth');
  });

  it('stops at maxSize and makes the rest wait when on', () => {
    const on = runWith('no-maxsize', 'maxSize', true);
    expect(on.final.pool.created).toBe(3);
    expect(eventsOf(on, 'acquire.queued')).toHaveLength(5);
    expect(warningsOf(on)).not.toContain('unbounded-growth');
  });
});

describe('lock', () => {
  it('lets two readers be handed the same connection when switched off', () => {
    const off = runWith('race-same-book', 'lock', false);
    expect(off.steps[0]!.outcome.object).toBe(off.steps[1]!.outcome.object);
    expect(held(off)).toHaveLength(1);
    expect(off.steps[4]!.outcome.sees).toBe('timezone=Asia/Tokyo'); // A reads B's setting
    expect(warningsOf(off)).toEqual(expect.arrayContaining(['shared-object', 'dirty-read']));
    // B wrote it while both held it: not "an earlier borrower".
    const read = off.events.find((e) => e.type === 'monitor.warned' && e.warning === 'dirty-read');
    expect(read?.type === 'monitor.warned' && read.message).toBe(
      'A read "timezone=Asia/Tokyo", written by B, who holds the same object at the same time',
    );
  });

  it('creates past maxSize when a burst finds room that is not there, switched off', () => {
    const off = runWith('race-over-max', 'lock', false);
    expect(off.final.pool.created).toBe(4);
    expect(warningsOf(off)).toContain('over-max');
  });

  it('lends each connection once and never passes maxSize when on', () => {
    const same = runWith('race-same-book', 'lock', true);
    expect(same.steps[0]!.outcome.object).not.toBe(same.steps[1]!.outcome.object);
    expect(same.steps[4]!.outcome.sees).toBe('timezone=UTC');
    const burst = runWith('race-over-max', 'lock', true);
    expect(burst.final.pool.created).toBe(2);
    for (const r of [same, burst]) {
      expect(held(r)).toHaveLength(0);
      expect(warningsOf(r)).not.toContain('shared-object');
      expect(warningsOf(r)).not.toContain('over-max');
    }
  });
});

describe('reset', () => {
  it("hands the next reader the last one's session when switched off", () => {
    const off = runWith('no-reset', 'reset', false);
    expect(off.steps[4]!.outcome.sees).toBe('role=admin');
    expect(warningsOf(off)).toEqual(expect.arrayContaining(['dirty-object', 'dirty-read']));
    const read = off.events.find((e) => e.type === 'monitor.warned' && e.warning === 'dirty-read');
    expect(read?.type === 'monitor.warned' && read.message).toMatch(/, written by an earlier borrower$/);
  });

  it('hands over a clean session when on', () => {
    const on = runWith('no-reset', 'reset', true);
    expect(on.steps[4]!.outcome).toMatchObject({ object: 1, sees: null });
    expect(warningsOf(on)).not.toContain('dirty-read');
  });
});

describe('validate', () => {
  it('hands out a dead connection when switched off', () => {
    const off = runWith('no-validate', 'validate', false);
    expect(off.steps[1]!.outcome).toMatchObject({ object: 1, discarded: [] });
    expect(off.steps[2]!.outcome.error).toBe('dead');
    expect(warningsOf(off)).toEqual(expect.arrayContaining(['dead-handout', 'dead-used']));
    // The failed use says the connection came dead, not that it died in the reader's hands.
    const used = off.events.find((e) => e.type === 'monitor.warned' && e.warning === 'dead-used');
    expect(used?.type === 'monitor.warned' && used.message).toBe(
      'A tried to use object 1, which was already dead when the pool handed it over',
    );
  });

  it('says a connection that died in its reader’s hands is dead, not that it came dead', () => {
    const run = runScenario({
      level: 'production',
      options: { fixes: { validate: false } },
      seed: 1,
      steps: [
        { client: 'A', do: 'acquire' },
        { do: 'kill', object: 1 },
        { client: 'A', do: 'use' },
      ],
    });
    const used = run.events.find((e) => e.type === 'monitor.warned' && e.warning === 'dead-used');
    expect(used?.type === 'monitor.warned' && used.message).toBe('A tried to use object 1, which is dead');
  });

  it('throws the dead one away and hands out a live one when on', () => {
    const on = runWith('no-validate', 'validate', true);
    expect(on.steps[1]!.outcome).toMatchObject({ object: 2, source: 'created', discarded: [1] });
    expect(on.steps[2]!.outcome.error).toBeUndefined();
    expect(warningsOf(on)).not.toContain('dead-handout');
  });
});

describe('timeout', () => {
  it('leaves a reader waiting for ever when switched off', () => {
    const off = runWith('no-timeout', 'timeout', false);
    expect(off.steps[3]!.outcome.pending).toBe(true);
    expect(off.steps[3]!.endedAt).toBeNull();
    expect(off.final.pool.waiting).toEqual(['B']);
    expect(off.steps[3]!.warnings).toContain('waiting-forever');
  });

  it('gives up after acquireTimeout when on', () => {
    const on = runWith('no-timeout', 'timeout', true);
    expect(on.steps[3]!.outcome).toMatchObject({ error: 'timeout', waited: 1000 });
    expect(on.final.pool.waiting).toEqual([]);
    expect(warningsOf(on)).not.toContain('waiting-forever');
  });

  it('waits instead of refusing at once with acquireTimeout 0 when switched off', () => {
    const scenario = scenarioFile('no-timeout');
    const zero = (timeout: boolean) =>
      runScenario({ ...scenario, options: { ...scenario.options, acquireTimeout: 0, fixes: { timeout } } });
    expect(zero(true).steps[3]!.outcome.error).toBe('exhausted');
    expect(zero(false).steps[3]!.outcome.pending).toBe(true);
  });
});

describe('cleanup', () => {
  it('leaves connections open after close when switched off', () => {
    const off = runWith('no-cleanup', 'cleanup', false);
    expect(off.final.pool.closed).toBe(true);
    expect(off.final.pool.open).toBe(2);
    expect(off.warnings).toContain('open-after-close');
  });

  it('closes every connection once all are back when on', () => {
    const on = runWith('no-cleanup', 'cleanup', true);
    expect(on.final.pool.open).toBe(0);
    expect(eventsOf(on, 'object.destroyed')).toHaveLength(on.final.pool.created);
    expect(on.warnings).not.toContain('open-after-close');
  });
});

describe('@fix markers', () => {
  const source = readFileSync(new URL('./production.ts', import.meta.url), 'utf8');
  const lines = source.split('\n');
  const FIXES: (keyof Fixes)[] = ['maxSize', 'lock', 'reset', 'validate', 'timeout', 'cleanup'];
  /** Step ids on the lines marked with a fix. */
  const stepsUnder = (fix: keyof Fixes): Set<LineId> =>
    new Set(
      lines
        .filter((l) => new RegExp(`// @fix ${fix}\\b`).test(l))
        .flatMap((l) => [...l.matchAll(/\/\/ @step ([\w.]+)\s*$/g)].map((m) => m[1] as LineId)),
    );
  const files: Record<keyof Fixes, string> = {
    maxSize: 'no-maxsize',
    lock: 'race-same-book',
    reset: 'no-reset',
    validate: 'no-validate',
    timeout: 'no-timeout',
    cleanup: 'no-cleanup',
  };

  it.each(FIXES)('marks the lines of the %s fix', (fix) => {
    expect(lines.filter((l) => l.includes(`// @fix ${fix}`)).length).toBeGreaterThan(0);
  });

  // reset, maxSize and timeout mark lines whose steps their scenario does not reach (statements
  // inside resetConnection, the queue, a refusal at acquireTimeout 0): see the tests after this.
  it.each(FIXES.filter((f) => f === 'lock' || f === 'validate' || f === 'cleanup'))(
    'runs no %s-marked step with that fix off, and some with it on',
    (fix) => {
      const marked = stepsUnder(fix);
      expect(marked.size).toBeGreaterThan(0);
      const ran = (r: RunResult) => new Set(r.events.flatMap((e) => (e.line && marked.has(e.line) ? [e.line] : [])));
      expect(ran(runWith(files[fix], fix, false)).size).toBe(0);
      expect(ran(runWith(files[fix], fix, true)).size).toBeGreaterThan(0);
    },
  );

  it('runs no reset statement with the reset fix off', () => {
    const sql = (on: boolean) => eventsOf(runWith('no-reset', 'reset', on), 'statement.started').map((e) => e.sql);
    expect(sql(false)).not.toContain('ROLLBACK');
    expect(sql(true)).toEqual(expect.arrayContaining(['ROLLBACK', 'DISCARD ALL']));
  });

  it('never queues a reader with the maxSize fix off', () => {
    expect(eventsOf(runWith('no-maxsize', 'maxSize', false), 'acquire.queued')).toHaveLength(0);
    expect(eventsOf(runWith('no-maxsize', 'maxSize', true), 'acquire.queued').length).toBeGreaterThan(0);
  });
});

describe('@step markers', () => {
  const source = readFileSync(new URL('./production.ts', import.meta.url), 'utf8');
  const markers = new Set([...source.matchAll(/\/\/ @step ([\w.]+)\s*$/gm)].map((m) => m[1]!));
  const names = [
    'no-maxsize',
    'race-same-book',
    'race-over-max',
    'interleave',
    'no-reset',
    'no-validate',
    'no-timeout',
    'no-cleanup',
    'queue',
    'leak',
  ];
  const FIXES: (keyof Fixes)[] = ['maxSize', 'lock', 'reset', 'validate', 'timeout', 'cleanup'];
  const tour = parseScenario({
    level: 'production',
    options: {
      minSize: 1,
      maxSize: 2,
      acquireTimeout: 200,
      leakThreshold: 50,
      idleTimeout: 300,
      maxLifetime: 400,
      costs: { createMs: 100 },
    },
    steps: [
      { client: 'A', do: 'acquire' },
      { client: 'B', do: 'acquire' },
      { client: 'C', do: 'acquire' },
      { client: 'D', do: 'acquire' },
      { client: 'A', do: 'use', write: 'x=1' },
      { client: 'A', do: 'release' },
      { client: 'A', do: 'release', object: 1 },
      { do: 'kill', object: 2 },
      { client: 'B', do: 'release' },
      { client: 'E', do: 'with', write: 'y=2' },
      { client: 'E', do: 'with', fail: true, at: 900 },
      { client: 'F', do: 'acquire', at: 1200 },
      { client: 'F', do: 'release', at: 1300 },
      { do: 'restart', at: 1400 },
      { client: 'G', do: 'acquire' },
      { client: 'H', do: 'acquire' },
      { client: 'I', do: 'acquire' },
      { do: 'close', at: 1700 },
      { client: 'J', do: 'acquire' },
      { client: 'G', do: 'release' },
    ],
  }).scenario;

  it('marks a line for every code line the production level runs', () => {
    const used = new Set<string>();
    const add = (r: RunResult) => r.events.forEach((e) => e.line && linesOf(e.line).forEach((l) => used.add(l)));
    add(runScenario(tour));
    for (const name of names) {
      add(runScenario(scenarioFile(name)));
      for (const fix of FIXES) add(runWith(name, fix, true));
    }
    expect(used.size).toBeGreaterThan(15);
    for (const line of used) expect(markers, `event line "${line}" has no // @step marker`).toContain(line);
  });
});
