/**
 * Running a scenario: each client plays its steps as a coroutine on the virtual clock, in the
 * order "Time and order" of DESIGN.md gives, against one of the levels.
 *
 * Time and order: a step without `at` starts when the step before it in the file has finished; a
 * step with `at` starts at that virtual time; either way never before its own client's previous
 * step has finished, and never before the pool's start-up filling is done. Steps whose turn comes
 * at the same instant start in file order, after every timer of that instant has fired.
 */
import { levelInfo, type RunnablePool } from './levels';
import { createMonitor } from './monitor';
import { DatabaseError, type Pooled } from './resources';
import { PoolExhausted, Runtime, ScenarioError, type ClientRecord } from './runtime';
import { resolveCosts } from './scenario';
import { delay, type Op, type Task } from './sim';
import type { PoolEvent, Scenario, Step, StepOutcome, WarningKind, World } from './types';

export interface StepReport {
  readonly index: number;
  readonly step: Step;
  readonly startedAt: number | null;
  readonly endedAt: number | null;
  readonly outcome: StepOutcome;
  readonly available: readonly number[];
  readonly inUse: number | null;
  readonly warnings: readonly WarningKind[];
}

export interface RunResult {
  readonly scenario: Scenario;
  readonly events: readonly PoolEvent[];
  readonly steps: readonly StepReport[];
  /** Warnings that belong to no step: found during start-up, or once everything had finished. */
  readonly warnings: readonly WarningKind[];
  /** The scenario's first bad step, if it had one: the run stops there. */
  readonly error: ScenarioError | null;
  readonly final: World;
  readonly eventCount: number;
}

export interface RunOptions {
  /** Keep every event with a world snapshot (default true). */
  readonly record?: boolean;
}

/** Thrown inside a guaranteed-release block when the step says `"fail": true`. */
class BodyFailed extends Error {}

