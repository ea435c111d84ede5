import { describe, expect, it } from 'vitest';
import { DEFAULT_FORM } from '../../store/load';
import { checkForm } from './form';
import { deviation, ms, percent } from './format';

describe('the load form', () => {
  it('turns the defaults into the textbook Erlang B load', () => {
    const check = checkForm(DEFAULT_FORM);
    expect(check.errors).toEqual({});
    expect(check.scenario).toEqual({
      level: 'production',
      options: { maxSize: 5, minSize: 5, acquireTimeout: 0, costs: { reuseMs: 0, validateMs: 0, resetMs: 0 } },
      seed: 1,
      load: { arrivalsPerSecond: 30, holdMs: 100, hold: 'exponential', arrivals: 100000 },
    });
    expect(check.estimate).toBeGreaterThan(0);
  });

  it('names each bad field in words', () => {
    const check = checkForm({ ...DEFAULT_FORM, rate: '-1', holdMs: '', poolSize: '2.5', arrivals: '1e12', seed: 'x' });
    expect(check.scenario).toBeNull();
    expect(check.errors).toEqual({
      rate: 'The arrival rate must be above 0 a second.',
      holdMs: 'Enter the hold time.',
      poolSize: 'The pool size must be a whole number.',
      arrivals: 'The number of arrivals can be at most 5,000,000.',
      seed: 'The seed must be a number, not “x”.',
    });
  });

  it('refuses numbers not written in decimal, and whole numbers not written in digits', () => {
    const check = checkForm({
      ...DEFAULT_FORM,
      poolSize: '0x10',
      arrivals: '1e5',
      seed: '2.0',
      rate: '0x1e',
      holdMs: '1e2',
    });
    expect(check.scenario).toBeNull();
    expect(check.errors).toEqual({
      poolSize: 'The pool size must be a number, not “0x10”.',
      arrivals: 'Write the number of arrivals in digits, like 100000 (not “1e5”).',
      seed: 'Write the seed in digits, like 2 (not “2.0”).',
      rate: 'The arrival rate must be a number, not “0x1e”.',
    });
    // A field that takes fractions may be written with an exponent.
    expect(checkForm({ ...DEFAULT_FORM, holdMs: '1e2' }).scenario?.load.holdMs).toBe(100);
  });

  it('takes every seed the engine takes, and no more', () => {
    expect(checkForm({ ...DEFAULT_FORM, seed: '4294967295' }).scenario?.seed).toBe(4294967295);
    expect(checkForm({ ...DEFAULT_FORM, seed: '4294967296' }).errors.seed).toBe(
      'The seed can be at most 4,294,967,295.',
    );
  });

  it('passes on the engine’s verdict on a pool that cannot keep up', () => {
    const check = checkForm({ ...DEFAULT_FORM, mode: 'wait', rate: '60' });
    expect(check.scenario).toBeNull();
    expect(check.problems[0]).toMatch(/cannot keep up/);
  });

  it('refuses a load too heavy to run, with the engine’s estimate and what to lower', () => {
    const check = checkForm({
      ...DEFAULT_FORM,
      textbook: false,
      mode: 'timeout',
      timeoutMs: '1000000000',
      rate: '1000',
      holdMs: '1000',
      poolSize: '1000',
      arrivals: '5000000',
    });
    expect(check.scenario).toBeNull();
    expect(check.problems).toEqual([]);
    expect(check.errors.arrivals).toMatch(
      /^This run is too heavy for the lab: about [\d.]+ million units of work .* Lower the number of arrivals from 5,000,000 to at most [\d,]+/,
    );
  });

  it('reads costs and a timeout when the pool is not the textbook one', () => {
    const check = checkForm({
      ...DEFAULT_FORM,
      textbook: false,
      mode: 'timeout',
      timeoutMs: '25',
      minSize: '2',
      resetMs: '3',
    });
    expect(check.scenario?.options).toEqual({
      maxSize: 5,
      minSize: 2,
      acquireTimeout: 25,
      costs: { reuseMs: 0.5, validateMs: 2, resetMs: 3 },
    });
    expect(checkForm({ ...DEFAULT_FORM, textbook: false, minSize: '9' }).errors.minSize).toMatch(
      /cannot be above the pool size/,
    );
  });
});

describe('formatting', () => {
  it('prints percentages, times and deviations plainly', () => {
    expect(percent(0.1234)).toBe('12.3 %');
    expect(percent(0.00042)).toBe('0.0420 %');
    expect(ms(52.8)).toBe('52.8 ms');
    expect(ms(12_496_236)).toBe('3.5 h');
    expect(deviation(0.113, 0.11)).toBe('+2.7 %');
    expect(deviation(0.1, 0.11)).toBe('−9.1 %');
    expect(deviation(0, 0)).toBe('0 %');
  });
});
