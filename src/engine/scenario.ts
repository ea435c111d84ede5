/**
 * Reading a scenario file: everything is checked before anything runs, and a problem is reported
 * as one plain sentence that names the field or the step.
 */
import { levelInfo } from './levels';
import { MAX_POOL_SIZE, MAX_TIME_MS, type OptionName, type OptionSpec } from './levels/options';
import { parseLoadSpec, type LoadSpec } from './loadSpec';
import { ScenarioError } from './runtime';
import {
  DEFAULT_COSTS,
  FIX_NAMES,
  LEVEL_IDS,
  STEP_KINDS,
  type Costs,
  type FixName,
  type LevelId,
  type LevelOptions,
  type Scenario,
  type Step,
  type StepKind,
} from './types';

/**
 * Caps that keep a browser tab alive; a scenario past them is refused, not run. The caps on a
 * level's options live with the options (levels/options.ts); they are repeated here by reference.
 */
export const LIMITS = {
  maxPoolSize: MAX_POOL_SIZE,
  maxSteps: 5000,
  maxTimeMs: MAX_TIME_MS,
  maxCostMs: 600_000,
  maxNameLength: 40,
  maxWriteLength: 500,
} as const;

type Json = unknown;

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const describe = (v: Json): string =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'a list'
      : typeof v === 'string'
        ? `"${v}"`
        : typeof v === 'object'
          ? 'an object'
          : String(v);

function wholeNumber(v: Json, what: string, max: number, min = 0): number {
  if (typeof v !== 'number' || !Number.isInteger(v))
    throw new ScenarioError(`${what} must be a whole number, not ${describe(v)}`);
  if (v < min) throw new ScenarioError(`${what} must be at least ${min}, not ${v}`);
  if (v > max) throw new ScenarioError(`${what} is ${v}; the most the lab allows is ${max}`);
  return v;
}

function duration(v: Json, what: string, max: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new ScenarioError(`${what} must be a number of virtual ms, not ${describe(v)}`);
  if (v < 0) throw new ScenarioError(`${what} cannot be negative (${v})`);
  if (v > max) throw new ScenarioError(`${what} is ${v} ms; the most the lab allows is ${max}`);
  return v;
}

export function parseCosts(v: Json): Partial<Costs> {
  if (!isObject(v)) throw new ScenarioError(`options.costs must be an object, not ${describe(v)}`);
  const out: { -readonly [K in keyof Costs]?: Costs[K] } = {};
  for (const [key, value] of Object.entries(v)) {
    switch (key) {
      case 'createMs': {
        const pair = Array.isArray(value) ? value : [value, value];
        if (pair.length !== 2) throw new ScenarioError('options.costs.createMs must be a number or a pair [min, max]');
        const lo = duration(pair[0], 'options.costs.createMs', LIMITS.maxCostMs);
        const hi = duration(pair[1], 'options.costs.createMs', LIMITS.maxCostMs);
        if (!Number.isInteger(lo) || !Number.isInteger(hi))
          throw new ScenarioError('options.costs.createMs must be whole numbers of ms');
        if (lo > hi) throw new ScenarioError(`options.costs.createMs: the minimum ${lo} is above the maximum ${hi}`);
        out.createMs = [lo, hi];
        break;
      }
      case 'reuseMs':
      case 'validateMs':
      case 'resetMs':
        out[key] = duration(value, `options.costs.${key}`, LIMITS.maxCostMs);
        break;
      default:
        throw new ScenarioError(`options.costs has no "${key}" (it takes createMs, reuseMs, validateMs, resetMs)`);
    }
  }
  return out;
}

export function resolveCosts(partial: Partial<Costs> | undefined): Costs {
  return { ...DEFAULT_COSTS, ...partial };
}

export function parseOptions(level: LevelId, v: Json): LevelOptions {
  if (v === undefined) return {};
  if (!isObject(v)) throw new ScenarioError(`options must be an object, not ${describe(v)}`);
  const info = levelInfo(level);
  if (!info) throw new ScenarioError(`unknown level "${level}"`);
  const specs = info.options;
  const allowed = Object.keys(specs) as OptionName[];
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(v)) {
    if (key === 'costs') {
      out.costs = parseCosts(value);
      continue;
    }
    const spec = Object.hasOwn(specs, key) ? specs[key as OptionName] : undefined;
    if (spec === undefined) {
      const takes = allowed.length > 0 ? `it takes ${allowed.join(', ')}, costs` : 'it takes only costs';
      throw new ScenarioError(`${level} has no option "${key}" (${takes})`);
    }
    out[key] = parseOption(key, spec, value);
  }
  const min = (out.minSize as number | undefined) ?? specs.minSize?.default;
  const max = (out.maxSize as number | undefined) ?? specs.maxSize?.default;
  if (typeof min === 'number' && typeof max === 'number' && min > max) {
    throw new ScenarioError(`options.minSize (${min}) is above options.maxSize (${max})`);
  }
  return out as LevelOptions;
}

/** One option's value, checked against its spec. */
function parseOption(key: string, spec: OptionSpec, value: Json): unknown {
  switch (spec.kind) {
    case 'count':
      return wholeNumber(value, `options.${key}`, spec.max, spec.min);
    case 'time': {
      const d = value === null ? null : duration(value, `options.${key}`, spec.max);
      if (d === 0 && !spec.zero) throw new ScenarioError(`options.${key} must be above 0, or null for off`);
      return d;
    }
    case 'fixes': {
      if (!isObject(value))
        throw new ScenarioError(`options.fixes must be an object of true/false, not ${describe(value)}`);
      const fixes: Partial<Record<FixName, boolean>> = {};
      for (const [name, on] of Object.entries(value)) {
        if (!FIX_NAMES.includes(name as FixName))
          throw new ScenarioError(`options.fixes has no "${name}" (it takes ${FIX_NAMES.join(', ')})`);
        if (typeof on !== 'boolean')
          throw new ScenarioError(`options.fixes.${name} must be true or false, not ${describe(on)}`);
        fixes[name as FixName] = on;
      }
      return fixes;
    }
  }
}

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
    if (!STEP_FIELDS.has(key)) throw where(`unknown field "${key}" (a step has do, client, object, write, fail, at)`);
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

export interface ParsedFile {
  readonly scenario: Scenario;
  /** Present for load runs (production level): see load.ts. */
  readonly load?: LoadSpec;
}

/** Check a parsed JSON value; throws ScenarioError with a plain message. */
export function parseScenario(v: Json): ParsedFile {
  if (!isObject(v)) throw new ScenarioError(`a scenario must be a JSON object, not ${describe(v)}`);
  for (const key of Object.keys(v)) {
    if (!['level', 'options', 'seed', 'steps', 'load'].includes(key)) {
      throw new ScenarioError(`unknown field "${key}" (a scenario has level, options, seed, steps or load)`);
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
