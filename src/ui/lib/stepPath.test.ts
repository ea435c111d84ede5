import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stepPath } from './stepPath';

/** The path drawn point by point: a horizontal and a vertical move each (what the chart drew before). */
function everyPoint(
  ts: readonly number[],
  vs: readonly number[],
  x: (t: number) => number,
  y: (v: number) => number,
  end: number,
) {
  let d = `M${x(ts[0]!)},${y(vs[0]!)}`;
  for (let i = 1; i < ts.length; i++) d += ` H${x(ts[i]!)} V${y(vs[i]!)}`;
  return `${d} H${x(end)}`;
}

/** Per column of x (half a unit), the lowest and highest y the path's vertical moves reach there. */
function reach(d: string): Map<number, [number, number]> {
  const cols = new Map<number, [number, number]>();
  let cx = 0;
  let cy = 0;
  for (const [, cmd, a, b] of d.matchAll(/([MHV])(-?[\d.e-]+)(?:,(-?[\d.e-]+))?/g)) {
    if (cmd === 'M') [cx, cy] = [Number(a), Number(b)];
    else if (cmd === 'H') cx = Number(a);
    else {
      const ny = Number(a);
      const c = Math.round(cx * 2) / 2;
      const [lo, hi] = cols.get(c) ?? [Infinity, -Infinity];
      cols.set(c, [Math.min(lo, cy, ny), Math.max(hi, cy, ny)]);
      cy = ny;
    }
  }
  return cols;
}

const x = (t: number) => 30 + t / 10;
const y = (v: number) => 150 - v * 10;

describe('stepPath', () => {
  it('draws sparse points exactly as point by point', () => {
    const ts = [0, 40, 95, 300, 1200];
    const vs = [0, 2, 1, 3, 0];
    expect(
      stepPath(
        ts.map((t) => ({ t })),
        (i) => vs[i]!,
        x,
        y,
        1500,
      ),
    ).toBe(everyPoint(ts, vs, x, y, 1500));
    expect(stepPath([], () => 0, x, y, 10)).toBe('');
  });

  it('keeps every column’s lowest and highest value and ends where point by point ends, in a bounded path', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(20), fc.nat(9)), { minLength: 1, maxLength: 3000 }), (steps) => {
        let t = 0;
        const ts = steps.map(([dt]) => (t += dt));
        const vs = steps.map(([, v]) => v);
        const end = t + 5;
        const drawn = stepPath(
          ts.map((t) => ({ t })),
          (i) => vs[i]!,
          x,
          y,
          end,
        );
        const full = everyPoint(ts, vs, x, y, end);
        expect(reach(drawn)).toEqual(reach(full));
        expect(drawn.endsWith(` H${x(end)}`)).toBe(true);
        // At most four moves per column the points reach, whatever their number.
        const columns = new Set(ts.map((t) => Math.round(x(t) * 2) / 2)).size;
        expect(drawn.match(/[HV]/g)!.length).toBeLessThanOrEqual(4 * columns + 1);
      }),
      { numRuns: 200, seed: 3 },
    );
  });

  it('stays short for a long session: 50,000 changes on a chart 300 units wide', () => {
    const n = 50_000;
    const points = Array.from({ length: n }, (_, i) => ({ t: i }));
    const wide = (t: number) => 34 + (t / n) * 300;
    const d = stepPath(points, (i) => (i * 7919) % 13, wide, y, n);
    expect(d.length).toBeLessThan(60_000);
    const full = everyPoint(
      points.map((p) => p.t),
      points.map((_, i) => (i * 7919) % 13),
      wide,
      y,
      n,
    );
    expect(full.length).toBeGreaterThan(10 * d.length);
  });
});
