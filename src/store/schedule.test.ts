import { describe, expect, it } from 'vitest';
import { runScenario } from '../engine';
import { BEAT_MS, cursorAt, MAX_GAP_MS, nextSpeed, scheduleOf, SHORT_BEAT_MS } from './schedule';

const run = runScenario({
  level: 'level2',
  options: { minSize: 1, maxSize: 3 },
  seed: 3,
  steps: [
    { client: 'A', do: 'acquire' },
    { client: 'B', do: 'acquire' },
    { client: 'A', do: 'release' },
  ],
});

describe('scheduleOf', () => {
  it('starts at 0 and never goes back', () => {
    const s = scheduleOf(run.events);
    expect(s[0]).toBe(0);
    for (let i = 1; i < s.length; i++) expect(s[i]!).toBeGreaterThan(s[i - 1]!);
  });

  it('gives events at the same virtual instant a beat each', () => {
    const s = scheduleOf(run.events);
    run.events.forEach((e, i) => {
      const next = run.events[i + 1];
      if (!next || next.t !== e.t) return;
      expect(s[i + 1]! - s[i]!).toBeGreaterThanOrEqual(SHORT_BEAT_MS);
    });
  });

  it('compresses a long virtual wait', () => {
    const creating = run.events.findIndex((e) => e.type === 'object.creating');
    const s = scheduleOf(run.events);
    expect(s[creating + 1]! - s[creating]!).toBeLessThanOrEqual(BEAT_MS + MAX_GAP_MS);
  });

  it('is the same for the same timeline', () => {
    expect(scheduleOf(run.events)).toEqual(scheduleOf(runScenario(run.scenario).events));
  });
});

describe('cursorAt', () => {
  it('finds the last event whose time has come', () => {
    const s = [0, 100, 100, 250, 400];
    expect(cursorAt(s, 0)).toBe(0);
    expect(cursorAt(s, 99)).toBe(0);
    expect(cursorAt(s, 100)).toBe(2);
    expect(cursorAt(s, 399)).toBe(3);
    expect(cursorAt(s, 1e9)).toBe(4);
    expect(cursorAt([], 5)).toBe(0);
  });
});

describe('nextSpeed', () => {
  it('steps through the speeds and stops at the ends', () => {
    expect(nextSpeed(1, 1)).toBe(2);
    expect(nextSpeed(1, -1)).toBe(0.5);
    expect(nextSpeed(8, 1)).toBe(8);
    expect(nextSpeed(0.25, -1)).toBe(0.25);
  });
});
