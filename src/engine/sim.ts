/**
 * Virtual time and cooperative clients.
 *
 * Each client runs as a generator. A slow call is written `yield* something()` and ends in a
 * `yield` of an Effect: the client is suspended there, and only that client; the scheduler
 * resumes it when virtual time has passed (a delay) or when another client hands it something
 * (a parked waiter). Everything is synchronous and deterministic: same inputs, same order.
 *
 * Tie-break, documented: timers due at the same virtual instant fire in the order they were set.
 * "End of instant" timers (used to start scenario steps) fire after every ordinary timer of that
 * instant, so steps that start at the same time start together, in file order.
 */
import { TimerHeap, type Timer } from './heap';

export interface Delay {
  readonly kind: 'delay';
  readonly ms: number;
}

/** A suspension with no fixed end: another client resolves it, or its timeout fires. */
export class Parking<T> {
  task: Task | null = null;
  timer: Timer | null = null;
  settled = false;
  private value: T | undefined;
  constructor(readonly sim: Sim) {}

  /** Wake the parked client with a value, at the current instant. */
  resolve(value: T): void {
    if (this.settled) return;
    this.settled = true;
    this.value = value;
    if (this.timer) this.timer.cancelled = true;
    if (this.task) this.wake();
  }

  /** Called by the scheduler: the parked task goes on with the value it was given. */
  wake(): void {
    const task = this.task;
    if (task) this.sim.soon(() => this.sim.resume(task, { value: this.value }));
  }
}

export const TIMED_OUT: unique symbol = Symbol('timed out');

export interface Park {
  readonly kind: 'park';
  readonly parking: Parking<unknown>;
  /** Virtual ms to wait before giving up, or null to wait forever. */
  readonly timeoutMs: number | null;
}

export type Effect = Delay | Park;

/** What a slow operation returns: run it with `yield*`. */
export type Op<T> = Generator<Effect, T, unknown>;

export function* delay(ms: number): Op<void> {
  if (ms > 0) yield { kind: 'delay', ms };
}

type Resumption = { value: unknown } | { error: unknown };

export class Task {
  /** The stack of pool methods this client is inside, innermost last (for code-step ids). */
  readonly ops: string[] = [];
  done = false;
  constructor(
    readonly id: number,
    readonly client: string | null,
    readonly gen: Op<unknown>,
    readonly onDone: (outcome: { value: unknown } | { error: unknown }) => void,
  ) {}
}

export class Sim {
  now = 0;
  private seq = 0;
  private lateSeq = 2 ** 52;
  private taskIds = 0;
  readonly heap = new TimerHeap();
  /** The task whose code is running right now (null between tasks). */
  current: Task | null = null;

  at(t: number, fire: () => void, endOfInstant = false): Timer {
    const timer: Timer = {
      t: Math.max(t, this.now),
      seq: endOfInstant ? this.lateSeq++ : this.seq++,
      fire,
      cancelled: false,
    };
    this.heap.push(timer);
    return timer;
  }

  soon(fire: () => void): Timer {
    return this.at(this.now, fire);
  }

  /** Start a client: its code runs at once, up to its first suspension. */
  spawn(client: string | null, gen: Op<unknown>, onDone: Task['onDone']): Task {
    const task = new Task(++this.taskIds, client, gen, onDone);
    this.resume(task, { value: undefined });
    return task;
  }

  resume(task: Task, how: Resumption): void {
    if (task.done) return;
    const outer = this.current;
    this.current = task;
    let result: IteratorResult<Effect, unknown>;
    try {
      result = 'error' in how ? task.gen.throw(how.error) : task.gen.next(how.value);
    } catch (error) {
      this.current = outer;
      task.done = true;
      task.onDone({ error });
      return;
    }
    this.current = outer;
    if (result.done) {
      task.done = true;
      task.onDone({ value: result.value });
      return;
    }
    const effect = result.value;
    if (effect.kind === 'delay') {
      this.at(this.now + effect.ms, () => this.resume(task, { value: undefined }));
    } else {
      const parking = effect.parking;
      parking.task = task;
      if (parking.settled) {
        parking.wake();
        return;
      }
      if (effect.timeoutMs !== null) {
        parking.timer = this.at(this.now + effect.timeoutMs, () => {
          if (parking.settled) return;
          parking.settled = true;
          this.resume(task, { value: TIMED_OUT });
        });
      }
    }
  }

  /** Fire the next timer; false when nothing is left to do. */
  step(): boolean {
    for (;;) {
      const timer = this.heap.pop();
      if (!timer) return false;
      if (timer.cancelled) continue;
      this.now = timer.t;
      timer.fire();
      return true;
    }
  }

  run(limit = Number.POSITIVE_INFINITY): void {
    let n = 0;
    while (n++ < limit && this.step()) {
      /* keep going */
    }
  }
}
