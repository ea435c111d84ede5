/**
 * The scheduler's queue: a binary min-heap of timers ordered by (time, sequence). The sequence
 * number is the order in which timers were set, so two timers due at the same instant fire in the
 * order they were set — never by chance.
 */
export interface Timer {
  readonly t: number;
  readonly seq: number;
  readonly fire: () => void;
  cancelled: boolean;
}

const before = (a: Timer, b: Timer): boolean => a.t < b.t || (a.t === b.t && a.seq < b.seq);

export class TimerHeap {
  private readonly items: Timer[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): Timer | undefined {
    return this.items[0];
  }

  /** Every timer still waiting, in no particular order (for the hand-picked scheduler). */
  all(): readonly Timer[] {
    return this.items;
  }

  push(timer: Timer): void {
    const items = this.items;
    items.push(timer);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent]!;
      if (!before(timer, p)) break;
      items[i] = p;
      i = parent;
    }
    items[i] = timer;
  }

  pop(): Timer | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    let i = 0;
    const n = items.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const child = r < n && before(items[r]!, items[l]!) ? r : l;
      if (!before(items[child]!, last)) break;
      items[i] = items[child]!;
      i = child;
    }
    items[i] = last;
    return top;
  }

  /** Take out one particular timer (used when the learner picks who runs next). */
  remove(timer: Timer): void {
    const i = this.items.indexOf(timer);
    if (i < 0) return;
    const rest = this.items.splice(i, 1);
    void rest;
    const all = this.items.splice(0);
    for (const t of all) this.push(t);
  }
}
