/**
 * What each kind of scenario step does: the client's side of acquire, release, use, read, fail and
 * the guaranteed-release block, and the world's side of kill, restart and close. Each runs as the
 * client's coroutine and comes to a `StepOutcome`, what the CLI reports for it.
 */
import {
  DatabaseError,
  delay,
  isOp,
  PoolError,
  PoolExhausted,
  rest,
  ScenarioError,
  type Effect,
  type Op,
  type Task,
} from '../core';
import type { Costs, EventBody, LineId, Source, Step, StepOutcome } from '../types';
import { removeAt, type ClientRecord, type Pooled, type StepScratch } from '../world';
import type { RunState } from './state';

/** What using a dead book comes to. */
const DEAD = 'the object is dead';

const NONE_DISCARDED = Object.freeze([]) as unknown as number[];

/** One body for every release's event (it has nothing of its own but its type). */
const RELEASED: EventBody = Object.freeze({ type: 'object.released' });

/** A loan the release took out of its reader's hands: where it was, to be put back if the release is refused. */
interface LetGo {
  readonly at: number;
  readonly held: ClientRecord['holding'][number];
}

/** Thrown inside a guaranteed-release block when the step says `"fail": true`. */
class BodyFailed extends Error {}

export interface StepRules {
  readonly costs: Costs;
  /** The level validates before lending: an acquire reports what it threw away (`discarded`). */
  readonly validates: boolean;
  /** Where the level's acquire lends an object already made (`LevelInfo.loanLine`), or null. */
  readonly loanLine: LineId | null;
}

/**
 * Plays step i for its client (null for a step without one), as the running task: its outcome when
 * it waits for nothing, or the coroutine that plays the rest of it.
 */
export type StepPlayer = (i: number, step: Step, client: ClientRecord | null) => StepOutcome | Op<StepOutcome>;

