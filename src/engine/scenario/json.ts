/**
 * Values read from JSON, as a message names them.
 */
import { quote } from './quote';

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value as a message names it: `"abc"` (JSON-quoted and clipped, see quote.ts), `a list`, `null`, `3`. */
export const describe = (v: unknown): string => quote(v);
