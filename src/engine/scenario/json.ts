/**
 * Checking values read from JSON, with messages that name the field and say what was wrong.
 */
import { ScenarioError } from '../core';
import { quote } from './quote';

/** A value parsed from JSON, not yet checked. */
export type Json = unknown;

export const isObject = (v: Json): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
/** A value as a message names it: `"abc"` (quoted and clipped, see quote.ts), `a list`, `null`, `3`. */
export const describe = (v: Json): string => quote(v);

export function wholeNumber(v: Json, what: string, max: number, min = 0): number {
  if (typeof v !== 'number' || !Number.isInteger(v))
    throw new ScenarioError(`${what} must be a whole number, not ${describe(v)}`);
  if (v < min) throw new ScenarioError(`${what} must be at least ${min}, not ${v}`);
  if (v > max) throw new ScenarioError(`${what} is ${v}; the most the lab allows is ${max}`);
  return v;
}

export function duration(v: Json, what: string, max: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new ScenarioError(`${what} must be a number of virtual ms, not ${describe(v)}`);
  if (v < 0) throw new ScenarioError(`${what} cannot be negative (${v})`);
  if (v > max) throw new ScenarioError(`${what} is ${v} ms; the most the lab allows is ${max}`);
  return v;
}
