/**
 * A line of waiting callers, first come, first served: join at the back, leave from the front when
 * served, or leave from wherever you stand when you give up. A plain array does the same, but its
 * `shift` and `splice` move everyone behind the one who leaves, so a long line costs time in
 * proportion to its length at every turn; here each turn costs the same however long the line is.
 * Those who leave from the middle leave a gap that the line closes later, all at once.
 */
export class Line<T extends object> implements Iterable<T> {
  private items: (T | null)[] = [];
  /** Index of the front of the line in `items`. */
  private head = 0;
  /** Gaps left behind the front by those who gave up. */
  private gaps = 0;

  get length(): number {
    return this.items.length - this.head - this.gaps;
  }

  /** Join at the back. */
  push(item: T): void {
    this.items.push(item);
  }

  /** The one at the front leaves (to be served); undefined if no one waits. */
  shift(): T | undefined {
    const items = this.items;
    while (this.head < items.length) {
      const item = items[this.head];
      items[this.head++] = null;
      if (item !== null && item !== undefined) {
        this.tidy();
        return item;
      }
      this.gaps--;
    }
    return undefined;
  }

  /** Leave from wherever one stands (gave up waiting); false if not in the line. */
  remove(item: T): boolean {
    const items = this.items;
    // With one timeout for everyone, the one who gives up is nearly always at the front.
    while (this.head < items.length && items[this.head] === null) {
      this.head++;
      this.gaps--;
    }
    if (items[this.head] === item) return this.shift() !== undefined;
    const i = items.indexOf(item, this.head);
    if (i < 0) return false;
    items[i] = null;
    this.gaps++;
    this.tidy();
    return true;
  }

  /** Everyone leaves at once, front first (the pool closes). */
  takeAll(): T[] {
    const all = [...this];
    this.items = [];
    this.head = 0;
    this.gaps = 0;
    return all;
  }

  *[Symbol.iterator](): Iterator<T> {
    for (let i = this.head; i < this.items.length; i++) {
      const item = this.items[i];
      if (item !== null && item !== undefined) yield item;
    }
  }

  /** Close the gaps once they are more than half of what is kept (paid for by the turns before). */
  private tidy(): void {
    const dead = this.head + this.gaps;
    if (dead < 64 || dead * 2 < this.items.length) return;
    this.items = this.items.filter((item, i) => i >= this.head && item !== null);
    this.head = 0;
    this.gaps = 0;
  }
}
