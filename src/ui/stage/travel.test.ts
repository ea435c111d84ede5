import { describe, expect, it } from 'vitest';
import { TRAVEL_CEILING_MS, TRAVEL_FLOOR_MS, TRAVEL_MS_PER_VIRTUAL_MS, travelMs } from './travel';

describe('travelMs', () => {
  it('gives an instant hand-over the floor', () => {
    expect(travelMs(0, 1)).toBe(TRAVEL_FLOOR_MS);
    expect(travelMs(0.5, 8)).toBe(TRAVEL_FLOOR_MS);
  });

  it('lasts in proportion to the virtual time covered, at the chosen speed', () => {
    expect(travelMs(100, 1)).toBe(100 * TRAVEL_MS_PER_VIRTUAL_MS);
    expect(travelMs(100, 0.5)).toBe(2 * travelMs(100, 1));
    expect(travelMs(200, 2)).toBe(travelMs(100, 1));
  });

  it('never stalls the story past the ceiling', () => {
    expect(travelMs(190, 2)).toBeLessThan(TRAVEL_CEILING_MS);
    expect(travelMs(190, 0.5)).toBe(TRAVEL_CEILING_MS);
    expect(travelMs(30_000, 0.25)).toBe(TRAVEL_CEILING_MS);
  });
});
