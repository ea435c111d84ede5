import { describe, expect, it } from 'vitest';
import { niceTicks } from './ticks';

describe('niceTicks', () => {
  it('picks round steps of 1, 2 or 5 × 10^k', () => {
    expect(niceTicks(0, 100, 5)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0, 7, 4)).toEqual([0, 2, 4, 6]);
    expect(niceTicks(0, 0.3, 3)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceTicks(0, 1234, 4)).toEqual([0, 500, 1000]);
  });

  it('starts at the first round value inside the range', () => {
    expect(niceTicks(3, 27, 5)).toEqual([5, 10, 15, 20, 25]);
  });

  it('never splits finer than the smallest step it is given', () => {
    expect(niceTicks(0, 2, 4, 1)).toEqual([0, 1, 2]);
    expect(niceTicks(0, 2, 4)).toEqual([0, 0.5, 1, 1.5, 2]);
  });

  it('gives one tick for an empty range', () => {
    expect(niceTicks(0, 0, 4, 1)).toEqual([0]);
  });
});
