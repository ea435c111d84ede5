/**
 * The CLI under fuzzing: small scenario and load files, good ones (every level, every combination of
 * the production pool's fixes) and hostile ones (wrong types, control characters, huge values,
 * prototype keys), run through the CLI's own entry function as a batch. Whatever they hold: nothing
 * is thrown, every file gives exactly one line, a good file one JSON line on standard output and a
 * bad file one plain line on standard error that names it. Fixed seed in CI (src/test-setup.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIX_NAMES, LEVEL_IDS, LEVELS, type LevelId } from '../engine';
import { runInMemory } from './testing';

const FIX_COMBINATIONS = Array.from({ length: 1 << FIX_NAMES.length }, (_, bits) =>
  Object.fromEntries(FIX_NAMES.map((name, i) => [name, (bits & (1 << i)) !== 0])),
);

const client = fc.constantFrom('A', 'B', 'C');

/** A step the level has, with fields that mostly make sense (some steps are errors on purpose). */
const stepOf = (level: LevelId) =>
  fc
    .record({
      do: fc.constantFrom(...LEVELS[level].steps),
      client,
      object: fc.integer({ min: 1, max: 4 }),
      write: fc.string({ maxLength: 6 }),
      fail: fc.boolean(),
      at: fc.integer({ min: 0, max: 500 }),
      shape: fc.nat(3),
    })
    .map(({ do: kind, client: who, object, write, fail, at, shape }) => {
      const step: Record<string, unknown> = { do: kind };
      if (kind === 'kill') step.object = object;
      else if (kind === 'release' && shape === 0) step.object = object;
      else if (kind !== 'restart' && kind !== 'close') step.client = who;
      if (kind === 'use' || (kind === 'with' && shape > 1)) step.write = write;
      if (kind === 'with' && shape === 3) step.fail = fail;
      if (shape === 1) step.at = at;
      return step;
    });

const optionsOf = (level: LevelId) =>
  fc
    .record({
      maxSize: fc.integer({ min: 1, max: 4 }),
      minSize: fc.integer({ min: 0, max: 4 }),
      acquireTimeout: fc.constantFrom(0, null, 10, 100),
      fixes: fc.constantFrom(...FIX_COMBINATIONS),
      clock: fc.constantFrom(null, 'leakThreshold', 'idleTimeout', 'maxLifetime'),
    })
    .map(({ maxSize, minSize, acquireTimeout, fixes, clock }) => {
      const specs = LEVELS[level].options;
      const o: Record<string, unknown> = {};
      if ('size' in specs) o.size = maxSize;
      if ('maxSize' in specs) o.maxSize = maxSize;
      if ('minSize' in specs) o.minSize = Math.min(minSize, maxSize);
      if ('acquireTimeout' in specs) o.acquireTimeout = acquireTimeout;
      if ('fixes' in specs) o.fixes = fixes;
      if (clock !== null && clock in specs) o[clock] = 50;
      return o;
    });

const scenarioFile = fc.constantFrom(...LEVEL_IDS).chain((level) =>
  fc.record({
    level: fc.constant(level),
    options: optionsOf(level),
    seed: fc.nat(1000),
    steps: fc.array(stepOf(level), { maxLength: 12 }),
  }),
);

const loadFile = fc.record({
  level: fc.constant('production'),
  options: fc.record({
    maxSize: fc.integer({ min: 1, max: 5 }),
    acquireTimeout: fc.constantFrom(0, null, 5, 50),
    fixes: fc.constantFrom(...FIX_COMBINATIONS),
    costs: fc.constantFrom(undefined, { reuseMs: 0, validateMs: 0, resetMs: 0 }, { createMs: [1, 5] as const }),
  }),
  seed: fc.nat(1000),
  load: fc.record({
    arrivalsPerSecond: fc.integer({ min: 1, max: 200 }),
    holdMs: fc.integer({ min: 1, max: 50 }),
    hold: fc.constantFrom('exponential', 'fixed'),
    arrivals: fc.integer({ min: 1, max: 150 }),
  }),
});

