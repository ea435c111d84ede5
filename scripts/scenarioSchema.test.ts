/**
 * The scenario JSON Schema: the repository's copy is what the engine's schema generates, and a
 * JSON Schema validator of its own (Ajv, draft-07, as editors read it) agrees with the engine on
 * every example file and on each structurally malformed file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { generatedCases } from '../src/cli/golden/corpus';
import { LEVEL_IDS, LEVELS, parseScenario } from '../src/engine';
import { SCHEMA_FILE, scenarioJsonSchema, scenarioSchemaText } from './scenarioSchema';

const SCENARIOS = new URL('../scenarios/', import.meta.url);
const README = new URL('../README.md', import.meta.url);

const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
// strictTypes off: the schema's rules across fields (`required` inside anyOf/not) lean on the object's own type.
const validate = ajv.compile(scenarioJsonSchema());
const engineTakes = (json: unknown) => {
  try {
    parseScenario(json);
    return true;
  } catch {
    return false;
  }
};

/** Every example a reader is shown: the files in scenarios/ and the README's scenario blocks. */
function examples(): [string, unknown][] {
  const files = readdirSync(SCENARIOS).filter((f) => f.endsWith('.json'));
  const out: [string, unknown][] = files.map((f) => [
    `scenarios/${f}`,
    JSON.parse(readFileSync(new URL(f, SCENARIOS), 'utf8')),
  ]);
  const blocks = [...readFileSync(README, 'utf8').matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!));
  blocks
    .filter((b) => typeof b === 'object' && b !== null && 'level' in b)
    .forEach((b, i) => out.push([`README block ${i + 1}`, b]));
  return out;
}

/** Files wrong in their structure: a field of the wrong type, one a level lacks, a value past a cap. */
const MALFORMED: [string, unknown][] = [
  ['a list', [1, 2]],
  ['no level', { steps: [] }],
  ['an unknown level', { level: 'level9', steps: [] }],
  ['an unknown field', { level: 'level1', steps: [], colour: 'red' }],
  ['no steps and no load', { level: 'level1' }],
  ['steps and load', { level: 'production', steps: [], load: { arrivalsPerSecond: 1, holdMs: 1, arrivals: 1 } }],
  ['steps that are not a list', { level: 'level1', steps: 3 }],
  ['an option of another level', { level: 'level1', options: { maxSize: 3 }, steps: [] }],
  ['a size past the cap', { level: 'level2', options: { maxSize: 1001 }, steps: [] }],
  ['a fractional size', { level: 'level2', options: { maxSize: 2.5 }, steps: [] }],
  ['maxSize 0', { level: 'level3', options: { maxSize: 0 }, steps: [] }],
  ['a threshold of 0', { level: 'production', options: { leakThreshold: 0 }, steps: [] }],
  ['an unknown fix', { level: 'production', options: { fixes: { lok: false } }, steps: [] }],
  ['a fix that is not true or false', { level: 'production', options: { fixes: { lock: 'no' } }, steps: [] }],
  ['an unknown cost', { level: 'level1', options: { costs: { fooMs: 1 } }, steps: [] }],
  ['a creation time of three numbers', { level: 'level1', options: { costs: { createMs: [1, 2, 3] } }, steps: [] }],
  ['a seed past 32 bits', { level: 'level1', seed: 2 ** 32, steps: [] }],
  ['a negative seed', { level: 'level1', seed: -1, steps: [] }],
  ['a step that is not an object', { level: 'level1', steps: [3] }],
  ['a step kind the level lacks', { level: 'level2', steps: [{ client: 'A', do: 'with' }] }],
  ['an unknown step kind', { level: 'level1', steps: [{ client: 'A', do: 'borrow' }] }],
  ['an acquire without its reader', { level: 'level1', steps: [{ do: 'acquire' }] }],
  ['a kill without its object', { level: 'level1', steps: [{ do: 'kill' }] }],
  ['a release naming nothing', { level: 'level1', steps: [{ do: 'release' }] }],
  ['a note on an acquire', { level: 'level1', steps: [{ client: 'A', do: 'acquire', write: 'x' }] }],
  ['an empty reader name', { level: 'level1', steps: [{ client: ' ', do: 'acquire' }] }],
  ['a negative time', { level: 'level1', steps: [{ client: 'A', do: 'acquire', at: -5 }] }],
  ['object 0', { level: 'level1', steps: [{ do: 'kill', object: 0 }] }],
  ['too many steps', { level: 'level1', steps: Array(5001).fill({ do: 'kill', object: 1 }) }],
  ['choices that are not numbers', { level: 'production', steps: [], choices: ['a'] }],
  ['a choice past any option', { level: 'production', steps: [], choices: [100] }],
  [
    'choices on a load run',
    { level: 'production', choices: [1], load: { arrivalsPerSecond: 1, holdMs: 1, arrivals: 1 } },
  ],
  ['a load on a level without a line', { level: 'level3', load: { arrivalsPerSecond: 1, holdMs: 1, arrivals: 1 } }],
  ['a load without arrivals', { level: 'production', load: { arrivalsPerSecond: 1, holdMs: 1 } }],
  ['a load of no callers a second', { level: 'production', load: { arrivalsPerSecond: 0, holdMs: 1, arrivals: 1 } }],
  ['an unknown hold', { level: 'production', load: { arrivalsPerSecond: 1, holdMs: 1, arrivals: 1, hold: 'x' } }],
  ['a "$schema" that is not text', { level: 'level1', $schema: 3, steps: [] }],
];

describe('scenario.schema.json', () => {
  it('is what the engine’s schema generates (regenerate with npm run schema)', async () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(await scenarioSchemaText());
  });

  it.each(examples())('accepts %s, which names it', (_name, json) => {
    expect(validate(json), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(engineTakes(json)).toBe(true);
  });

  it('names itself in every file in scenarios/', () => {
    for (const [name, json] of examples().filter(([n]) => n.startsWith('scenarios/')))
      expect((json as { $schema?: string }).$schema, name).toBe('../scenario.schema.json');
  });

  it.each(MALFORMED)('rejects %s, as the engine does', (_name, json) => {
    expect(engineTakes(json)).toBe(false);
    expect(validate(json)).toBe(false);
  });

  it('accepts every generated scenario the engine accepts', () => {
    const cases = generatedCases(LEVEL_IDS.map((id) => LEVELS[id]));
    expect(cases.length).toBeGreaterThan(300);
    for (const c of cases) if (engineTakes(c.json)) expect(validate(c.json), c.name).toBe(true);
  });
});
