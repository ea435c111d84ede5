/**
 * Text from a file or a link, as a message shows it. Whatever a file holds, a message that echoes
 * it stays one short line of plain characters: a value is JSON-quoted and clipped (`quote`), and a
 * whole message is made safe for a terminal at the end (`oneLine`) — so no file can forge a second
 * line, move the cursor, clear the screen or turn text around, and a 50 MB name prints as 80
 * characters and its length.
 */

/** How many characters of an echoed value a message shows. */
export const QUOTE_CHARS = 80;
/** The longest message line, everything included. */
export const LINE_CHARS = 1000;

/**
 * Characters a terminal may act on rather than print: C0 controls (newline, escape, …), DEL, C1
 * controls (U+009B starts an escape sequence on some terminals), the line and paragraph separators,
 * and the invisible format characters (bidi overrides and isolates, zero-width marks, the BOM)
 * that can make a line read differently from what it says.
 */
const UNSAFE_CHARS =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/;
const UNSAFE = new RegExp(UNSAFE_CHARS.source, 'g');

const escapeChar = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** The first `max` characters of `text` (never half of a surrogate pair). */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\ud800-\udbff]/.test(text[max - 1] ?? '') ? max - 1 : max;
  return text.slice(0, end);
}

/**
 * A value as a message names it: a string JSON-quoted (clipped to `max` characters, its length
 * said when it was longer), a number as written, `null`, `true`/`false`, `a list`, `an object`.
 */
export function quote(value: unknown, max = QUOTE_CHARS): string {
  if (typeof value === 'string') {
    const shown = clip(value, max);
    const quoted = JSON.stringify(shown).replace(UNSAFE, escapeChar);
    return shown.length < value.length ? `${quoted.slice(0, -1)}…" (${value.length} characters)` : quoted;
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value;
}

/**
 * A name from a file as a message shows it: as it is when it is short and plain (what the format
 * asks of a name), JSON-quoted and clipped otherwise.
 */
export function nameOf(value: unknown, max = 40): string {
  if (typeof value === 'string' && value.length > 0 && value.length <= max && isPlain(value)) return value;
  return quote(value, max);
}

/** True when a text has nothing a terminal acts on and no quote or backslash. */
export function isPlain(text: string): boolean {
  return !UNSAFE_CHARS.test(text) && !/["\\]/.test(text);
}

/**
 * A message made safe to print as one line: every character a terminal acts on written as an
 * escape (`\u001b`), and the whole clipped to `max` characters.
 */
export function oneLine(message: string, max = LINE_CHARS): string {
  const clipped = clip(message, max);
  return clipped.replace(UNSAFE, escapeChar) + (clipped.length < message.length ? '…' : '');
}

/**
 * A value as one line of JSON for a terminal: JSON.stringify already escapes C0 controls; the
 * other characters a terminal acts on are written as escapes too (the same JSON value).
 */
export function jsonLine(value: unknown): string {
  return JSON.stringify(value).replace(UNSAFE, escapeChar);
}
