/**
 * `npm run schema`: write the repository's copy of the scenario JSON Schema
 * (scenario.schema.json) from the engine's schema. A test fails while the copy is out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SCHEMA_FILE, scenarioSchemaText } from './scenarioSchema.ts';

writeFileSync(SCHEMA_FILE, await scenarioSchemaText());
process.stdout.write(`wrote ${fileURLToPath(SCHEMA_FILE)}\n`);
