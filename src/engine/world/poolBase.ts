/**
 * The pool base class, and the tracing that tags each event with the pool method that ran it.
 */
import { PoolExhausted, type Effect, type Op, type Task } from '../core';
import type { LineId } from '../types';
import { lineId } from './kept';
import type { Pooled } from './resources';
import type { Runtime } from './runtime';
import { Shelf } from './shelf';

type GeneratorMethod = (...args: unknown[]) => Op<unknown>;

/**
 * The base every level extends. It wraps the level's own generator methods so each event knows
 * which method ran it (the first half of a code-line id), and reports a refusal where it is thrown.
 */
export abstract class PoolBase<T extends Pooled> {
  protected readonly available: Shelf<T>;

  constructor(protected readonly rt: Runtime) {
    this.available = new Shelf<T>(rt);
    if (rt.trace) traceMethods(this, rt);
  }

  /** Fill the pool at start-up: the text's `__init__`, which may create objects (slow). */
  abstract init(): Op<void>;
  abstract acquire(): Op<T>;
  abstract release(obj: T): Op<void>;

  /** The shelf as it stands, bottom to top. */
  shelf(): readonly T[] {
    return this.available.toArray();
  }
}

function traceMethods(pool: object, rt: Runtime): void {
  const wrapped = new Set<string>();
  for (
    let proto = Object.getPrototypeOf(pool) as object | null;
    proto && proto !== PoolBase.prototype;
    proto = Object.getPrototypeOf(proto) as object | null
  ) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const fn: unknown = Object.getOwnPropertyDescriptor(proto, name)?.value; // getters are not run
      if (name === 'constructor' || wrapped.has(name) || typeof fn !== 'function') continue;
      if (fn.constructor?.name !== 'GeneratorFunction') continue;
      wrapped.add(name);
      const method = fn as GeneratorMethod;
      const validates = name.startsWith('validate');
      const how: TracedMethod = { rt, method, name, validates };
      Object.defineProperty(pool, name, {
        // Two parameters, not `...args`: no pool method takes more, and a rest array per call is
        // garbage at every step of a run (a missing argument is undefined either way).
        value: function traced(this: unknown, first: unknown, second: unknown): Op<unknown> {
          return new Traced(how, method.call(this, first, second), first);
        },
        writable: true,
        configurable: true,
      });
    }
  }
}

interface TracedMethod {
  readonly rt: Runtime;
  readonly method: GeneratorMethod;
  readonly name: string;
  readonly validates: boolean;
}

/**
 * One call of a traced method: the method's own coroutine, run inside the method's name on the
 * task's stack of calls (`task.ops`), and what the call says when it ends — a check's answer, or a
 * refusal where it is thrown. An iterator of its own rather than a wrapping generator: `yield*`
 * drives it as it would the method, and it costs one small object per call instead of a second
 * generator with every local of the wrapper.
 */
class Traced implements Op<unknown> {
  private task: Task | null = null;
  private entered = false;
  constructor(
    private readonly how: TracedMethod,
    private readonly inner: Op<unknown>,
    /** The method's first argument (a check's object). */
    private readonly first: unknown,
  ) {}

  [Symbol.iterator](): this {
    return this;
  }

  next(value?: unknown): IteratorResult<Effect, unknown> {
    if (!this.entered) {
      this.entered = true;
      this.task = this.how.rt.sim.current;
      this.task?.enter(this.how.name);
    }
    return this.step(false, value);
  }

  throw(error: unknown): IteratorResult<Effect, unknown> {
    return this.step(true, error);
  }

  /** One step of the method: on with `given`, or `given` thrown into it; what it comes to said where it ends. */
  private step(throws: boolean, given: unknown): IteratorResult<Effect, unknown> {
    let step: IteratorResult<Effect, unknown>;
    try {
      step = throws ? this.inner.throw(given) : this.inner.next(given);
    } catch (error) {
      throw this.failed(error);
    }
    return step.done ? this.ended(step) : step;
  }

  return(value: unknown): IteratorResult<Effect, unknown> {
    try {
      return this.inner.return(value);
    } finally {
      this.leave();
    }
  }

  private leave(): void {
    if (this.entered) this.task?.leave();
  }

