/**
 * The scheduler's queue: a binary min-heap of timers ordered by (time, sequence). The sequence
 * number is the order in which timers were set, so two timers due at the same instant fire in the
 * order they were set — never by chance.
 *
 * A cancelled timer is deleted lazily: it stays where it is and is skipped when it comes to the
 * top. So that memory follows what is live, the heap counts the cancelled timers it holds, and
 * when they are more than half of it, it drops them all at once and rebuilds (O(n), paid for by
 * the n/2 cancellations before it). Without that, every caller served before its timeout left the
 * timeout behind: a million served waiters, a million dead timers, each holding its caller.
 */

/** A timer in the heap. Setting `cancelled` tells the heap, which drops it in time. */
export class Timer {
  /** True while the heap holds it (not yet fired, dropped or taken out). */
  queued = true;
  #cancelled = false;
  constructor(
    readonly t: number,
    readonly seq: number,
    /** What it does when it fires, given `arg`: one function can serve many timers. */
    readonly fire: (arg: unknown) => void,
    private readonly heap: TimerHeap,
    readonly arg: unknown = undefined,
  ) {}

  get cancelled(): boolean {
    return this.#cancelled;
  }

  /** A cancelled timer stays cancelled: setting false afterwards changes nothing. */
  set cancelled(value: boolean) {
    if (!value || this.#cancelled) return;
    this.#cancelled = true;
    if (this.queued) this.heap.noteCancelled();
  }
}

const before = (a: Timer, b: Timer): boolean => a.t < b.t || (a.t === b.t && a.seq < b.seq);

/** Below this many cancelled timers the heap does not bother to compact. */
const COMPACT_AT_LEAST = 64;

export class TimerHeap {
  private items: Timer[] = [];
  /** Cancelled timers still in `items`. */
  private cancelledCount = 0;

  /** Timers held, cancelled ones not yet dropped included. */
  get size(): number {
    return this.items.length;
  }

  /** Timers that will still fire. */
  get live(): number {
    return this.items.length - this.cancelledCount;
  }

  peek(): Timer | undefined {
    return this.items[0];
  }

  /** Every timer held, in no particular order (for the hand-picked scheduler; skip cancelled ones). */
  all(): readonly Timer[] {
    return this.items;
  }

  push(timer: Timer): void {
    this.items.push(timer);
    this.siftUp(this.items.length - 1);
  }

  pop(): Timer | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined) return undefined;
    this.left(top);
    if (items.length > 0) {
      items[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  /** Take out one particular timer (used when the learner picks who runs next). */
  remove(timer: Timer): void {
    const items = this.items;
    const i = items.indexOf(timer);
    if (i < 0) return;
    this.left(timer);
    const last = items.pop()!;
    if (i === items.length) return;
    items[i] = last;
    this.siftUp(i);
    if (items[i] === last) this.siftDown(i);
  }

  /** Called by a timer cancelled while in the heap. */
  noteCancelled(): void {
    this.cancelledCount++;
    if (this.cancelledCount >= COMPACT_AT_LEAST && this.cancelledCount * 2 > this.items.length) this.compact();
  }

  /** Drop every cancelled timer and rebuild the heap from the rest (Floyd's method, O(n)). */
  private compact(): void {
    const kept: Timer[] = [];
    for (const timer of this.items) {
      if (timer.cancelled) timer.queued = false;
      else kept.push(timer);
    }
    this.items = kept;
    this.cancelledCount = 0;
    for (let i = (kept.length >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  /** A timer leaves the heap (fired, skipped or taken out). */
  private left(timer: Timer): void {
    timer.queued = false;
    if (timer.cancelled) this.cancelledCount--;
  }

  private siftUp(start: number): void {
    const items = this.items;
    const timer = items[start]!;
    let i = start;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent]!;
      if (!before(timer, p)) break;
      items[i] = p;
      i = parent;
    }
    items[i] = timer;
  }

  private siftDown(start: number): void {
    const items = this.items;
    const n = items.length;
    const timer = items[start]!;
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const child = r < n && before(items[r]!, items[l]!) ? r : l;
      if (!before(items[child]!, timer)) break;
      items[i] = items[child]!;
      i = child;
    }
    items[i] = timer;
  }
}
