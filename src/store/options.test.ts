import { describe, expect, it } from 'vitest';
import { checkOptions, defaultOptionText, MAX_DRAWN, optionFields } from './options';

describe('optionFields', () => {
  it('lists each level’s size options with their defaults', () => {
    expect(optionFields('level1').map((f) => [f.name, f.defaultValue])).toEqual([['size', 5]]);
    expect(optionFields('level2').map((f) => [f.name, f.defaultValue])).toEqual([
      ['minSize', 2],
      ['maxSize', 10],
    ]);
    expect(defaultOptionText('database')).toEqual({ maxSize: '10' });
  });
});

describe('checkOptions', () => {
  it('accepts good sizes', () => {
    expect(checkOptions('level2', { minSize: '0', maxSize: '4' })).toEqual({
      options: { minSize: 0, maxSize: 4 },
      errors: {},
    });
  });

  it('names the field for each kind of bad value', () => {
    expect(checkOptions('level1', { size: ' ' }).errors.size).toMatch(/Enter a whole number/);
    expect(checkOptions('level1', { size: '-3' }).errors.size).toMatch(/negative/);
    expect(checkOptions('level1', { size: '1e9' }).errors.size).toMatch(/too many/);
    expect(checkOptions('level1', { size: String(MAX_DRAWN + 1) }).errors.size).toMatch(/too many/);
    expect(checkOptions('level3', { maxSize: '0' }).errors.maxSize).toMatch(/at least 1/);
    expect(checkOptions('level3', { maxSize: 'ten' }).errors.maxSize).toMatch(/not a number/);
  });

  it('takes whole numbers written in digits only, and says what to type instead', () => {
    expect(checkOptions('level1', { size: '0x10' }).errors.size).toBe(
      '"0x10" is not a number; enter a whole number like 3.',
    );
    expect(checkOptions('level1', { size: '1e1' }).errors.size).toBe('Write it in digits, like 10 (not "1e1").');
    expect(checkOptions('level1', { size: '3.0' }).errors.size).toBe('Write it in digits, like 3 (not "3.0").');
    expect(checkOptions('level1', { size: 'Infinity' }).errors.size).toMatch(/is not a number/);
    expect(checkOptions('level1', { size: ' 7 ' })).toEqual({ options: { size: 7 }, errors: {} });
  });

  it('puts a two-field message beside the field just edited', () => {
    expect(Object.keys(checkOptions('level2', { minSize: '5', maxSize: '3' }, 'minSize').errors)).toEqual(['minSize']);
    expect(Object.keys(checkOptions('level2', { minSize: '5', maxSize: '3' }, 'maxSize').errors)).toEqual(['maxSize']);
  });
});