  /** The method returned `step.value`: a check says its answer (still inside the method's name). */
  private ended(step: IteratorReturnResult<unknown>): IteratorReturnResult<unknown> {
    try {
      if (this.how.validates) this.answered(step.value);
    } finally {
      this.leave();
    }
    return step;
  }

  /**
   * A check's answer is the caller's `validate` line, whichever it is; after a yes, what the caller
   * does next (count it, hand it out: its `valid` lines) is the line of the events that follow,
   * once it has done it.
   */
  private answered(result: unknown): void {
    const { rt, name } = this.how;
    const task = this.task;
    const obj = this.first as Pooled;
    const depth = (task?.depth ?? 1) - 2; // the caller's place in the calls
    const parent = task?.opAt(depth) ?? name;
    const line = rt.called(lineId(parent, 'validate'), depth);
    const scratch = rt.scratchOf(task);
    if (scratch && !result) (scratch.discarded ??= []).push(obj.id);
    rt.emit({ type: 'object.validated', ok: Boolean(result) }, { object: obj.id, line });
    if (scratch) scratch.lastLine = result ? rt.called(lineId(parent, 'valid'), depth) : line;
  }

  /** The method threw `error`: a refusal is said where it was thrown (once); then it goes on up. */
  private failed(error: unknown): unknown {
    try {
      if (error instanceof PoolExhausted && !reported.has(error)) {
        reported.add(error);
        const { rt, name } = this.how;
        const line = rt.called(lineId(name, 'refuse'));
        const scratch = rt.scratchOf(this.task);
        if (scratch) scratch.lastLine = line;
        rt.emit({ type: 'pool.exhausted', message: error.message }, { line });
      }
    } finally {
      this.leave();
    }
    return error;
  }
}

const reported = new WeakSet<Error>();

/** The `// @step` lines that move a level's borrowed counter (see `countMoves`). */
export interface CountLines {
  /** In `acquire`, for an object taken off the shelf (and checked, where the level checks). */
  readonly taken: LineId;
  /** In `acquire`, for an object about to be made. */
  readonly made: LineId;
  /** In `release`. */
  readonly returned: LineId;
}

/**
 * The level's own borrowed counter (`inUseCount`, a plain field in its class) made to say when it
 * moves: each change is an event of its own (`pool.counted`) at the line that made it. Without it,
 * a change no event follows at once (a count made before a wait) showed first in another reader's
 * event, as if that reader had moved it. The class's code is unchanged: its field becomes an
 * accessor on the instance, set up once the class has made it.
 *
 * The accessor's two functions are the same for every pool (what each pool's counter needs is kept
 * on the pool, under `COUNTER`): V8 gives an object whose accessor functions are new a hidden class
 * of its own, and every run's pool would then be a stranger to the code the runs before compiled.
 */
export function countMoves(pool: object, rt: Runtime, lines: CountLines): void {
  const counter: Counter = { value: (pool as { inUseCount: number }).inUseCount, rt, lines };
  rt.countsWatched = true;
  Object.defineProperty(pool, COUNTER, { value: counter, enumerable: false });
  Object.defineProperty(pool, 'inUseCount', { get: readCount, set: moveCount, enumerable: true, configurable: true });
}

const COUNTER = Symbol('counter');

interface Counter {
  value: number;
  readonly rt: Runtime;
  readonly lines: CountLines;
}

function readCount(this: { [COUNTER]: Counter }): number {
  return this[COUNTER].value;
}

function moveCount(this: { [COUNTER]: Counter }, next: number): void {
  const counter = this[COUNTER];
  const { rt, lines } = counter;
  const by = next - counter.value;
  counter.value = next;
  if (by === 0) return;
  if (rt.unheard) return rt.countUnheard(); // a batch run: nobody reads the event
  const task = rt.sim.current;
  const object = rt.holds.inHand(task);
  // An acquire counts what it took off the shelf (after taking and checking it), or what it will
  // take (the levels that count first, then pop): either way the shelf had one. With the shelf
  // empty and nothing in hand, it counts one it is about to make.
  const of =
    task?.op() === 'release' ? 'returned' : object !== null || rt.poolState().available.length > 0 ? 'taken' : 'made';
  rt.owe(of === 'returned' ? -1 : 1);
  rt.emit({ type: 'pool.counted', by, of }, { object, line: rt.called(lines[of]) });
}
