/**
 * The scenario file format as a JSON Schema, generated from the very schema the lab and the CLI
 * check files with (src/engine/scenario). Build-time only: Vite serves it at
 * /scenario.schema.json (vite.config.ts) and the repository keeps a copy,
 * scenario.schema.json, that a test holds equal to this output. Regenerate the copy with
 * `npm run schema`.
 *
 * @valibot/to-json-schema runs here and in tests, never in the browser.
 */
import { toJsonSchema } from '@valibot/to-json-schema';
import * as prettier from 'prettier';
import { SCENARIO_FILE, STEP_KIND_SCHEMAS, COSTS, LOAD } from '../src/engine/scenario/schemas.ts';

/** Where the lab serves the schema, and the copy in the repository. */
export const SCHEMA_PATH = '/scenario.schema.json';
export const SCHEMA_FILE = new URL('../scenario.schema.json', import.meta.url);

export function scenarioJsonSchema(): Record<string, unknown> {
  return toJsonSchema(SCENARIO_FILE, {
    target: 'draft-07',
    // A pipe's checks that JSON Schema has no word for are the engine's alone (each cross-field
    // rule brings its JSON twin as metadata); transforms change no input a file may hold.
    typeMode: 'output',
    ignoreActions: ['check', 'transform', 'finite'],
    definitions: { ...STEP_KIND_SCHEMAS, costs: COSTS, load: LOAD },
    errorMode: 'throw',
  }) as Record<string, unknown>;
}

/** The schema as the repository keeps it: formatted as Prettier formats JSON here. */
export async function scenarioSchemaText(): Promise<string> {
  const options = (await prettier.resolveConfig(SCHEMA_FILE)) ?? {};
  return prettier.format(JSON.stringify(scenarioJsonSchema()), { ...options, parser: 'json' });
}
