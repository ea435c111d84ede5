/**
 * The pool base class, and the tracing that tags each event with the pool method that ran it.
 */
import { PoolExhausted, type Op } from '../core';
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
      Object.defineProperty(pool, name, {
        // Two parameters, not `...args`: no pool method takes more, and a rest array per call is
        // garbage at every step of a run (a missing argument is undefined either way).
        value: function* traced(this: unknown, first: unknown, second: unknown): Op<unknown> {
          const task = rt.sim.current;
          task?.ops.push(name);
          try {
            const result = yield* method.call(this, first, second);
            if (validates) {
              // The check's answer is the caller's `validate` line, whichever it is; after a yes,
              // what the caller does next (count it, hand it out: its `valid` lines) is the line of
              // the events that follow, once it has done it.
              const obj = first as Pooled;
              const parent = task?.ops.at(-2) ?? name;
              const line = lineId(parent, 'validate');
              const scratch = rt.scratchOf(task);
              if (scratch && !result) scratch.discarded.push(obj.id);
              rt.emit({ type: 'object.validated', ok: Boolean(result) }, { object: obj.id, line });
              if (scratch) scratch.lastLine = result ? lineId(parent, 'valid') : line;
            }
            return result;
          } catch (error) {
            if (error instanceof PoolExhausted && !reported.has(error)) {
              reported.add(error);
              const line = lineId(name, 'refuse');
              const scratch = rt.scratchOf(task);
              if (scratch) scratch.lastLine = line;
              rt.emit({ type: 'pool.exhausted', message: error.message }, { line });
            }
            throw error;
          } finally {
            task?.ops.pop();
          }
        },
        writable: true,
        configurable: true,
      });
    }
  }
}

const reported = new WeakSet<Error>();
