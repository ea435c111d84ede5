/**
 * A scenario file's bytes and text: UTF-8, with or without a byte-order mark, and JSON. Invalid
 * UTF-8 is refused, naming the byte where it goes wrong, rather than silently read as U+FFFD.
 */
import { ScenarioError } from '../core';

const BOM = '\uFEFF';

/** The text of a file's bytes; a leading byte-order mark is dropped. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    // `fatal` refuses what is not UTF-8; the decoder drops a leading byte-order mark itself.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidByte(bytes);
    const byte = bytes[at] ?? 0;
    throw new ScenarioError(
      `not valid UTF-8: byte ${at} (0x${byte.toString(16).padStart(2, '0')}) does not begin a UTF-8 character; save the file as UTF-8`,
    );
  }
}

/** The offset of the first byte that does not begin a well-formed UTF-8 sequence. */
export function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // Lead byte: how many continuation bytes follow, and the range of the first (RFC 3629).
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) n = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      n = 2;
      if (b === 0xe0) lo = 0xa0; // no overlong forms
      if (b === 0xed) hi = 0x9f; // no surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      n = 3;
      if (b === 0xf0) lo = 0x90; // no overlong forms
      if (b === 0xf4) hi = 0x8f; // nothing past U+10FFFF
    } else return i;
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf)) return i;
    }
    i += n + 1;
  }
  return bytes.length;
}

/** JSON from a file's text; a byte-order mark (as an editor may leave it) is allowed. */
export function parseJson(text: string): unknown {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (e) {
    throw new ScenarioError(`not valid JSON: ${(e as Error).message.replace(/\s+/g, ' ')}`);
  }
}