export function createStepPlayer(state: RunState, rules: StepRules): StepPlayer {
  const { rt, pool } = state;
  const { costs, validates, loanLine } = rules;
  // A recorded run keeps every step's outcome, in its report and its `step.finished` event. Most are
  // a use or a release that went well, `{ object: id }`: one per object serves them all (nothing
  // changes an outcome once made), as does one empty list of objects an acquire threw away.
  const plainOutcomes: StepOutcome[] = [];
  const plain = (id: number): StepOutcome => (plainOutcomes[id] ??= { object: id });
  // So is an acquire's, by object and source, when it threw nothing away.
  const lentOutcomes: StepOutcome[] = [];
  const lent = (object: number, source: Source): StepOutcome =>
    (lentOutcomes[2 * object + (source === 'created' ? 1 : 0)] ??= validates
      ? { object, source, discarded: NONE_DISCARDED }
      : { object, source });

  // Plain code that hands the step to its kind: what waits is the kind's own small coroutine (a
  // generator keeps every local of its function alive while it waits, and one holding every kind's
  // would be made per step).
  function play(i: number, step: Step, client: ClientRecord | null): StepOutcome | Op<StepOutcome> {
    const task = rt.sim.current!;
    const scratch: StepScratch = { index: i, created: null, discarded: null, lastLine: null };
    task.scratch = scratch;
    if (client) rt.stepTasks.set(client.name, task);
    rt.emit(
      { type: 'step.started', index: i, do: step.do },
      { client: step.client ?? null, object: step.object ?? null, line: null },
    );
    return kindOf(step, client, task);
  }

  /**
   * The step's kind played: its outcome when it waits for nothing (done here and now, inside
   * `play`, with no coroutine of its own), or the coroutine that plays it.
   */
  function kindOf(step: Step, client: ClientRecord | null, task: Task): StepOutcome | Op<StepOutcome> {
    switch (step.do) {
      case 'acquire':
        return doAcquire(client!, task);
      case 'release':
        return doRelease(step, client);
      case 'use':
        return use(client!, step.write ?? null, 'use');
      case 'read':
        return use(client!, null, 'read');
      case 'fail': {
        const held = newest(client!, 'crash holding');
        client!.holding.pop();
        client!.status = 'crashed';
        rt.changed(client!);
        // Leaked when nothing else can reach it (after a double release it may be on the shelf too).
        const leaked = rt.unreachable(existing(held.id));
        rt.emit({ type: 'client.crashed' }, { object: held.id });
        return leaked ? { object: held.id, leaked: true } : { object: held.id };
      }
      case 'with':
        return doWith(client!, step, task);
      case 'kill': {
        const obj = existing(step.object!);
        obj.alive = false;
        rt.emit({ type: 'object.killed' }, { object: obj.id });
        return { object: obj.id };
      }
      case 'restart': {
        const killed = rt.objects.filter((o) => !o.closed && o.alive).map((o) => o.id);
        for (const o of rt.objects) o.alive = false;
        rt.emit({ type: 'server.restarted', killed });
        return {};
      }
      case 'close':
        return doClose();
    }
  }

  function* doClose(): Op<StepOutcome> {
    const before = new Set(rt.objects.filter((o) => o.closed).map((o) => o.id));
    yield* pool.close!();
    state.closeCalled = true;
    const closed = rt.objects.filter((o) => o.closed && !before.has(o.id)).map((o) => o.id);
    const borrowed = rt.objects.filter((o) => !o.closed && !pool.shelf().includes(o)).length;
    rt.emit({ type: 'pool.closed', closed, borrowed });
    return {};
  }

  function existing(id: number): Pooled {
    const obj = rt.object(id);
    if (!obj) throw new ScenarioError(`object ${id} does not exist (${rt.objects.length} created so far)`);
    return obj;
  }

  function newest(client: ClientRecord, what: string): { id: number; lease: number } {
    const held = client.holding.at(-1);
    if (!held) throw new ScenarioError(`${client.name} holds nothing to ${what}`);
    return held;
  }

  /** The reader has the object now: the loan is at `line` when given (else the last line run). */
  function lend(client: ClientRecord, obj: Pooled, source: Source, waited: number, line: LineId | null = null): void {
    client.holding.push({ id: obj.id, lease: rt.nextLease() });
    rt.owe(-1); // what the acquire counted is now in the reader's hands
    client.call = null;
    rt.changed(client);
    obj.lends++;
    // As any line run (the event shows the last one, where lines are worked out at all).
    const scratch = line === null ? undefined : rt.scratchOf(rt.sim.current);
    if (scratch) scratch.lastLine = line;
    rt.emit({ type: 'object.acquired', source, waited }, { object: obj.id });
  }

  function sourceOf(task: Task, obj: Pooled): Source {
    return rt.scratchOf(task)!.created?.includes(obj.id) ? 'created' : 'shelf';
  }

  /**
   * The pool's acquire, run at once as far as it goes: a book off the shelf is lent in plain code;
   * only an acquire that waits (a book being made, a connection being checked) goes on as a coroutine.
   */
  function doAcquire(client: ClientRecord, task: Task): StepOutcome | Op<StepOutcome> {
    const began = rt.sim.now;
    const op = pool.acquire();
    let first: IteratorResult<Effect, Pooled>;
    try {
      first = op.next();
    } catch (error) {
      return refused(error, task);
    }
    if (!first.done) return acquireLater(client, task, began, rest(op, first));
    return handOver(client, task, first.value, began);
  }

  function* acquireLater(client: ClientRecord, task: Task, began: number, op: Op<Pooled>): Op<StepOutcome> {
    let obj: Pooled;
    try {
      obj = yield* op;
    } catch (error) {
      return refused(error, task);
    }
    const out = handOver(client, task, obj, began);
    return isOp(out) ? yield* out : out;
  }

  function refused(error: unknown, task: Task): StepOutcome {
    rt.holds.end(task);
    return refusal(error, task);
  }

  /** What the pool's acquire gave is the reader's (after the wait to reuse it, where reuse costs time). */
  function handOver(client: ClientRecord, task: Task, obj: Pooled, began: number): StepOutcome | Op<StepOutcome> {
    const source = sourceOf(task, obj);
    if (source === 'shelf' && costs.reuseMs > 0) return handOverLater(client, task, obj, began);
    return handedOver(client, task, obj, source, began);
  }

  function* handOverLater(client: ClientRecord, task: Task, obj: Pooled, began: number): Op<StepOutcome> {
    yield* delay(costs.reuseMs);
    return handedOver(client, task, obj, 'shelf', began);
  }

  function handedOver(client: ClientRecord, task: Task, obj: Pooled, source: Source, began: number): StepOutcome {
    lend(client, obj, source, rt.sim.now - began, source === 'shelf' ? loanLine : null);
    const object = obj.id;
    if (!validates) return lent(object, source);
    const discarded = discardedBy(task);
    return discarded === NONE_DISCARDED ? lent(object, source) : { object, source, discarded };
  }

  function refusal(error: unknown, task: Task): StepOutcome {
    if (error instanceof PoolExhausted) return { error: 'exhausted', message: error.message, ...discardedOf(task) };
    if (error instanceof PoolError) return { error: error.kind, message: error.message, ...discardedOf(task) };
    throw error;
  }

  function discardedOf(task: Task): { discarded?: number[] } {
    return validates ? { discarded: discardedBy(task) } : {};
  }

  /** What the step's acquire checked and threw away (on a level that validates). */
  function discardedBy(task: Task): number[] {
    const discarded = rt.scratchOf(task)!.discarded;
    return discarded === null ? NONE_DISCARDED : [...discarded];
  }

  /**
   * The pool's release, run at once as far as it goes: a book put straight back on the shelf is
   * done in plain code; a release that waits (a reset, a rollback) goes on as a coroutine.
   */
  function doRelease(step: Step, client: ClientRecord | null): StepOutcome | Op<StepOutcome> {
    let obj: Pooled;
    if (step.object !== undefined) {
      obj = existing(step.object);
    } else {
      obj = existing(newest(client!, 'release').id);
    }
    let letGo: LetGo | null = null;
    if (client) {
      const at = client.holding.findLastIndex((h) => h.id === obj.id);
      if (at >= 0) {
        letGo = { at, held: client.holding[at]! };
        removeAt(client.holding, at);
        rt.owe(1); // the release has it now, until it counts it back
      }
      rt.changed(client);
    }
    // From here the release has it in hand, on its way back, until it puts it somewhere.
    rt.holds.take(obj.id, rt.sim.current, client?.name ?? null, 'back');
    const op = pool.release(obj);
    let first: IteratorResult<Effect, void>;
    try {
      first = op.next();
    } catch (error) {
      return releaseFailed(error, obj, client, letGo);
    }
    if (!first.done) return releaseLater(obj, client, letGo, rest(op, first));
    return releasedBy(obj, client);
  }

  function* releaseLater(obj: Pooled, client: ClientRecord | null, letGo: LetGo | null, op: Op<void>): Op<StepOutcome> {
    try {
      yield* op;
    } catch (error) {
      return releaseFailed(error, obj, client, letGo);
    }
    return releasedBy(obj, client);
  }

  /** The release is over: what it did not put anywhere is let go (a failed release loses it). */
  function releaseFailed(error: unknown, obj: Pooled, client: ClientRecord | null, letGo: LetGo | null): StepOutcome {
    rt.holds.end(rt.sim.current);
    if (client) {
      client.call = null;
      rt.changed(client);
    }
    if (error instanceof PoolError) {
      // Refused (production level): nothing changes, the client still holds what it held.
      if (client && letGo) client.holding.splice(letGo.at, 0, letGo.held);
      return { object: obj.id, error: error.kind, message: error.message };
    }
    if (error instanceof DatabaseError) {
      rt.emit({ type: 'release.failed', message: error.message }, { object: obj.id });
      return { object: obj.id, error: 'dead', message: error.message };
    }
    throw error;
  }

  function releasedBy(obj: Pooled, client: ClientRecord | null): StepOutcome {
    rt.holds.end(rt.sim.current);
    if (client) {
      client.call = null;
      rt.changed(client);
    }
    rt.emit(RELEASED, { object: obj.id });
    return plain(obj.id);
  }

  /**
   * `use` (write) and `read` on the client's newest object. A book used at no cost (the default) is
   * done at once; a connection's statement, or a use that takes the reader a while, is waited for.
   */
  function use(client: ClientRecord, write: string | null, kind: 'use' | 'read'): StepOutcome | Op<StepOutcome> {
    const held = newest(client, kind);
    const obj = existing(held.id);
    if (obj.kind === 'connection' || costs.useMs > 0) return useSlowly(obj, held.lease, write, kind);
    return used(obj, kind, touched(obj, held.lease, write, obj.alive ? null : DEAD));
  }

  function* useSlowly(obj: Pooled, lease: number, write: string | null, kind: 'use' | 'read'): Op<StepOutcome> {
    // Using it takes the reader a while (`useMs`; 0 by default, and then nothing waits: no delay made).
    if (costs.useMs > 0) yield* delay(costs.useMs);
    return used(obj, kind, yield* touch(obj, lease, write, kind));
  }

  /** A use's outcome, once it has touched the object (`problem`: what went wrong, or null). */
  function used(obj: Pooled, kind: 'use' | 'read', problem: string | null): StepOutcome {
    if (problem) return { object: obj.id, error: 'dead', message: problem };
    if (kind === 'read') {
      rt.emit({ type: 'object.read', sees: obj.state }, { object: obj.id });
      return { object: obj.id, sees: obj.state };
    }
    return plain(obj.id);
  }

  /**
   * Write to an object, read it, or just check it answers; returns a problem, or null when it
   * worked. On a connection a read is `SHOW ALL`, the session's settings (what it finds), so it is
   * never taken for the pool's own check, `SELECT 1`.
   */
  function* touch(obj: Pooled, lease: number, write: string | null, kind: 'use' | 'read' = 'use'): Op<string | null> {
    let problem: string | null = null;
    if (obj.kind === 'connection') {
      try {
        yield* obj.execute(write !== null ? `SET ${write}` : kind === 'read' ? 'SHOW ALL' : 'SELECT 1');
      } catch (error) {
        if (!(error instanceof DatabaseError)) throw error;
        problem = error.message;
      }
    } else if (!obj.alive) {
      problem = DEAD;
    }
    return touched(obj, lease, write, problem);
  }

  /** What touching the object came to: `problem` reported, or what was written noted. */
  function touched(obj: Pooled, lease: number, write: string | null, problem: string | null): string | null {
    if (problem) {
      rt.emit({ type: 'use.failed', message: problem }, { object: obj.id });
      return problem;
    }
    if (write !== null) {
      if (obj.kind !== 'connection') obj.note = write;
      obj.writtenBy = lease;
      rt.emit({ type: 'object.written', value: write }, { object: obj.id });
    }
    return null;
  }

  function* doWith(client: ClientRecord, step: Step, task: Task): Op<StepOutcome> {
    const began = rt.sim.now;
    const out: StepOutcome = {};
    let phase: 'acquire' | 'body' | 'release' = 'acquire';
    const body = function* (obj: Pooled): Op<void> {
      phase = 'body';
      // Inside the block: its events are the block's line (the pool method that lent it has returned).
      rt.scratchOf(task)!.lastLine = rt.lineFor('body');
      const source = sourceOf(task, obj);
      if (source === 'shelf' && costs.reuseMs > 0) yield* delay(costs.reuseMs);
      lend(client, obj, source, rt.sim.now - began);
      const lease = client.holding.at(-1)!.lease;
      out.object = obj.id;
      out.source = source;
      Object.assign(out, discardedOf(task));
      rt.emit({ type: 'block.entered' }, { object: obj.id, line: rt.lineFor('body') });
      try {
        if (step.write !== undefined) {
          const problem = yield* touch(obj, lease, step.write);
          if (problem) {
            out.error = 'dead';
            out.message = problem;
            throw new BodyFailed(problem);
          }
        }
        if (step.fail) {
          out.bodyFailed = true;
          rt.emit({ type: 'block.failed' }, { object: obj.id, line: rt.lineFor('body') });
          throw new BodyFailed('the block threw');
        }
      } finally {
        // The block lets go; the pool's guaranteed release takes it back from here.
        const at = client.holding.findLastIndex((h) => h.lease === lease);
        if (at >= 0) {
          removeAt(client.holding, at);
          rt.owe(1); // the guaranteed release has it now, until it counts it back
        }
        client.call = 'returning';
        rt.changed(client);
        rt.holds.take(obj.id, task, client.name, 'back');
        phase = 'release';
      }
    };
    try {
      yield* pool.using!(body);
    } catch (error) {
      rt.holds.end(task);
      client.call = null;
      rt.changed(client);
      if (phase === 'acquire') return refusal(error, task);
      if (phase === 'release' && error instanceof DatabaseError) {
        rt.emit({ type: 'release.failed', message: error.message }, { object: out.object ?? null });
        out.releaseError = 'dead';
      } else if (phase === 'release' && error instanceof PoolError) {
        // The production pool refused the block's release (its object is lent to someone else now,
        // after an unlocked race): nothing changed; the block had let go of it already.
        out.releaseError = error.kind;
        out.message = error.message;
      } else if (!(error instanceof BodyFailed)) {
        throw error;
      }
    }
    rt.holds.end(task);
    client.call = null;
    rt.changed(client);
    rt.emit({ type: 'block.exited' }, { object: out.object ?? null });
    return out;
  }

  return play;
}
