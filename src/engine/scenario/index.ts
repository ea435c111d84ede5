/**
 * Reading a scenario file: everything is checked before anything runs, against one schema per
 * level (file.ts), and a problem is reported as one plain sentence that names the field or the
 * step. The schema is also the file format's JSON Schema (scripts/scenarioSchema.ts), so an
 * editor checks a file the way the lab does.
 */
import type { LoadSpec } from '../load/spec';
import type { LevelId, LevelOptions, Scenario, Step } from '../types';
import { SCENARIO_FILE } from './file';
import { LOAD } from './load';
import { OPTIONS } from './options';
import { check } from './problem';
import { STEPS } from './steps';
import { parseJson } from './text';

export { SCENARIO_FILE } from './file';
export { LIMITS } from './limits';
export type { ScenarioFile } from './file';
export { decodeUtf8, firstInvalidByte, parseJson } from './text';
export { jsonLine, nameOf, oneLine, quote } from './quote';

export interface ParsedFile {
  readonly scenario: Scenario;
  /** Present for load runs (production level): see the load runs, src/engine/load. */
  readonly load?: LoadSpec;
}

/** Check a parsed JSON value; throws ScenarioError with a plain message. */
export function parseScenario(value: unknown): ParsedFile {
  const file = check(SCENARIO_FILE, value);
  const { level, options = {}, seed = 1 } = file;
  if (file.load !== undefined) return { scenario: { level, options, seed, steps: [] }, load: file.load };
  const scenario: Scenario = { level, options, seed, steps: file.steps ?? [] };
  return { scenario: file.choices === undefined ? scenario : { ...scenario, choices: file.choices } };
}

export function parseScenarioText(text: string): ParsedFile {
  return parseScenario(parseJson(text));
}

/** A level's options alone (the lab's options form). */
export function parseOptions(level: LevelId, value: unknown): LevelOptions {
  return value === undefined ? {} : check(OPTIONS[level], value);
}

/** One step alone, as step `index` of a file on `level` (a step added by hand). */
export function parseStep(level: LevelId, value: unknown, index: number): Step {
  return check(STEPS[level], value, index);
}

/** A file's `load` object alone. */
export function parseLoadSpec(value: unknown): LoadSpec {
  return check(LOAD, value);
}
