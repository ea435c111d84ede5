/**
 * The file format's schemas themselves, for the JSON Schema generator (scripts/scenarioSchema.ts).
 */
export { SCENARIO_FILE } from './file';
export { LOAD } from './load';
export { COSTS } from './options';
export { STEP_KIND_SCHEMAS } from './steps';
