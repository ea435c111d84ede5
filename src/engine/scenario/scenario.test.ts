import { describe, expect, it } from 'vitest';
import interleave from '../../../scenarios/production-interleave.json';
import { reportOf, runScenario, simulateText } from '../run';
import { parseScenario } from '.';

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
    ['a negative seed', { level: 'level1', seed: -1, steps: [] }, /seed must be at least 0, not -1/],
    [
      'a seed past 32 bits',
      { level: 'level1', seed: 2 ** 32 + 1, steps: [] },
      /seed is 4294967297; the most the lab allows is 4294967295 \(the generator takes 32 bits/,
    ],
    ['a list for options', { level: 'level1', options: [], steps: [] }, /options must be an object, not a list/],
    ['no steps and no load', { level: 'level1' }, /a scenario needs "steps" \(a list of steps\) or "load"/],
    [
      'steps and load together',
      { level: 'production', steps: [], load: {} },
      /a scenario has either "steps" or "load", not both/,
    ],
    [
      'a step list past the cap',
      { level: 'level1', steps: Array(5001).fill({ do: 'close' }) },
      /^5001 steps is more than the 5000 the lab runs$/,
    ],
    [
      'a load run on a level without a line',
      { level: 'level3', load: { arrivalsPerSecond: 1, holdMs: 1, arrivals: 1 } },
      /load runs need "level": "production"/,
    ],
    [
      'a load without arrivals',
      { level: 'production', load: { arrivalsPerSecond: 1, holdMs: 1 } },
      /load needs "arrivals"/,
    ],
    [
      'a creation time that is not whole',
      { level: 'level1', options: { costs: { createMs: [1.5, 2] } }, steps: [] },
      /options.costs.createMs must be whole numbers of ms/,
    ],
    ['a "$schema" that is not text', { level: 'level1', $schema: 3, steps: [] }, /"\$schema" must be the address/],
    [
      'choices that are not a list',
      { level: 'level1', steps: [], choices: 'x' },
      /"choices" must be a list of option numbers/,
    ],
    [
      'a choice past any option',
      { level: 'level1', steps: [], choices: [100] },
      /a choice of 100 is more than any moment offers/,
    ],
    [
      'choices on a load run',
      { level: 'production', choices: [1], load: { arrivalsPerSecond: 1, holdMs: 1, arrivals: 1 } },
      /"choices" go with "steps"/,
    ],
    [
      'more choices than the run has moments',
      { level: 'level1', steps: [{ client: 'A', do: 'acquire' }], choices: [0] },
      /"choices" has 1 pick, but this run has no moment where two readers could go on at once/,
    ],
    [
      'a choice that its moment does not offer',
      { ...interleave, options: { ...interleave.options, fixes: { lock: false } }, choices: [7] },
      /choice 1 is 7, but that moment offers 2 options \(0 to 1\)/,
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

describe('what a message echoes from a file', () => {
  // The schema's messages quote a file's words as the CLI's other lines do (quote.ts).
  it.each([
    ['a field', { level: 'level1', steps: [], 'x\nFAKE': 1 }, /^unknown field "x\\nFAKE" \(/],
    ['an option', { level: 'level2', options: { 'a\u001b[2J': 1 }, steps: [] }, /^level2 has no option "a\\u001b\[2J"/],
    [
      'a cost',
      { level: 'level2', options: { costs: { ['c'.repeat(500)]: 1 } }, steps: [] },
      /"c{80}…" \(500 characters\)/,
    ],
    ['a fix', { level: 'production', options: { fixes: { 'f\u202e': true } }, steps: [] }, /has no "f\\u202e"/],
    ['a step field', { level: 'level1', steps: [{ client: 'A', do: 'acquire', 'k\r': 1 }] }, /unknown field "k\\r"/],
    [
      'a load field',
      { level: 'production', load: { arrivalsPerSecond: 1, holdMs: 1, arrivals: 1, 'l\n': 1 } },
      /load has no "l\\n"/,
    ],
  ])('quotes %s the format does not have, on one line', (_, json, message) => {
    const line = fail(json);
    expect(line).toMatch(message);
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
  });
});

describe('what a file may also hold', () => {
  it('accepts "$schema" and runs the file as if it were not there', () => {
    const plain = { level: 'level2', steps: [{ client: 'A', do: 'acquire' }] };
    expect(ok({ $schema: './scenario.schema.json', ...plain })).toEqual(ok(plain));
  });

  it('accepts every seed from 0 to 2^32 - 1, each its own run', () => {
    const file = (seed: number) => ({
      level: 'level1',
      options: { size: 0 },
      seed,
      steps: [{ client: 'A', do: 'acquire' }],
    });
    expect(ok(file(0)).steps[0]).toMatchObject({ source: 'created' });
    const last = simulateText(JSON.stringify(file(2 ** 32 - 1)));
    expect(last.ok).toBe(true);
  });

  it('reads a byte-order mark at the start of the text as nothing', () => {
    const text = JSON.stringify({ level: 'level1', steps: [{ client: 'A', do: 'acquire' }] });
    expect(simulateText(`\uFEFF${text}`)).toEqual(simulateText(text));
  });
});

describe('choices in a file', () => {
  it('replays the hand-picked run the page records, and the scheduler’s own run without them', () => {
    const race = { ...interleave, options: { ...interleave.options, fixes: { lock: false } } };
    const own = ok(race);
    expect(ok({ ...race, choices: [0] })).toEqual(own);
    const picked = ok({ ...race, choices: [1] });
    expect(picked).not.toEqual(own);
    // The same run the engine makes when the page passes the picks (the production page's way).
    const parsed = parseScenario(race).scenario;
    expect(picked).toEqual(reportOf(runScenario(parsed, { choices: [1], record: false })));
  });
});
