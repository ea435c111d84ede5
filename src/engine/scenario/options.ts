/**
 * A scenario's `options`: each checked against the level's own option specs (their defaults and
 * limits live in the level registry), and `costs`, which every level takes.
 */
import { ScenarioError } from '../core';
import { levelInfo, type OptionName, type OptionSpec } from '../levels';
import { FIX_NAMES, type Costs, type FixName, type LevelId, type LevelOptions } from '../types';
import { describe, duration, isObject, wholeNumber, type Json } from './json';
import { quote } from './quote';
import { LIMITS } from './limits';

function parseCosts(v: Json): Partial<Costs> {
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
        throw new ScenarioError(`options.costs has no ${quote(key)} (it takes createMs, reuseMs, validateMs, resetMs)`);
    }
  }
  return out;
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
      throw new ScenarioError(`${level} has no option ${quote(key)} (${takes})`);
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
          throw new ScenarioError(`options.fixes has no ${quote(name)} (it takes ${FIX_NAMES.join(', ')})`);
        if (typeof on !== 'boolean')
          throw new ScenarioError(`options.fixes.${name} must be true or false, not ${describe(on)}`);
        fixes[name as FixName] = on;
      }
      return fixes;
    }
  }
}