export function runScenario(scenario: Scenario, options: RunOptions = {}): RunResult {
  const info = levelInfo(scenario.level);
  if (!info) throw new ScenarioError(`unknown level "${scenario.level}"`);
  const costs = resolveCosts(scenario.options.costs);
  const rt = new Runtime({ seed: scenario.seed, costs, record: options.record ?? true, maxSize: info.bound(scenario.options) });
  const pool: RunnablePool = info.make(rt, scenario.options);
  let closeCalled = false;
  rt.poolState = () => ({ available: pool.shelf(), inUse: counterOf(pool), closed: closeCalled, waiting: [] });
  const monitor = createMonitor(rt, { bound: info.bound(scenario.options), level: scenario.level });

  const steps = scenario.steps;
  const n = steps.length;
  const started = new Array<boolean>(n).fill(false);
  const finished = new Array<boolean>(n).fill(false);
  const startedAt = new Array<number | null>(n).fill(null);
  const endedAt = new Array<number | null>(n).fill(null);
  const outcomes: StepOutcome[] = steps.map(() => ({}));
  const shelfAt: (readonly number[])[] = steps.map(() => []);
  const inUseAt: (number | null)[] = steps.map(() => null);
  const warnings: WarningKind[][] = steps.map(() => []);
  const atTimerSet = new Array<boolean>(n).fill(false);
  const taskStep = new WeakMap<Task, number>();
  const previousOwn = steps.map((s, i) => {
    if (s.client === undefined) return -1;
    for (let j = i - 1; j >= 0; j--) if (steps[j]!.client === s.client) return j;
    return -1;
  });
  let lastStarted = -1;
  let initDone = false;
  let fatal: ScenarioError | null = null;
  let starterArmed = false;
  let finishing = false;
  const looseWarnings: WarningKind[] = [];

  rt.listeners.push((e) => {
    if (e.type !== 'monitor.warned') return;
    const current = rt.sim.current ? taskStep.get(rt.sim.current) : undefined;
    const index = finishing ? -1 : (current ?? lastStarted);
    (index >= 0 ? warnings[index]! : looseWarnings).push(e.warning);
  });

  const armStarter = () => {
    if (starterArmed) return;
    starterArmed = true;
    rt.sim.at(rt.sim.now, startDueSteps, true);
  };

  function startDueSteps(): void {
    starterArmed = false;
    if (!initDone || fatal) return;
    for (let i = 0; i < n && !fatal; i++) {
      if (started[i]) continue;
      const step = steps[i]!;
      const own = previousOwn[i]!;
      if (own >= 0 && !finished[own]) continue;
      if (step.at === undefined) {
        if (i > 0 && !finished[i - 1]) continue;
      } else if (step.at > rt.sim.now) {
        if (!atTimerSet[i]) {
          atTimerSet[i] = true;
          rt.sim.at(step.at, armStarter);
        }
        continue;
      }
      start(i);
    }
  }

  function start(i: number): void {
    const step = steps[i]!;
    started[i] = true;
    startedAt[i] = rt.sim.now;
    lastStarted = i;
    const client = step.client === undefined ? null : rt.client(step.client);
    if (client) {
      client.status = 'busy';
      client.doing = step.do;
    }
    const task = rt.sim.spawn(step.client ?? null, play(i, step, client), (result) => {
      if ('error' in result) {
        const error = result.error;
        if (error instanceof ScenarioError) {
          fatal = new ScenarioError(error.message, i);
          return;
        }
        throw error;
      }
      outcomes[i] = result.value as StepOutcome;
      if (client && client.status !== 'crashed') client.status = 'idle';
      if (client) client.doing = null;
      finished[i] = true;
      endedAt[i] = rt.sim.now;
      rt.emit({ type: 'step.finished', index: i, do: step.do, outcome: outcomes[i] }, { client: step.client ?? null, object: outcomes[i].object ?? null });
      shelfAt[i] = pool.shelf().map((o) => o.id);
      inUseAt[i] = counterOf(pool);
      armStarter();
    });
    void task;
  }

  function* play(i: number, step: Step, client: ClientRecord | null): Op<StepOutcome> {
    const task = rt.sim.current!;
    taskStep.set(task, i);
    rt.scratch.set(task, { created: [], discarded: [], lastStep: null });
    rt.emit({ type: 'step.started', index: i, do: step.do }, { client: step.client ?? null, object: step.object ?? null, step: null });
    switch (step.do) {
      case 'acquire':
        return yield* doAcquire(client!, task);
      case 'release':
        return yield* doRelease(step, client);
      case 'use':
        return yield* doUse(client!, step.write ?? null, 'use');
      case 'read':
        return yield* doUse(client!, null, 'read');
      case 'fail': {
        const held = newest(client!, 'crash holding');
        client!.holding.pop();
        client!.status = 'crashed';
        rt.emit({ type: 'client.crashed' }, { object: held.id });
        return { object: held.id, leaked: true };
      }
      case 'with':
        return yield* doWith(client!, step, task);
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
      case 'close': {
        const before = new Set(rt.objects.filter((o) => o.closed).map((o) => o.id));
        yield* pool.close!();
        closeCalled = true;
        const closed = rt.objects.filter((o) => o.closed && !before.has(o.id)).map((o) => o.id);
        const borrowed = rt.objects.filter((o) => !o.closed && !pool.shelf().includes(o)).length;
        rt.emit({ type: 'pool.closed', closed, borrowed });
        return {};
      }
    }
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

  function lend(client: ClientRecord, obj: Pooled, source: 'shelf' | 'created', waited: number): void {
    client.holding.push({ id: obj.id, lease: rt.nextLease() });
    obj.lends++;
    rt.emit({ type: 'object.acquired', source, waited }, { object: obj.id });
  }

  function sourceOf(task: Task, obj: Pooled): 'shelf' | 'created' {
    return rt.scratchOf(task)!.created.includes(obj.id) ? 'created' : 'shelf';
  }

  function* doAcquire(client: ClientRecord, task: Task): Op<StepOutcome> {
    const began = rt.sim.now;
    let obj: Pooled;
    try {
      obj = yield* pool.acquire();
    } catch (error) {
      return refusal(error, task);
    }
    const source = sourceOf(task, obj);
    if (source === 'shelf') yield* delay(costs.reuseMs);
    lend(client, obj, source, rt.sim.now - began);
    return { object: obj.id, source, ...discardedOf(task) };
  }

  function refusal(error: unknown, task: Task): StepOutcome {
    if (error instanceof PoolExhausted) return { error: 'exhausted', message: error.message, ...discardedOf(task) };
    throw error;
  }

  function discardedOf(task: Task): { discarded?: number[] } {
    return scenario.level === 'database' || scenario.level === 'production' ? { discarded: [...rt.scratchOf(task)!.discarded] } : {};
  }

  function* doRelease(step: Step, client: ClientRecord | null): Op<StepOutcome> {
    let obj: Pooled;
    if (step.object !== undefined) {
      obj = existing(step.object);
    } else {
      obj = existing(newest(client!, 'release').id);
    }
    if (client) {
      const at = client.holding.findLastIndex((h) => h.id === obj.id);
      if (at >= 0) client.holding.splice(at, 1);
    }
    try {
      yield* pool.release(obj);
    } catch (error) {
      if (error instanceof DatabaseError) {
        rt.emit({ type: 'release.failed', message: error.message }, { object: obj.id });
        return { object: obj.id, error: 'dead', message: error.message };
      }
      throw error;
    }
    rt.emit({ type: 'object.released' }, { object: obj.id });
    return { object: obj.id };
  }

  /** `use` (write) and `read` on the client's newest object. */
  function* doUse(client: ClientRecord, write: string | null, kind: 'use' | 'read'): Op<StepOutcome> {
    const held = newest(client, kind);
    const obj = existing(held.id);
    const problem = yield* touch(obj, held.lease, write);
    if (problem) return { object: obj.id, error: 'dead', message: problem };
    if (kind === 'read') {
      rt.emit({ type: 'object.read', sees: obj.state }, { object: obj.id });
      return { object: obj.id, sees: obj.state };
    }
    return { object: obj.id };
  }

  /** Write to an object (or just check it answers); returns a problem, or null when it worked. */
  function* touch(obj: Pooled, lease: number, write: string | null): Op<string | null> {
    let problem: string | null = null;
    if (obj.kind === 'connection') {
      try {
        yield* obj.execute(write === null ? 'SELECT 1' : `SET ${write}`);
      } catch (error) {
        if (!(error instanceof DatabaseError)) throw error;
        problem = error.message;
      }
    } else if (!obj.alive) {
      problem = 'the object is dead';
    } else if (write !== null) {
      obj.note = write;
    }
    if (problem) {
      rt.emit({ type: 'use.failed', message: problem }, { object: obj.id });
      return problem;
    }
    if (write !== null) {
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
      const source = sourceOf(task, obj);
      if (source === 'shelf') yield* delay(costs.reuseMs);
      lend(client, obj, source, rt.sim.now - began);
      const lease = client.holding.at(-1)!.lease;
      out.object = obj.id;
      out.source = source;
      Object.assign(out, discardedOf(task));
      rt.emit({ type: 'block.entered' }, { object: obj.id, step: rt.stepFor('body') });
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
          rt.emit({ type: 'block.failed' }, { object: obj.id, step: rt.stepFor('body') });
          throw new BodyFailed('the block threw');
        }
      } finally {
        const at = client.holding.findLastIndex((h) => h.lease === lease);
        if (at >= 0) client.holding.splice(at, 1);
        phase = 'release';
      }
    };
    try {
      yield* pool.using!(body);
    } catch (error) {
      if (phase === 'acquire') return refusal(error, task);
      if (phase === 'release' && error instanceof DatabaseError) {
        rt.emit({ type: 'release.failed', message: error.message }, { object: out.object ?? null });
        out.releaseError = 'dead';
      } else if (!(error instanceof BodyFailed)) {
        throw error;
      }
    }
    rt.emit({ type: 'block.exited' }, { object: out.object ?? null });
    return out;
  }

  // Start-up: the level's own filling, then the steps.
  rt.emit({ type: 'pool.opening' }, { client: null });
  rt.sim.spawn(null, pool.init(), (result) => {
    if ('error' in result) throw result.error;
    initDone = true;
    rt.emit({ type: 'pool.opened' }, { client: null });
    armStarter();
  });
  while (!fatal && rt.sim.step()) {
    /* run to the end */
  }
  if (!fatal) {
    finishing = true;
    monitor.finish();
  }

  const reports: StepReport[] = steps.map((step, index) => ({
    index,
    step,
    startedAt: startedAt[index]!,
    endedAt: endedAt[index]!,
    outcome: outcomes[index]!,
    available: shelfAt[index]!,
    inUse: inUseAt[index]!,
    warnings: warnings[index]!,
  }));
  return { scenario, events: rt.events, steps: reports, warnings: looseWarnings, error: fatal, final: rt.snapshot(), eventCount: rt.eventCount };
}

function counterOf(pool: RunnablePool): number | null {
  const value = (pool as unknown as { inUseCount?: unknown }).inUseCount;
  return typeof value === 'number' ? value : null;
}