/** Text meant to do harm on a terminal: control characters, escapes, bidi, lines, floods. */
const hostileText = fc.oneof(
  fc.constantFrom(
    'acquire\nFAKE: second line',
    '\u001b[2J\u001b[31mpwned',
    '\r\u0007\u0000\u009b2J',
    'A\u202eB\u2066\u2028C',
    'x'.repeat(5000),
  ),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

/** Values no field takes: wrong types, huge and tiny numbers, prototype names. */
const hostileValue = fc.oneof(
  hostileText,
  fc.constantFrom(-1, 0, 2.5, 1e308, -1e308, 2 ** 53 + 2, 5e-324, 5_000_001, 1e12),
  fc.constantFrom(null, true, [], {}, [1, 2], { a: { b: { c: [] } } }, '__proto__', 'constructor'),
  fc.jsonValue({ maxDepth: 2 }).map((v) => (typeof v === 'number' && v > 300 && v <= 5_000_000 ? 5_000_001 : v)),
);

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

/** A good file spoiled in one place, as JSON text (own `__proto__` keys survive only as text). */
const hostileFile = fc
  .record({
    file: fc.oneof(scenarioFile, loadFile) as fc.Arbitrary<Record<string, unknown>>,
    where: fc.constantFrom('top', 'options', 'fixes', 'costs', 'load', 'step'),
    key: fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.constantFrom('level', 'seed', 'steps', 'load'), hostileText),
    existing: fc.boolean(),
    value: hostileValue,
  })
  .map(({ file, where, key, existing, value }) => {
    const copy = structuredClone(file);
    const options = (copy.options ??= {}) as Record<string, unknown>;
    const target: Record<string, unknown> =
      where === 'options'
        ? options
        : where === 'fixes'
          ? ((options.fixes ??= {}) as Record<string, unknown>)
          : where === 'costs'
            ? ((options.costs ??= {}) as Record<string, unknown>)
            : where === 'load' && typeof copy.load === 'object'
              ? (copy.load as Record<string, unknown>)
              : where === 'step' && Array.isArray(copy.steps) && copy.steps.length > 0
                ? (copy.steps[0] as Record<string, unknown>)
                : copy;
    const keys = Object.keys(target);
    const name = existing && keys.length > 0 ? keys[key.length % keys.length]! : key;
    // A key written into the text itself (JSON.parse makes `__proto__` an own key, as a file would),
    // last, so that it wins over a key of the same name before it.
    const body = JSON.stringify(target).slice(1, -1);
    const spoiled = `{${body ? `${body}, ` : ''}${JSON.stringify(name)}: ${JSON.stringify(value) ?? 'null'}}`;
    for (const k of Object.keys(target)) delete target[k];
    target['@@spoiled@@'] = 0;
    return JSON.stringify(copy).replace('{"@@spoiled@@":0}', () => spoiled);
  });

const anyText = fc.oneof(fc.string({ maxLength: 40 }), fc.json({ maxDepth: 3 }), hostileText);

// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Run a batch of files through the CLI and hold it to the contract, line by line. */
function check(texts: readonly string[]): { out: string[]; err: string[] } {
  const files = Object.fromEntries(texts.map((text, i) => [`f${i}.json`, text]));
  const r = runInMemory(files);
  expect(r.out.length + r.err.length).toBe(texts.length);
  expect(r.code).toBe(r.err.length > 0 ? 1 : 0);
  for (const line of r.out) {
    expect(line).not.toMatch(CONTROL);
    const value = JSON.parse(line) as { level?: unknown; steps?: unknown; load?: unknown };
    expect(typeof value.level).toBe('string');
    expect(Array.isArray(value.steps) || typeof value.load === 'object').toBe(true);
  }
  for (const line of r.err) {
    expect(line).toMatch(/^f\d+\.json: \S/);
    expect(line).not.toMatch(CONTROL);
    expect(line.length).toBeLessThanOrEqual(1020);
    expect(line).not.toMatch(/\bat .*\.ts:\d+|Pool Lab failed/);
  }
  return r;
}

describe('the CLI under fuzzing', () => {
  it('gives every good scenario file one line, and never a bug', () => {
    fc.assert(
      fc.property(fc.array(scenarioFile, { minLength: 1, maxLength: 4 }), (files) => {
        check(files.map((f) => JSON.stringify(f)));
      }),
      { numRuns: 200 },
    );
  });

  it('runs every good load file, with every combination of fixes, to one JSON line', () => {
    fc.assert(
      fc.property(fc.array(loadFile, { minLength: 1, maxLength: 3 }), (files) => {
        const { err } = check(files.map((f) => JSON.stringify(f)));
        // The only refusal of these small loads: a pool that cannot keep up with callers who wait forever.
        for (const line of err) expect(line).toMatch(/cannot keep up/);
      }),
      { numRuns: 100 },
    );
  });

  it('gives every hostile file exactly one plain line naming it', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(hostileFile, anyText), { minLength: 1, maxLength: 4 }), (texts) => {
        check(texts);
      }),
      { numRuns: 500 },
    );
  });
});
