import { describe, expect, it } from 'vitest';
import { deviation, digitsApart, ms, percent } from './format';

describe('the load lab’s figures', () => {
  it('print a theory just outside its interval apart from the interval’s end', () => {
    // The first run's "Refused at once": 11.0 % – 11.5 % beside a theory of 11.0 %, and "no".
    const lo = 0.11004;
    const theory = 0.10996;
    expect(percent(theory)).toBe(percent(lo));
    const extra = digitsApart(percent, theory, lo);
    expect(extra).toBe(2);
    expect(percent(theory, extra)).toBe('10.996 %');
    expect(percent(lo, extra)).toBe('11.004 %');
    // Milliseconds the same way; figures that print apart already get no digit more.
    expect(ms(12.34, digitsApart(ms, 12.34, 12.31))).toBe('12.34 ms');
    expect(digitsApart(percent, 0.2, 0.1)).toBe(0);
    // Equal figures stop at three digits more.
    expect(digitsApart(percent, 0.5, 0.5)).toBe(3);
  });

  it('give a deviation a sign, and a dash where it means nothing', () => {
    expect(deviation(0.1125, 0.11)).toBe('+2.3 %');
    expect(deviation(0, 0)).toBe('0 %');
    expect(deviation(1, 0)).toBe('—');
  });
});
