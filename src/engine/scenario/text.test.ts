import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../core';
import { decodeUtf8, firstInvalidByte } from './text';

const bytes = (...b: number[]) => new Uint8Array(b);
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeUtf8', () => {
  it('decodes UTF-8 and drops a leading byte-order mark', () => {
    expect(decodeUtf8(utf8('{"a": "Renée ✓ 😀"}'))).toBe('{"a": "Renée ✓ 😀"}');
    expect(decodeUtf8(bytes(0xef, 0xbb, 0xbf, 0x7b, 0x7d))).toBe('{}');
  });

  it('refuses bytes that are not UTF-8, naming the first bad one', () => {
    expect(() => decodeUtf8(bytes(0x7b, 0xff, 0x7d))).toThrow(ScenarioError);
    expect(() => decodeUtf8(bytes(0x7b, 0xff, 0x7d))).toThrow(
      'not valid UTF-8: byte 1 (0xff) does not begin a UTF-8 character; save the file as UTF-8',
    );
  });
});

describe('firstInvalidByte', () => {
  it.each([
    ['a stray continuation byte', [0x41, 0x80], 1],
    ['a lead byte cut short at the end', [0x41, 0xe2, 0x9c], 1],
    ['a lead byte followed by ASCII', [0xe9, 0x65], 0],
    ['an overlong form of "/"', [0xc0, 0xaf], 0],
    ['an overlong three-byte form', [0xe0, 0x80, 0x80], 0],
    ['a UTF-16 surrogate', [0x41, 0xed, 0xa0, 0x80], 1],
    ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a byte UTF-8 never uses', [0x41, 0x42, 0xf8], 2],
  ])('finds %s', (_name, input, at) => {
    const b = new Uint8Array(input);
    expect(firstInvalidByte(b)).toBe(at);
    // The same verdict as the platform's own strict decoder.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(b)).toThrow();
  });

  it('finds nothing wrong in UTF-8', () => {
    const b = utf8('ÿ€𝄞 — fine');
    expect(firstInvalidByte(b)).toBe(b.length);
  });
});
