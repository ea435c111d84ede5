/**
 * Values read from JSON, as a message names them.
 */

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value as a message names it: `"abc"`, `a list`, `null`, `3`. */
export const describe = (v: unknown): string =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'a list'
      : typeof v === 'string'
        ? `"${v}"`
        : typeof v === 'object'
          ? 'an object'
          : String(v);
