import { describe, expect, it } from 'vitest';
import { diffLines, diffStats, hunks } from './diff';

const ops = (a: string, b: string) => diffLines(a, b).map((l) => `${l.op[0]}${l.text}`);

describe('diffLines', () => {
  it('keeps equal files equal', () => {
    expect(ops('a\nb', 'a\nb')).toEqual(['sa', 'sb']);
  });

  it('finds an added and a removed line', () => {
    expect(ops('a\nb\nc', 'a\nc\nd')).toEqual(['sa', 'rb', 'sc', 'ad']);
  });

  it('rebuilds both files from the diff', () => {
    const a = 'one\ntwo\nthree\nfour\nfive';
    const b = 'zero\none\nthree\n3.5\nfive\nsix';
    const d = diffLines(a, b);
    expect(
      d
        .filter((l) => l.op !== 'added')
        .map((l) => l.text)
        .join('\n'),
    ).toBe(a);
    expect(
      d
        .filter((l) => l.op !== 'removed')
        .map((l) => l.text)
        .join('\n'),
    ).toBe(b);
    expect(diffStats(d)).toEqual({ added: 3, removed: 2 });
  });

  it('numbers lines in each file', () => {
    const d = diffLines('x\ny', 'y\nz');
    expect(d).toEqual([
      { op: 'removed', text: 'x', oldN: 1, newN: null },
      { op: 'same', text: 'y', oldN: 2, newN: 1 },
      { op: 'added', text: 'z', oldN: null, newN: 2 },
    ]);
  });
});

describe('hunks', () => {
  it('folds long unchanged runs and keeps context', () => {
    const a = Array.from({ length: 20 }, (_, i) => `l${i}`).join('\n');
    const b = a.replace('l10', 'L10');
    const h = hunks(diffLines(a, b), 2);
    expect(h).toHaveLength(1);
    expect(h[0]!.skippedBefore).toBe(8);
    expect(h[0]!.lines.map((l) => l.text)).toEqual(['l8', 'l9', 'l10', 'L10', 'l11', 'l12']);
  });
});
