import { describe, expect, it } from 'vitest';
import {
  clockAt,
  DWELL_MS,
  momentIndexAt,
  MOVE_CEILING_MS,
  MOVE_FLOOR_MS,
  moveMs,
  REAL_MS_PER_VIRTUAL_MS,
  scheduleOf,
} from './analogyPlay';

const A = [0, 0, 0, 20, 79, 79, 119];
const B = [0, 0, 10, 79, 80];

describe('scheduleOf', () => {
  const s = scheduleOf([A, B]);

  it('plays every frame of both scenes once, in order, on one clock', () => {
    for (const [scene, times] of [A, B].entries()) {
      const shown = s.moments.map((m) => m.frames[scene]!);
      expect(shown[0]).toBe(0);
      expect(shown.at(-1)).toBe(times.length - 1);
      for (let i = 1; i < shown.length; i++) expect(shown[i]! - shown[i - 1]!).toBeGreaterThanOrEqual(0);
      expect(new Set(shown)).toEqual(new Set(times.keys()));
      // A scene's frame is on screen only once the clock has reached its time.
      s.moments.forEach((m) => expect(times[m.frames[scene]!]).toBeLessThanOrEqual(m.t));
    }
  });

  it('plays the two scenes’ moments at one instant together, then one after another', () => {
    expect(s.moments.filter((m) => m.t === 0).map((m) => m.frames)).toEqual([
      [0, 0],
      [1, 1],
      [2, 1],
    ]);
    expect(s.moments.filter((m) => m.t === 79).map((m) => m.frames)).toEqual([
      [4, 3],
      [5, 3],
    ]);
  });

  it('keeps every moment on screen a while, and runs the clock in proportion to virtual time', () => {
    for (let i = 1; i < s.moments.length; i++) {
      const [before, now] = [s.moments[i - 1]!, s.moments[i]!];
      expect(now.at - before.at).toBe(Math.max(DWELL_MS, (now.t - before.t) * REAL_MS_PER_VIRTUAL_MS));
      expect(momentIndexAt(s, now.at)).toBe(i);
      expect(momentIndexAt(s, now.at - 1)).toBe(i - 1);
      expect(clockAt(s, now.at)).toBe(now.t);
    }
    expect(s.end).toBe(s.moments.at(-1)!.at + DWELL_MS);
    let last = -1;
    for (let p = 0; p <= s.end; p += 37) {
      const t = clockAt(s, p);
      expect(t).toBeGreaterThanOrEqual(last);
      last = t;
    }
    expect(clockAt(s, s.end)).toBe(119);
  });

  it('moves a book for the virtual time it covers, never quicker than the floor nor slower than the ceiling', () => {
    const at = (t: number) => s.moments.findIndex((m) => m.t === t);
    expect(moveMs(s, 1, 1)).toBe(MOVE_FLOOR_MS);
    expect(moveMs(s, at(20), 1)).toBe(Math.max(MOVE_FLOOR_MS, 10 * REAL_MS_PER_VIRTUAL_MS));
    // 119 follows the other scene's 80: the move covers 39 virtual ms.
    expect(moveMs(s, at(119), 1)).toBe(39 * REAL_MS_PER_VIRTUAL_MS);
    expect(moveMs(s, at(119), 0.5)).toBe((39 * REAL_MS_PER_VIRTUAL_MS) / 0.5);
    expect(moveMs(s, at(119), 2)).toBe(MOVE_FLOOR_MS);
    expect(moveMs(scheduleOf([[0, 500]]), 1, 1)).toBe(MOVE_CEILING_MS);
  });
});
