/**
 * The engine's short lists: `removeAt` takes out one item, and `Marks` keeps what an event marked,
 * each once, in the order first marked, emptied and filled again event after event.
 */
import { describe, expect, it } from 'vitest';
import { calledFrom, callChain, linesOf } from './kept';
import { Marks, removeAt, swapOut } from './lists';
import type { LineId } from '../types';

const marked = <T>(marks: Marks<T>): T[] => Array.from({ length: marks.size }, (_, i) => marks.at(i));

describe('Marks', () => {
  it('keeps each item once, in the order first marked', () => {
    const marks = new Marks<number>();
    for (const id of [3, 1, 3, 2, 1]) marks.add(id);
    expect(marked(marks)).toEqual([3, 1, 2]);
  });

  it('is empty once cleared, and marks again from the start', () => {
    const marks = new Marks<string>();
    for (const name of ['A', 'B', 'C']) marks.add(name);
    marks.clear();
    expect(marks.size).toBe(0);
    // What stood in its room before is not taken for marked.
    marks.add('C');
    marks.add('A');
    marks.add('C');
    expect(marked(marks)).toEqual(['C', 'A']);
  });
});

describe('taking an item out of a short list', () => {
  it('removeAt keeps the others in order; swapOut puts the last in its place', () => {
    const kept = ['a', 'b', 'c', 'd'];
    removeAt(kept, 3);
    removeAt(kept, 0);
    expect(kept).toEqual(['b', 'c']);
    const swapped = ['a', 'b', 'c', 'd'];
    swapOut(swapped, 1);
    expect(swapped).toEqual(['a', 'd', 'c']);
    swapOut(swapped, 2);
    expect(swapped).toEqual(['a', 'd']);
  });
});

describe('line ids inside calls', () => {
  const [get, acquire, create] = ['get.acquire', 'acquire.create', 'init.create'] as LineId[];

  it('names the calling lines, outermost first, then the line that ran', () => {
    expect(callChain([get!, acquire!])).toBe('get.acquire>acquire.create');
    expect(calledFrom(calledFrom(get!, acquire!), create!)).toBe(callChain([get!, acquire!, create!]));
    expect(linesOf(callChain([get!, acquire!, create!]))).toEqual([get, acquire, create]);
  });

  it('is the line itself when nothing called it', () => {
    expect(callChain([create!])).toBe(create);
  });
});
