import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LEVELS } from '.';
import { linesOf } from '../world';
import { play } from '../testing';
import { LEVEL_IDS, type LevelId } from '../types';

/** Every `// @step id` marker in a level's source. */
function markersOf(level: LevelId): Set<string> {
  const source = readFileSync(new URL(`./${LEVELS[level].source}`, import.meta.url), 'utf8');
  return new Set([...source.matchAll(/\/\/ @step ([\w.]+)\s*$/gm)].map((m) => m[1]!));
}

/** A scenario that exercises every step the level has, in an order that is valid on every level. */
function tour(level: LevelId): unknown[] {
  const info = LEVELS[level];
  const has = (s: string) => info.steps.includes(s as never);
  const steps: unknown[] = [
    { client: 'A', do: 'acquire' },
    { client: 'A', do: 'use', write: 'k=v' },
    { client: 'A', do: 'read' },
    { client: 'A', do: 'release' },
    { client: 'A', do: 'release', object: 1 },
    { client: 'B', do: 'acquire' },
    { client: 'B', do: 'fail' },
    { do: 'kill', object: 1 },
    { client: 'C', do: 'acquire' },
    { client: 'D', do: 'acquire', at: 0 },
    { client: 'E', do: 'acquire', at: 0 },
  ];
  if (has('with')) steps.push({ client: 'F', do: 'with', write: 'w=1' }, { client: 'G', do: 'with', fail: true });
  if (has('restart')) steps.push({ do: 'restart' }, { client: 'H', do: 'acquire' });
  if (has('close')) steps.push({ client: 'C', do: 'release' }, { do: 'close' }, { client: 'I', do: 'acquire' });
  for (let i = 0; i < 12; i++) steps.push({ client: `X${i}`, do: 'acquire', at: 5000 });
  return steps;
}

/** The levels without switches (the production pool's markers have a test of their own). */
const textLevels = LEVEL_IDS.filter((l) => LEVELS[l].options.fixes === undefined);

describe('code lines', () => {
  it.each(textLevels)('every step %s runs is marked on a line of its source', (level) => {
    const markers = markersOf(level);
    const result = play({
      level,
      options: { none: {}, size: { size: 2 }, maxSize: { maxSize: 3 } }[LEVELS[level].bound],
      steps: tour(level),
    });
    expect(result.error).toBeNull();
    const used = new Set(result.events.flatMap((e) => (e.line ? linesOf(e.line) : [])));
    expect(used.size).toBeGreaterThan(LEVELS[level].shelf ? 3 : 1); // no pool: only print and burn
    for (const line of used) expect(markers, `${level}: event line "${line}" has no // @step marker`).toContain(line);
  });

  it.each(textLevels)('every marked line of %s is lit by some event', (level) => {
    // The tour, and a short day whose blocks succeed and fail before the pool runs dry, with a dead
    // object on the shelf for the next borrower.
    const has = (s: string) => LEVELS[level].steps.includes(s as never);
    const day: unknown[] = [
      { client: 'A', do: 'acquire' },
      { client: 'A', do: 'release' },
      ...(has('with')
        ? [
            { client: 'F', do: 'with', write: 'w=1' },
            { client: 'G', do: 'with', fail: true },
          ]
        : []),
      { do: 'kill', object: 1 },
      // A pool that checks what it lends finds the top of its shelf dead too, and throws it away.
      ...(LEVELS[level].validates ? [{ do: 'kill', object: 2 }] : []),
      { client: 'B', do: 'acquire' },
      ...(has('close') ? [{ client: 'B', do: 'release' }, { do: 'close' }] : []),
    ];
    const options = { none: {}, size: { size: 2 }, maxSize: { maxSize: 3 } }[LEVELS[level].bound];
    const lit = new Set<string>(
      [tour(level), day].flatMap((steps) =>
        play({ level, options, steps }).events.flatMap((e) => (e.line ? linesOf(e.line) : [])),
      ),
    );
    const dark = [...markersOf(level)].filter((m) => !lit.has(m));
    expect(dark, `${level}: marked lines no event lights`).toEqual([]);
  });

  it.each(LEVEL_IDS.filter((l) => LEVELS[l].calls !== undefined))(
    '%s: every line where one of its methods calls another is marked',
    (level) => {
      const markers = markersOf(level);
      for (const line of Object.values(LEVELS[level].calls!)) expect(markers).toContain(line);
    },
  );

  it.each(LEVEL_IDS.filter((l) => LEVELS[l].loanLine !== undefined))('%s: the line it lends at is marked', (level) => {
    expect(markersOf(level)).toContain(LEVELS[level].loanLine);
  });

  it('reads markers with a test that can fail', () => {
    expect(markersOf('level2')).toContain('acquire.refuse');
    expect(markersOf('level2')).not.toContain('acquire.validate');
  });
});

describe('the borrowed counter’s lines', () => {
  /** The markers on the lines of a level's source that move `inUseCount`. */
  function countingMarkers(level: LevelId): Set<string> {
    const source = readFileSync(new URL(`./${LEVELS[level].source}`, import.meta.url), 'utf8');
    return new Set([...source.matchAll(/^.*inUseCount [-+]= 1;.*\/\/ @step ([\w.]+)\s*$/gm)].map((m) => m[1]!));
  }

  it.each(textLevels)('%s: names every line that moves the counter, and no other', (level) => {
    const counts = LEVELS[level].counts;
    const marked = countingMarkers(level);
    if (counts === undefined) {
      expect(marked.size).toBe(0);
      return;
    }
    expect(new Set([counts.taken, counts.made, counts.returned])).toEqual(marked);
  });

  it.each(textLevels.filter((l) => LEVELS[l].counts !== undefined))(
    '%s: each move of the counter is an event at its line, with the count it moved to',
    (level) => {
      const result = play({ level, options: { maxSize: 3 }, steps: tour(level) });
      const counts = LEVELS[level].counts!;
      let before = 0;
      let moves = 0;
      for (const e of result.events) {
        if (e.type === 'pool.counted') {
          moves++;
          expect(e.inUse).toBe(before + e.by);
          expect(e.line).toBe(counts[e.of]);
          expect(e.of === 'returned').toBe(e.by < 0);
        } else {
          // No other event moves the count: every move has its own moment, and no other moment
          // lights a counting line (handing the object over is the line after it).
          expect(e.inUse).toBe(before);
          expect([counts.taken, counts.made, counts.returned]).not.toContain(e.line);
        }
        before = e.inUse!;
      }
      expect(moves).toBeGreaterThan(4);
      const lines = new Set(result.events.flatMap((e) => (e.type === 'pool.counted' ? [e.line] : [])));
      expect(lines).toEqual(new Set([counts.taken, counts.made, counts.returned]));
    },
  );
});
