/**
 * A scenario's `steps`: each checked for its kind (one the level has), its fields, and the fields
 * its kind needs.
 */
import { ScenarioError } from '../core';
import { levelInfo } from '../levels';
import { STEP_KINDS, type LevelId, type Step, type StepKind } from '../types';
import { describe, duration, isObject, wholeNumber, type Json } from './json';
import { LIMITS } from './limits';
import { quote } from './quote';

const STEP_FIELDS = new Set(['do', 'client', 'object', 'write', 'fail', 'at']);

export function parseStep(level: LevelId, v: Json, index: number): Step {
  const where = (msg: string) => new ScenarioError(msg, index);
  if (!isObject(v)) throw where(`must be an object like {"client": "A", "do": "acquire"}, not ${describe(v)}`);
  const kind = v.do;
  if (typeof kind !== 'string' || !STEP_KINDS.includes(kind as StepKind)) {
    throw where(`"do" must be one of ${STEP_KINDS.join(', ')}, not ${describe(kind)}`);
  }
  const info = levelInfo(level)!;
  if (!info.steps.includes(kind as StepKind)) {
    throw where(`${level} has no "${kind}" step (it has ${info.steps.join(', ')})`);
  }
  for (const key of Object.keys(v)) {
    if (!STEP_FIELDS.has(key))
      throw where(`unknown field ${quote(key)} (a step has do, client, object, write, fail, at)`);
  }
  const step: { -readonly [K in keyof Step]: Step[K] } = { do: kind as StepKind };
  if (v.client !== undefined) {
    if (typeof v.client !== 'string' || v.client.trim() === '' || v.client.length > LIMITS.maxNameLength) {
      throw where(`"client" must be a name of 1 to ${LIMITS.maxNameLength} characters, not ${describe(v.client)}`);
    }
    step.client = v.client;
  }
  if (v.object !== undefined) step.object = wholeNumberAt(v.object, '"object"', index);
  if (v.write !== undefined) {
    if (typeof v.write !== 'string' || v.write.length > LIMITS.maxWriteLength) {
      throw where(`"write" must be text of at most ${LIMITS.maxWriteLength} characters`);
    }
    step.write = v.write;
  }
  if (v.fail !== undefined) {
    if (typeof v.fail !== 'boolean') throw where(`"fail" must be true or false, not ${describe(v.fail)}`);
    step.fail = v.fail;
  }
  if (v.at !== undefined) {
    try {
      step.at = duration(v.at, '"at"', LIMITS.maxTimeMs);
    } catch (e) {
      throw where((e as Error).message);
    }
  }
  const needsClient: readonly StepKind[] = ['acquire', 'use', 'read', 'fail', 'with'];
  if (needsClient.includes(step.do) && step.client === undefined) throw where(`a "${step.do}" step needs a "client"`);
  if (step.do === 'release' && step.client === undefined && step.object === undefined) {
    throw where('a "release" step needs a "client", an "object", or both');
  }
  if (step.do === 'kill' && step.object === undefined) throw where('a "kill" step needs the "object" to kill');
  if (step.write !== undefined && step.do !== 'use' && step.do !== 'with')
    throw where(`"write" belongs on a "use" or "with" step, not "${step.do}"`);
  if (step.fail !== undefined && step.do !== 'with')
    throw where(`"fail" belongs on a "with" step; to crash a client use {"do": "fail"}`);
  if (step.object !== undefined && step.do !== 'release' && step.do !== 'kill') {
    throw where(`"object" belongs on a "release" or "kill" step, not "${step.do}"`);
  }
  return step;
}

function wholeNumberAt(v: Json, what: string, index: number): number {
  try {
    return wholeNumber(v, what, Number.MAX_SAFE_INTEGER, 1);
  } catch (e) {
    throw new ScenarioError((e as Error).message, index);
  }
}
