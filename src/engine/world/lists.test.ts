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

describe('removeAt', () => {
  it('takes out the item at an index, the last or one before it, keeping the others in order', () => {
    const list = ['a', 'b', 'c', 'd'];
    removeAt(list, 3);
    expect(list).toEqual(['a', 'b', 'c']);
    removeAt(list, 0);
    expect(list).toEqual(['b', 'c']);
  });
});

describe('swapOut', () => {
  it('takes out the item at an index, the last standing in for it', () => {
    const list = ['a', 'b', 'c', 'd'];
    swapOut(list, 1);
    expect(list).toEqual(['a', 'd', 'c']);
    swapOut(list, 2);
    expect(list).toEqual(['a', 'd']);
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
