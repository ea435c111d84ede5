import { describe, expect, it } from 'vitest';
import level2 from '../../engine/levels/level2.ts?raw';
import { lastLineRun, linesForStep, parseSource, stripMarkers } from './source';

describe('parseSource', () => {
  it('takes the step markers out of the text and keeps them per line', () => {
    const lines = parseSource('a(); // @step acquire.pop\nb(); // why // @step release.push\nc();');
    expect(lines).toEqual([
      { n: 1, text: 'a();', steps: ['acquire.pop'], fixes: [] },
      { n: 2, text: 'b(); // why', steps: ['release.push'], fixes: [] },
      { n: 3, text: 'c();', steps: [], fixes: [] },
    ]);
  });

  it('reads fix markers too', () => {
    expect(parseSource('x(); // @fix lock')[0]).toMatchObject({ text: 'x();', fixes: ['lock'] });
  });

  it('leaves no marker in a real level', () => {
    expect(stripMarkers(level2)).not.toMatch(/@step/);
    const lines = parseSource(level2);
    // The count and the pop are two lines, each marked on its own.
    const count = linesForStep(lines, 'acquire.count');
    const pop = linesForStep(lines, 'acquire.pop');
    expect(count).toHaveLength(1);
    expect(pop).toHaveLength(1);
    expect(pop[0]).toBe(count[0]! + 1);
    expect(linesForStep(lines, null)).toEqual([]);
  });

  it('finds the line the steps ran last: the last step’s, not the lowest or the highest number', () => {
    const lines = parseSource('a(); // @step x.one\nb(); // @step y.two\nc(); // @step x.three\nd();');
    expect(lastLineRun(lines, ['x.three', 'y.two'])?.n).toBe(2);
    expect(lastLineRun(lines, ['y.two', 'x.one'])?.text).toBe('a();');
    expect(lastLineRun(lines, [])).toBeNull();
    expect(lastLineRun(lines, ['z.none'])).toBeNull();
  });
});
