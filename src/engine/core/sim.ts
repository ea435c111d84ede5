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
import { Timer, TimerHeap } from './heap';

interface Delay {
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
    if (task)
      this.sim.forTask(
        this.sim.soon(() => this.sim.resume(task, { value: this.value })),
        task,
      );
  }
}

export const TIMED_OUT: unique symbol = Symbol('timed out');

interface Park {
  readonly kind: 'park';
  readonly parking: Parking<unknown>;
  /** Virtual ms to wait before giving up, or null to wait forever. */
  readonly timeoutMs: number | null;
}

export type Effect = Delay | Park;

/** What a slow operation returns: run it with `yield*`. */
export type Op<T> = Generator<Effect, T, unknown>;

/** Whether `value` is a coroutine (an `Op`) rather than a value it came to. */
export function isOp<T>(value: T | Op<T>): value is Op<T> {
  return typeof (value as Partial<Op<T>> | null)?.next === 'function';
}

/** Wait `ms` virtual milliseconds (nothing, for 0 or less): `yield* delay(ms)`. */
export function delay(ms: number): Op<void> {
  return ms > 0 ? new Waits(ms) : NO_WAIT;
}

const FINISHED: IteratorReturnResult<void> = Object.freeze({ value: undefined, done: true });
/**
 * The steps of the last few lengths waited: a run's costs are a few lengths waited again and again
 * (a hand-over of 0.5 ms, a reset of 2 ms), and each is made once while it is in use. A load run's
 * random holds are made each time, as a generator's would be. (Nothing changes a step once made.)
 */
const recentWaits: (IteratorYieldResult<Delay> | null)[] = [null, null, null, null];
let nextRecent = 0;

/**
 * A wait as its own small iterator rather than a generator: `yield*` drives it the same way (one
 * step up to the scheduler with the delay, then done), at the cost of one small object per wait.
 */
class Waits implements Op<void> {
  private waited: boolean;
  constructor(private readonly ms: number) {
    this.waited = !(ms > 0);
  }

  [Symbol.iterator](): this {
    return this;
  }

  next(): IteratorResult<Effect, void> {
    if (this.waited) return FINISHED;
    this.waited = true;
    const ms = this.ms;
    for (const step of recentWaits) if (step !== null && step.value.ms === ms) return step;
    const step: IteratorYieldResult<Delay> = { value: { kind: 'delay', ms }, done: false };
    recentWaits[nextRecent] = step;
    nextRecent = (nextRecent + 1) % recentWaits.length;
    return step;
  }

  throw(error: unknown): IteratorResult<Effect, void> {
    this.waited = true;
    throw error;
  }

  return(): IteratorResult<Effect, void> {
    this.waited = true;
    return FINISHED;
  }
}

/** A wait for nothing: done before it starts, and never changed after (one for every such wait). */
const NO_WAIT: Op<void> = new Waits(0);

/**
 * The rest of `op`, whose first step (`first`, a wait) has been taken already: a caller that ran it
 * to see whether it waits at all goes on with it by `yield*`, and the wait is handed up first. So a
 * call that waits for nothing (a book off the shelf) is finished in plain code, with no coroutine
 * of the caller's made for it.
 */
export function rest<T>(op: Op<T>, first: IteratorYieldResult<Effect>): Op<T> {
  return new Rest(op, first);
}

class Rest<T> implements Op<T> {
  private first: IteratorYieldResult<Effect> | null;
  constructor(
    private readonly op: Op<T>,
    first: IteratorYieldResult<Effect>,
  ) {
    this.first = first;
  }

  [Symbol.iterator](): this {
    return this;
  }

  next(value?: unknown): IteratorResult<Effect, T> {
    const first = this.first;
    if (first === null) return this.op.next(value);
    this.first = null;
    return first;
  }

  throw(error: unknown): IteratorResult<Effect, T> {
    this.first = null;
    return this.op.throw(error);
  }

  return(value: T): IteratorResult<Effect, T> {
    this.first = null;
    return this.op.return(value);
  }
}

type Resumption = { value: unknown } | { error: unknown };

/** Going on with nothing handed over (after a delay, or at the start): one shared record, not one per resume. */
const GO_ON: Resumption = { value: undefined };

/**
 * Hand-picked interleaving. When several clients could go on at the same virtual instant, the
 * scheduler normally takes them in the order their timers were set; a chooser may pick another.
 * Time never runs backwards: only what is due at the current instant can be chosen.
 */
export interface ChoiceOption {
  /** The clients that would run (a scenario step without a client is named by what it does). */
  readonly who: readonly string[];
  /** `resume`: going on after a suspension; `start`: starting scenario steps. */
  readonly kind: 'resume' | 'start';
}

