import { describe, expect, it } from 'vitest';
import { analogyView, MAX_READERS, parseReaders } from './analogy';

describe('parseReaders', () => {
  it('accepts a whole number in range, spaces around it too', () => {
    expect(parseReaders('8')).toEqual({ ok: true, readers: 8 });
    expect(parseReaders(' 26 ')).toEqual({ ok: true, readers: 26 });
    expect(parseReaders('1')).toEqual({ ok: true, readers: 1 });
  });

  it.each([
    ['', /Enter how many/],
    ['   ', /Enter how many/],
    ['abc', /not a number/],
    ['1e3', /not a number/],
    ['2.5', /whole/],
    ['0', /At least one/],
    ['-3', /At least one/],
    [String(MAX_READERS + 1), /At most 26/],
    ['99999999999999999999', /At most/],
  ])('explains what is wrong with “%s”', (text, message) => {
    const r = parseReaders(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
});

describe('analogyView', () => {
  it('puts both totals side by side, the pool’s smaller', () => {
    const v = analogyView(12);
    const [without, withPool] = v.sides;
    expect(without.title).toBe('Without a pool');
    expect(withPool.title).toBe('With a pool');
    expect(withPool.totalMs).toBeLessThan(without.totalMs);
    expect(v.speedup).toBeCloseTo(without.totalMs / withPool.totalMs, 1);
    expect(without.printed).toBe(12);
    expect(without.reused).toBe(0);
    expect(withPool.printed + withPool.reused).toBe(12);
  });

  it('narrates each side step by step, ending with every burned or shelved', () => {
    const v = analogyView(4);
    const [without, withPool] = v.sides;
    expect(without.frames.length).toBeGreaterThan(4 * 3);
    expect(without.frames.at(-1)!.burned).toBe(4);
    expect(withPool.frames.at(-1)!.onShelf).toBe(withPool.printed);
    expect(withPool.frames.some((f) => /from the shelf — reused/.test(f.text))).toBe(true);
    expect(without.frames.some((f) => /burned after reading/.test(f.text))).toBe(true);
    for (const f of [...without.frames, ...withPool.frames]) expect(f.text).toMatch(/^[A-Z].*\.$/);
  });

  it('gives the same page for the same readers', () => {
    expect(analogyView(6)).toEqual(analogyView(6));
  });
});
