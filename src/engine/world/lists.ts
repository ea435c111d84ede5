/** A small help with the engine's short lists. */

/**
 * Take out the item at `at` — most often the last (a reader lets go of its newest loan, a call of the
 * object it took last) — making no list of what was taken, as `splice` does.
 */
export function removeAt<T>(list: T[], at: number): void {
  if (at === list.length - 1) list.pop();
  else list.splice(at, 1);
}

/** Take out the item at `at`, putting the last in its place: for a list whose order means nothing. */
export function swapOut<T>(list: T[], at: number): void {
  const last = list.pop()!;
  if (at < list.length) list[at] = last;
}

/**
 * Things marked, each once, in the order first marked: emptied without giving up its room, for a
 * list emptied at every event (an emptied Set is given a new table, an array cut to length 0 a new
 * store). Looked through from the start: for the handful an event marks.
 */
export class Marks<T> {
  private readonly items: T[] = [];
  /** How many are marked: `at(0)` to `at(size - 1)`. */
  size = 0;

  add(item: T): void {
    for (let i = 0; i < this.size; i++) if (this.items[i] === item) return;
    this.items[this.size++] = item;
  }

  at(i: number): T {
    return this.items[i]!;
  }

  clear(): void {
    this.size = 0;
  }
}