/** Picks an option by its index; 0 is always what the scheduler would do by itself. */
export type Chooser = (options: readonly ChoiceOption[], t: number) => number;

interface Label {
  readonly kind: ChoiceOption['kind'];
  readonly who: () => readonly string[];
}

/**
 * Told when a task ends: `failed` and what it threw, or its value (`result`). One function serves
 * every task it is given to: which task ended is the first argument (its `job` says what it was for).
 */
export type TaskDone = (task: Task, failed: boolean, result: unknown) => void;

export class Task {
  /** How many pool methods this client is inside now (for code-line ids): see `op`. */
  depth = 0;
  /**
   * The pool methods it is inside, outermost first, in `calls[0..depth)`: written in place as calls
   * come and go, made once with room for a few (an empty list pushed to grows room for 17).
   */
  private calls: string[] | null = null;
  done = false;
  /** What the runner notes about the scenario step this task plays (see StepScratch in world/records.ts). */
  scratch: object | null = null;
  /** It has been parked at least once (waited for another client to hand it something). */
  parked = false;
  /** Into pool method `name`. */
  enter(name: string): void {
    const calls = (this.calls ??= ['', '', '', '']);
    if (this.depth < calls.length) calls[this.depth] = name;
    else calls.push(name);
    this.depth++;
  }

  /** Out of the innermost pool method. */
  leave(): void {
    this.depth--;
  }

  /** The pool method at `depth` of its calls (0: the outermost), or undefined. */
  opAt(depth: number): string | undefined {
    return depth >= 0 && depth < this.depth ? this.calls![depth] : undefined;
  }

  /** The pool method it is inside now (the innermost), or undefined. */
  op(): string | undefined {
    return this.opAt(this.depth - 1);
  }

  constructor(
    readonly id: number,
    readonly client: string | null,
    /** Its coroutine (set once the task's plain first part, if it had one, came to a coroutine). */
    public gen: Op<unknown> | null,
    readonly onDone: TaskDone,
    /** What its starter numbered it (the runner: the scenario step it plays), or -1. */
    readonly job: number,
  ) {}
}

export class Sim {
  now = 0;
  private seq = 0;
  private lateSeq = 2 ** 52;
  private taskIds = 0;
  /** Timers fired so far: with events and tasks, the work a run has done (see load/work.ts). */
  fired = 0;
  readonly heap = new TimerHeap();
  /** The task whose code is running right now (null between tasks). */
  current: Task | null = null;
  /** Set for hand-picked interleaving; null keeps the plain (time, sequence) order. */
  chooser: Chooser | null = null;
  /** True while a timer runs that was chosen ahead of the one the plain order would run. */
  outOfOrder = false;
  private readonly labels = new WeakMap<Timer, Label>();
  /** Told of every task that ends (before its own `onDone`). */
  onTaskEnd: ((task: Task) => void) | null = null;

  /** A task's delay has passed: it goes on (one function for every delay's timer, given the task). */
  private readonly goOn = (task: Task): void => this.resume(task, GO_ON);

  /** Tasks started so far (clients and the pool's own background work). */
  get spawned(): number {
    return this.taskIds;
  }

  /** Say who a timer would run, so a chooser can offer it. Unlabelled timers are never offered. */
  label(timer: Timer, kind: ChoiceOption['kind'], who: () => readonly string[]): Timer {
    this.labels.set(timer, { kind, who });
    return timer;
  }

  /** Label a timer that resumes a client's task. */
  forTask(timer: Timer, task: Task): Timer {
    // Labels are read only by a chooser: without one, a timer costs no closure and no map entry.
    const client = task.client;
    if (client !== null && this.chooser !== null) this.label(timer, 'resume', () => [client]);
    return timer;
  }

  /** Set a timer: `fire(arg)` runs at virtual time t (never before now). */
  at<A>(t: number, fire: (arg: A) => void, endOfInstant = false, arg?: A): Timer {
    const timer = new Timer(
      Math.max(t, this.now),
      endOfInstant ? this.lateSeq++ : this.seq++,
      fire as (arg: unknown) => void,
      this.heap,
      arg,
    );
    this.heap.push(timer);
    return timer;
  }

  /**
   * Take back the firing of `timer`, the last timer to fire, which changed nothing but the count:
   * it is due again, in its old place (a run that grows at its end, see run/schedule.ts).
   */
  unfire(timer: Timer): void {
    this.fired--;
    timer.queued = true;
    this.heap.push(timer);
  }

  soon(fire: () => void): Timer {
    return this.at(this.now, fire);
  }

  /** A task that ended as it began, without running a line (a caller turned away at once): counted only. */
  noteTask(): void {
    this.taskIds++;
  }

