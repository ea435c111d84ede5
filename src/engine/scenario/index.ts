/**
 * Reading a scenario file: everything is checked before anything runs, and a problem is reported
 * as one plain sentence that names the field or the step.
 */
import { ScenarioError } from '../core';
import { levelInfo } from '../levels';
import { parseLoadSpec, type LoadSpec } from '../load/spec';
import { LEVEL_IDS, type Scenario } from '../types';
import { describe, isObject, type Json } from './json';
import { LIMITS } from './limits';
import { parseOptions } from './options';
import { parseStep } from './steps';
import { quote } from './quote';

export { LIMITS } from './limits';
export { parseOptions } from './options';
export { parseStep } from './steps';
export { jsonLine, nameOf, oneLine, quote } from './quote';

export interface ParsedFile {
  readonly scenario: Scenario;
  /** Present for load runs (production level): see the load runs, src/engine/load. */
  readonly load?: LoadSpec;
}

/** Check a parsed JSON value; throws ScenarioError with a plain message. */
export function parseScenario(v: Json): ParsedFile {
  if (!isObject(v)) throw new ScenarioError(`a scenario must be a JSON object, not ${describe(v)}`);
  for (const key of Object.keys(v)) {
    if (!['level', 'options', 'seed', 'steps', 'load'].includes(key)) {
      throw new ScenarioError(`unknown field ${quote(key)} (a scenario has level, options, seed, steps or load)`);
    }
  }
  const level = v.level;
  const info = typeof level === 'string' ? levelInfo(level) : undefined;
  if (info === undefined) {
    throw new ScenarioError(`unknown level ${describe(level)} (choose one of ${LEVEL_IDS.join(', ')})`);
  }
  const id = info.id;
  const options = parseOptions(id, v.options);
  const seed = v.seed === undefined ? 1 : v.seed;
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed))
    throw new ScenarioError(`seed must be a whole number, not ${describe(seed)}`);
  if (v.load !== undefined) {
    if (v.steps !== undefined) throw new ScenarioError('a scenario has either "steps" or "load", not both');
    // Load runs measure readers waiting in line: only a level with a line can run them.
    if (!info.queues) throw new ScenarioError('load runs need "level": "production"');
    return { scenario: { level: id, options, seed, steps: [] }, load: parseLoadSpec(v.load) };
  }
  if (!Array.isArray(v.steps)) throw new ScenarioError(`"steps" must be a list of steps, not ${describe(v.steps)}`);
  if (v.steps.length > LIMITS.maxSteps)
    throw new ScenarioError(`${v.steps.length} steps is more than the ${LIMITS.maxSteps} the lab runs`);
  const steps = v.steps.map((s: Json, i: number) => parseStep(id, s, i));
  return { scenario: { level: id, options, seed, steps } };
}

export function parseScenarioText(text: string): ParsedFile {
  let json: Json;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ScenarioError(`not valid JSON: ${(e as Error).message.replace(/\s+/g, ' ')}`);
  }
  return parseScenario(json);
}
