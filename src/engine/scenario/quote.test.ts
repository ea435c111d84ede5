import { describe, expect, it } from 'vitest';
import { jsonLine, nameOf, oneLine, quote } from './quote';

describe('quote', () => {
  it('JSON-quotes a string, escaping what a terminal would act on', () => {
    expect(quote('abc')).toBe('"abc"');
    expect(quote('a\nb')).toBe('"a\\nb"');
    expect(quote('\u001b[2J')).toBe('"\\u001b[2J"');
    expect(quote('x\u009b\u2028\u202e\u00ady')).toBe('"x\\u009b\\u2028\\u202e\\u00ady"');
  });

  it('clips a long string and says how long it was', () => {
    expect(quote('a'.repeat(100))).toBe(`"${'a'.repeat(80)}…" (100 characters)`);
    expect(quote('abcdef', 3)).toBe('"abc…" (6 characters)');
  });

  it('never cuts a surrogate pair in half', () => {
    expect(quote('ab😀c', 3)).toBe('"ab…" (5 characters)');
  });

  it('names other values as a sentence does', () => {
    expect([null, [1], {}, 3, true].map((v) => quote(v))).toEqual(['null', 'a list', 'an object', '3', 'true']);
  });
});

describe('nameOf', () => {
  it('shows a plain short name as it is and anything else quoted', () => {
    expect(nameOf('Reader A')).toBe('Reader A');
    expect(nameOf('say "hi"')).toBe('"say \\"hi\\""');
    expect(nameOf('A\u202e')).toBe('"A\\u202e"');
    expect(nameOf('')).toBe('""');
    expect(nameOf(7)).toBe('7');
  });
});

describe('oneLine', () => {
  it('escapes every control character and clips', () => {
    expect(oneLine('a\nb\r\tc\u0007')).toBe('a\\u000ab\\u000d\\u0009c\\u0007');
    expect(oneLine('x'.repeat(20), 10)).toBe(`${'x'.repeat(10)}…`);
  });
});

describe('jsonLine', () => {
  it('writes the same JSON value with every terminal control escaped', () => {
    const value = { name: 'a\u009b\u2028b\u001b' };
    const line = jsonLine(value);
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028]/);
    expect(JSON.parse(line)).toEqual(value);
  });
});
