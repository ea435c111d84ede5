import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Line } from './line';

describe('Line', () => {
  it('serves first come first served, and lets anyone leave from where they stand', () => {
    const line = new Line<{ n: number }>();
    const [a, b, c] = [{ n: 1 }, { n: 2 }, { n: 3 }];
    line.push(a);
    line.push(b);
    line.push(c);
    expect(line.remove(b)).toBe(true);
    expect(line.remove(b)).toBe(false);
    expect(line.length).toBe(2);
    expect([...line]).toEqual([a, c]);
    expect(line.shift()).toBe(a);
    expect(line.shift()).toBe(c);
    expect(line.shift()).toBeUndefined();
    expect(line.length).toBe(0);
  });

  it('behaves as an array with shift and splice, over any sequence of turns', () => {
    const turn = fc.oneof(
      fc.constant({ kind: 'push' as const, at: 0 }),
      fc.constant({ kind: 'shift' as const, at: 0 }),
      fc.record({ kind: fc.constant('remove' as const), at: fc.nat(300) }),
      fc.constant({ kind: 'takeAll' as const, at: 0 }),
    );
    fc.assert(
      fc.property(fc.array(turn, { maxLength: 600 }), (turns) => {
        const line = new Line<{ n: number }>();
        const model: { n: number }[] = [];
        let next = 0;
        for (const t of turns) {
          if (t.kind === 'push') {
            const item = { n: next++ };
            line.push(item);
            model.push(item);
          } else if (t.kind === 'shift') expect(line.shift()).toBe(model.shift());
          else if (t.kind === 'takeAll') expect(line.takeAll()).toEqual(model.splice(0));
          else {
            const item = model[t.at % Math.max(1, model.length)];
            if (item === undefined) continue;
            expect(line.remove(item)).toBe(true);
            model.splice(model.indexOf(item), 1);
          }
          expect(line.length).toBe(model.length);
        }
        expect([...line]).toEqual(model);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps only what is in line: gaps and served places are given back', () => {
    const line = new Line<{ n: number }>();
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < 100; i++) line.push({ n: i });
      const all = [...line];
      for (const item of all.filter((_, i) => i % 2 === 1)) line.remove(item);
      while (line.length > 10) line.shift();
    }
    // 10 in line; what the line holds stays within a small multiple of that.
    expect(line.length).toBe(10);
    expect((line as unknown as { items: unknown[] }).items.length).toBeLessThan(200);
  });
});
