import type { EventBody } from '../types';
import type { Pooled } from './resources';

/** What a shelf needs from the world: a version to bump on every change, and a way to record what it does. */
export interface ShelfHost {
  shelfVersion: number;
  emitHere(body: EventBody, obj: Pooled | null, kind: string | null): void;
  ranLine(kind: string): void;
}

// Events with nothing of their own but their type: one body each, shared by every event.
const SHELVED: EventBody = Object.freeze({ type: 'object.shelved' });
const TAKEN: EventBody = Object.freeze({ type: 'object.taken' });

/**
 * The shelf of available objects: a stack, as in the text (`append` puts on top, `pop` takes the
 * top: last in, first out). It records each push and pop as an event.
 */
export class Shelf<T extends Pooled> implements Iterable<T> {
  private items: T[] = [];
  constructor(private readonly rt: ShelfHost) {
    rt.shelfVersion++;
  }

  get length(): number {
    return this.items.length;
  }

  push(obj: T): void {
    this.items.push(obj);
    this.rt.shelfVersion++;
    this.rt.emitHere(SHELVED, obj, 'push');
  }

  pop(): T {
    const obj = this.items.pop();
    if (obj === undefined) throw new Error('pop from an empty shelf');
    this.rt.shelfVersion++;
    this.rt.emitHere(TAKEN, obj, 'pop');
    return obj;
  }

  /** The top of the shelf, left where it is (no event: looking is not taking). */
  top(): T | undefined {
    return this.items.at(-1);
  }

  /** Take one particular object off the shelf as a recorded step; false if it is not there. */
  take(obj: T): boolean {
    if (!this.remove(obj)) return false;
    this.rt.emitHere(TAKEN, obj, 'take');
    return true;
  }

  /** Take one particular object off the shelf, wherever it stands. */
  remove(obj: T): boolean {
    const i = this.items.lastIndexOf(obj);
    if (i < 0) return false;
    this.items.splice(i, 1);
    this.rt.shelfVersion++;
    return true;
  }

  includes(obj: T): boolean {
    return this.items.includes(obj);
  }

  /** Empty the shelf (what the text writes as `self.available = []`). */
  clear(): void {
    this.items = [];
    this.rt.shelfVersion++;
    this.rt.ranLine('clear');
  }

  toArray(): readonly T[] {
    return this.items;
  }

  [Symbol.iterator](): Iterator<T> {
    return [...this.items][Symbol.iterator]();
  }
}
