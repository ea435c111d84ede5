import { describe, expect, it } from 'vitest';
import { inPageWords } from './words';

const connections = { thing: 'connection', Thing: 'Connection' };
const books = { thing: 'book', Thing: 'Book' };

describe('inPageWords', () => {
  it('names objects as the level does', () => {
    expect(inPageWords('object 2 is on the shelf 2 times', connections)).toBe('Connection 2 is on the shelf 2 times');
    expect(inPageWords('4 objects now, past maxSize 3', books)).toBe('4 books now, past maxSize 3');
    expect(inPageWords('the 3rd object went to the press, more than maxSize 2', connections)).toBe(
      'the 3rd connection went to the press, more than maxSize 2',
    );
    expect(inPageWords('close() left 1 borrowed object(s) open', connections)).toBe(
      'close() left 1 borrowed connection open',
    );
    expect(inPageWords('after close(), 2 object(s) were never closed: 1, 3', connections)).toBe(
      'after close(), 2 connections were never closed: Connection 1, Connection 3',
    );
  });

  it('calls each reader “Reader X”, once, and leaves other words alone', () => {
    expect(inPageWords('object 1 is held by B and C at once', books, ['A', 'B', 'C'])).toBe(
      'Book 1 is held by Reader B and Reader C at once',
    );
    expect(inPageWords('A crashed holding object 2', books, ['A'])).toBe('Reader A crashed holding Book 2');
    expect(inPageWords('Reader A crashed', books, ['A'])).toBe('Reader A crashed');
    expect(inPageWords('AB read "x", not A', books, ['A', 'AB'])).toBe('Reader AB read "x", not Reader A');
  });

  it('keeps an error the pool’s code raised as the code says it', () => {
    expect(inPageWords('the pool refused C: No objects available!', books, ['C'])).toBe(
      'the pool refused Reader C: No objects available!',
    );
  });
});
