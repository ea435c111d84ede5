import { describe, expect, it } from 'vitest';
import { simulateText } from '../run';

const fail = (json: unknown): string => {
  const r = simulateText(typeof json === 'string' ? json : JSON.stringify(json));
  if (r.ok) throw new Error('expected a malformed file');
  return r.message;
};
const ok = (json: unknown) => {
  const r = simulateText(JSON.stringify(json));
  if (!r.ok) throw new Error(r.message);
  return r.output as { steps: Record<string, unknown>[]; warnings: string[] };
};

describe('malformed scenario files', () => {
  it.each([
    ['not JSON', '{"level": ', /not valid JSON/],
    ['not an object', '[1,2]', /must be a JSON object/],
    ['an unknown level', { level: 'level9', steps: [] }, /unknown level "level9"/],
    ['an unknown field', { level: 'level1', steps: [], colour: 'red' }, /unknown field "colour"/],
    ['steps that are not a list', { level: 'level1', steps: 3 }, /"steps" must be a list/],
    [
      'a step the level lacks',
      { level: 'level2', steps: [{ client: 'A', do: 'with' }] },
      /step 1 \(with by A\): level2 has no "with" step/,
    ],
    ['an unknown step kind', { level: 'level1', steps: [{ client: 'A', do: 'borrow' }] }, /"do" must be one of/],
    ['a negative size', { level: 'level1', options: { size: -1 }, steps: [] }, /options.size must be at least 0/],
    [
      'a fractional size',
      { level: 'level2', options: { maxSize: 2.5 }, steps: [] },
      /options.maxSize must be a whole number/,
    ],
    ['an absurd size', { level: 'level2', options: { maxSize: 1e7 }, steps: [] }, /the most the lab allows is 1000/],
    [
      'min above max',
      { level: 'level2', options: { minSize: 5, maxSize: 3 }, steps: [] },
      /minSize \(5\) is above options.maxSize \(3\)/,
    ],
    [
      'min above the default max',
      { level: 'level2', options: { minSize: 11 }, steps: [] },
      /minSize \(11\) is above options.maxSize \(10\)/,
    ],
    [
      'an option of another level',
      { level: 'level1', options: { maxSize: 3 }, steps: [] },
      /level1 has no option "maxSize"/,
    ],
    [
      'bad costs',
      { level: 'level1', options: { costs: { createMs: [200, 50] } }, steps: [] },
      /minimum 200 is above the maximum 50/,
    ],
    [
      'a negative time',
      { level: 'level1', steps: [{ client: 'A', do: 'acquire', at: -5 }] },
      /step 1 \(acquire by A\): "at" cannot be negative/,
    ],
    ['a step without its client', { level: 'level1', steps: [{ do: 'acquire' }] }, /needs a "client"/],
    [
      'a release by a client holding nothing',
      { level: 'level1', steps: [{ client: 'A', do: 'release' }] },
      /step 1 \(release by A\): A holds nothing to release/,
    ],
    [
      'a read by a client holding nothing',
      { level: 'level3', steps: [{ client: 'B', do: 'read' }] },
      /B holds nothing to read/,
    ],
    [
      'an object that does not exist',
      { level: 'level1', options: { size: 2 }, steps: [{ do: 'kill', object: 9 }] },
      /object 9 does not exist \(2 created so far\)/,
    ],
    [
      'a release of an object that does not exist',
      { level: 'level3', steps: [{ client: 'A', do: 'release', object: 1 }] },
      /object 1 does not exist/,
    ],
    ['a seed that is not a number', { level: 'level1', seed: 'x', steps: [] }, /seed must be a whole number/],
    [
      'restart on a level without a server',
      { level: 'level1', steps: [{ do: 'restart' }] },
      /level1 has no "restart" step/,
    ],
    [
      'fail on a step that is not a block',
      { level: 'level4', steps: [{ client: 'A', do: 'acquire', fail: true }] },
      /"fail" belongs on a "with" step/,
    ],
  ])('names the problem: %s', (_name, json, message) => {
    expect(fail(json)).toMatch(message);
  });
});

describe('well-formed files', () => {
  it('reports every step kind with the fields the contract names', () => {
    const out = ok({
      level: 'database',
      options: { maxSize: 3 },
      seed: 3,
      steps: [
        { client: 'A', do: 'acquire' },
        { client: 'A', do: 'use', write: 'tz=UTC' },
        { client: 'A', do: 'read' },
        { client: 'A', do: 'release' },
        { client: 'B', do: 'acquire' },
        { client: 'B', do: 'fail' },
        { do: 'kill', object: 1 },
        { client: 'C', do: 'with', write: 'x=1', fail: true },
        { do: 'restart' },
        { do: 'close' },
      ],
    });
    const [acq, use, read, rel, , crash, kill, withStep, restart, close] = out.steps;
    expect(acq).toMatchObject({
      do: 'acquire',
      client: 'A',
      object: 2,
      source: 'shelf',
      discarded: [],
      available: [1],
      inUse: 1,
      warnings: [],
    });
    expect(use).toMatchObject({ do: 'use', client: 'A', object: 2 });
    expect(read).toMatchObject({ do: 'read', sees: 'tz=UTC' });
    expect(rel).toMatchObject({ do: 'release', object: 2, available: [1, 2], inUse: 0 });
    expect(crash).toMatchObject({ do: 'fail', client: 'B', object: 2, leaked: true });
    expect(kill).toMatchObject({ do: 'kill', object: 1 });
    expect(withStep).toMatchObject({
      do: 'with',
      client: 'C',
      object: 3,
      source: 'created',
      discarded: [1],
      bodyFailed: true,
    });
    expect(restart).toMatchObject({ do: 'restart' });
    expect(close).toMatchObject({ do: 'close', available: [], warnings: ['closed-with-borrowed'] });
    // B crashed holding a connection: once everything has finished it is still open
    expect(out.warnings).toEqual(['open-after-close']);
  });

  it('numbers objects in the order their creation starts, pre-filled ones first', () => {
    const out = ok({
      level: 'level2',
      options: { minSize: 2 },
      steps: [
        { client: 'A', do: 'acquire' },
        { client: 'B', do: 'acquire' },
        { client: 'C', do: 'acquire' },
      ],
    });
    expect(out.steps.map((s) => s.object)).toEqual([2, 1, 3]);
  });
});