  /** Start a client: its code runs at once, up to its first suspension. */
  spawn(client: string | null, gen: Op<unknown>, onDone: TaskDone): Task {
    const task = new Task(++this.taskIds, client, gen, onDone, -1);
    this.resume(task, GO_ON);
    return task;
  }

  /**
   * Start a client whose first part is plain code: `first(job)` runs at once, as the task, and comes
   * either to the task's outcome (it waited for nothing: no coroutine is made for it) or to a
   * coroutine, which the task goes on with as `spawn`'s would. `job` numbers the task for its
   * starter, so that one `first` and one `onDone` serve every task it starts (no closures per task).
   */
  begin<T>(client: string | null, job: number, first: (job: number) => T | Op<T>, onDone: TaskDone): Task {
    const task = new Task(++this.taskIds, client, null, onDone, job);
    const outer = this.current;
    this.current = task;
    let value: T | Op<T>;
    try {
      value = first(job);
    } catch (error) {
      this.current = outer;
      this.end(task, true, error);
      return task;
    }
    this.current = outer;
    if (isOp(value)) {
      task.gen = value;
      this.resume(task, GO_ON);
    } else this.end(task, false, value);
    return task;
  }

  private end(task: Task, failed: boolean, result: unknown): void {
    task.done = true;
    this.onTaskEnd?.(task);
    task.onDone(task, failed, result);
  }

  resume(task: Task, how: Resumption): void {
    if (task.done) return;
    const outer = this.current;
    this.current = task;
    let result: IteratorResult<Effect, unknown>;
    try {
      const gen = task.gen!;
      result = 'error' in how ? gen.throw(how.error) : gen.next(how.value);
    } catch (error) {
      this.current = outer;
      this.end(task, true, error);
      return;
    }
    this.current = outer;
    if (result.done) {
      this.end(task, false, result.value);
      return;
    }
    const effect = result.value;
    if (effect.kind === 'delay') {
      this.forTask(this.at(this.now + effect.ms, this.goOn, false, task), task);
    } else {
      const parking = effect.parking;
      parking.task = task;
      task.parked = true;
      if (parking.settled) {
        parking.wake();
        return;
      }
      if (effect.timeoutMs !== null) {
        parking.timer = this.forTask(
          this.at(this.now + effect.timeoutMs, () => {
            if (parking.settled) return;
            parking.settled = true;
            this.resume(task, { value: TIMED_OUT });
          }),
          task,
        );
      }
    }
  }

  /** One tick: fire the next timer; false when nothing is left to do. */
  tick(): boolean {
    if (this.chooser) return this.tickChosen(this.chooser);
    for (;;) {
      const timer = this.heap.pop();
      if (!timer) return false;
      if (timer.cancelled) continue;
      this.now = timer.t;
      this.fired++;
      timer.fire(timer.arg);
      return true;
    }
  }

  /**
   * One tick with a chooser: the options are the distinct labelled timers due at the earliest
   * instant, in the plain order; with two or more, the chooser picks. An unlabelled timer at the
   * head of the queue (start-up work, the pool's own housekeeping) runs without a choice.
   */
  private tickChosen(choose: Chooser): boolean {
    let top = this.heap.peek();
    while (top?.cancelled) {
      this.heap.pop();
      top = this.heap.peek();
    }
    if (!top) return false;
    const head = top;
    this.now = head.t;
    const options: { option: ChoiceOption; timer: Timer }[] = [];
    // The head must be an option of its own (option 0), or there is no choice to make.
    if ((this.labels.get(head)?.who().length ?? 0) > 0) {
      const due = this.heap
        .all()
        .filter((t) => !t.cancelled && t.t === head.t)
        .sort((a, b) => a.seq - b.seq);
      const seen = new Set<string>();
      for (const timer of due) {
        const label = this.labels.get(timer);
        if (!label) continue;
        const who = label.who();
        if (who.length === 0) continue;
        const key = `${label.kind}:${who.join('\u0000')}`;
        if (seen.has(key)) continue;
        seen.add(key);
        options.push({ option: { who, kind: label.kind }, timer });
      }
    }
    let chosen = head;
    if (options.length >= 2) {
      const pick = choose(
        options.map((o) => o.option),
        head.t,
      );
      const first = options[0]!;
      chosen = (options[pick] ?? first).timer;
    }
    this.heap.remove(chosen);
    this.outOfOrder = chosen !== head;
    this.fired++;
    try {
      chosen.fire(chosen.arg);
    } finally {
      this.outOfOrder = false;
    }
    return true;
  }

  run(limit = Number.POSITIVE_INFINITY): void {
    let n = 0;
    while (n++ < limit && this.tick()) {
      /* keep going */
    }
  }
}
