/**
 * Running a scenario: each client plays its steps as a coroutine on the virtual clock, in the
 * order "Time and order" of DESIGN.md gives, against one of the levels.
 *
 * Time and order: a step without `at` starts when the step before it in the file has finished; a
 * step with `at` starts at that virtual time; either way never before its own client's previous
 * step has finished, and never before the pool's start-up filling is done. Steps whose turn comes
 * at the same instant start in file order, after every timer of that instant has fired. On the
 * production level an `acquire` that has to wait counts as finished, for starting the next step
 * in the file, once it is queued; its own client's later steps still wait for it.
 *
 * Hand-picked interleaving: with `choices` (or `choose`), at each instant where more than one
 * client could go on, the run takes the option picked (0 is the scheduler's own), and records the
 * choice points so a lab can offer them. The scenario plus the list of choices replays the run.
 */
import { boundOf, levelInfo, resolveOptions, type RunnablePool } from './levels';
import { createMonitor } from './monitor';
import { DatabaseError, type Pooled } from './resources';
import { PoolError, PoolExhausted, Runtime, ScenarioError, type ClientRecord, type StepScratch } from './runtime';
import { resolveCosts } from './scenario';
import { delay, type ChoiceOption, type Op, type Task } from './sim';
import type { PoolEvent, Scenario, Step, StepOutcome, WarningKind, World } from './types';

export interface StepReport {
  readonly index: number;
  readonly step: Step;
  readonly startedAt: number | null;
  readonly endedAt: number | null;
  readonly outcome: StepOutcome;
  readonly available: readonly number[];
  readonly inUse: number | null;
  /** Queued acquires when the step finished (production level; null elsewhere). */
  readonly waiting: number | null;
  /** Objects created and not yet closed when the step finished. */
  readonly open: number;
  readonly warnings: readonly WarningKind[];
}

/** A moment where more than one client could go on, and which one did. */
export interface ChoicePoint {
  /** 0, 1, 2… in the order the run met them; `choices[n]` picks at point n. */
  readonly n: number;
  readonly t: number;
  /** The index of the next event: the choice decides what happens from there on. */
  readonly seq: number;
  /** Option 0 is what the scheduler would run by itself. */
  readonly options: readonly ChoiceOption[];
  readonly picked: number;
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
  /** The choice points met (only with `choices` or `choose`; empty otherwise). */
  readonly choicePoints: readonly ChoicePoint[];
}

export interface RunOptions {
  /** Keep every event with a world snapshot (default true). */
  readonly record?: boolean;
  /** Hand-picked interleaving: the option to take at each choice point in turn (missing: 0). */
  readonly choices?: readonly number[];
  /** Or decide at each choice point as the run goes (after `choices` run out). */
  readonly choose?: (point: Omit<ChoicePoint, 'picked'>) => number;
}

/** Thrown inside a guaranteed-release block when the step says `"fail": true`. */
class BodyFailed extends Error {}

export function runScenario(scenario: Scenario, options: RunOptions = {}): RunResult {
  const info = levelInfo(scenario.level);
  if (!info) throw new ScenarioError(`unknown level "${scenario.level}"`);
  const costs = resolveCosts(scenario.options.costs);
  const rt = new Runtime({
    seed: scenario.seed,
    costs,
    record: options.record ?? true,
    maxSize: boundOf(info.id, scenario.options),
  });
  const pool: RunnablePool = info.make(rt, scenario.options);
  let closeCalled = false;
  // Read on every event: one object, refreshed in place (callers read it at once, never keep it).
  const state: { -readonly [K in keyof PoolState]: PoolState[K] } = {
    available: [],
    inUse: null,
    closed: false,
    waiting: NO_ONE,
  };
  rt.poolState = () => {
    state.available = pool.shelf();
    state.inUse = counterOf(pool);
    state.closed = closeCalled || pool.closed === true;
    state.waiting = pool.waitingList?.() ?? NO_ONE;
    return state;
  };
  const { queues, validates } = info;
  const fixes = resolveOptions(info.id, scenario.options).fixes;
  const monitor = createMonitor(rt, {
    bound: boundOf(info.id, scenario.options),
    boundKind: info.bound,
    unbounded: fixes?.maxSize === false,
    closesOnReturn: fixes?.cleanup === true,
  });

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
  const waitingAt: (number | null)[] = steps.map(() => null);
  const openAt: number[] = steps.map(() => 0);
  /** Production level: an acquire that is queued counts as finished for the next step in the file. */
  const queued = new Array<boolean>(n).fill(false);
  /** When the step's client joined the queue (null when not in it), and its time queued so far. */
  const queuedSince = new Array<number | null>(n).fill(null);
  const waitedMs = new Array<number | null>(n).fill(null);
  /** The step whose acquire a client is queued in. */
  const inQueue = new Map<string, number>();
  /** The step that last lent each object to each client ("client object" → step), for leak warnings. */
  const lentBy = new Map<string, number>();
  const atTimerSet = new Array<boolean>(n).fill(false);
  /** The scenario step a task plays. */
  const stepOf = (task: Task | null): number | undefined => rt.scratchOf(task)?.index;
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
    if (e.type === 'object.acquired' && rt.sim.current) {
      const i = stepOf(rt.sim.current);
      if (i !== undefined) lentBy.set(`${e.client} ${e.object}`, i);
    }
    if (e.type === 'acquire.queued') joinedQueue();
    else if (e.type === 'object.handedoff') leftQueue(e.to);
    else if ((e.type === 'acquire.timedout' || e.type === 'acquire.rejected') && e.client !== null) leftQueue(e.client);
    if (e.type !== 'monitor.warned') return;
    const current = stepOf(rt.sim.current);
    // A reader still waiting at the end: the warning belongs to the step that waits.
    const waiter = e.warning === 'waiting-forever' && e.client !== null ? inQueue.get(e.client) : undefined;
    // A suspected leak belongs to the step that borrowed the object.
    const borrower = e.warning === 'leak-suspected' ? lentBy.get(`${e.client} ${e.object}`) : undefined;
    const index = waiter ?? borrower ?? (finishing ? -1 : (current ?? lastStarted));
    (index >= 0 ? warnings[index]! : looseWarnings).push(e.warning);
  });

  function joinedQueue(): void {
    const i = stepOf(rt.sim.current);
    const client = i === undefined ? undefined : steps[i]!.client;
    if (i === undefined || client === undefined) return;
    inQueue.set(client, i);
    queuedSince[i] = rt.sim.now;
    waitedMs[i] ??= 0;
    if (steps[i]!.do === 'acquire' && !queued[i]) {
      queued[i] = true;
      armStarter();
    }
  }

  function leftQueue(client: string): void {
    const i = inQueue.get(client);
    if (i === undefined) return;
    inQueue.delete(client);
    waitedMs[i]! += rt.sim.now - queuedSince[i]!;
    queuedSince[i] = null;
  }

  const armStarter = () => {
    if (starterArmed) return;
    starterArmed = true;
    labelStart(rt.sim.at(rt.sim.now, startDueSteps, true));
  };

  /** For hand-picked interleaving: a timer that starts steps is offered as those steps' clients. */
  function labelStart(timer: Parameters<typeof rt.sim.label>[0]): void {
    if (rt.sim.chooser) rt.sim.label(timer, 'start', whoWouldStart);
  }

  /** Who the steps due now belong to (a step with no client is named by what it does). */
  function whoWouldStart(): string[] {
    if (!initDone || fatal) return [];
    const who: string[] = [];
    for (let i = firstUnstarted; i < n; i++) {
      if (started[i] || !mayStart(i)) continue;
      const s = steps[i]!;
      const name = s.client ?? (s.object === undefined ? s.do : `${s.do} ${s.object}`);
      if (!who.includes(name)) who.push(name);
    }
    return who;
  }

  /** Whether step i's turn has come (without side effects). */
  function mayStart(i: number): boolean {
    const step = steps[i]!;
    const own = previousOwn[i]!;
    if (own >= 0 && !finished[own]) return false;
    if (step.at === undefined) return i === 0 || finished[i - 1]! || queued[i - 1]!;
    return step.at <= rt.sim.now;
  }

  // Steps are scanned from the first one not yet started. A step without `at` cannot start before
  // the one above it has finished, so after a step that cannot start the scan jumps to the next
  // step that has an `at` of its own: a long file costs a short scan.
  let firstUnstarted = 0;
  const nextTimed = new Array<number>(n + 1).fill(n);
  for (let i = n - 1; i >= 0; i--) nextTimed[i] = steps[i]!.at !== undefined ? i : nextTimed[i + 1]!;

  function startDueSteps(): void {
    starterArmed = false;
    if (!initDone || fatal) return;
    while (firstUnstarted < n && started[firstUnstarted]) firstUnstarted++;
    for (let i = firstUnstarted; i < n && !fatal;) {
      if (started[i]) {
        i = finished[i] || queued[i] ? i + 1 : nextTimed[i + 1]!;
        continue;
      }
      if (canStart(i)) {
        start(i);
        i++;
      } else {
        i = nextTimed[i + 1]!;
      }
    }
  }

  /** Whether step i may start now; sets a timer for a step whose `at` is still ahead. */
  function canStart(i: number): boolean {
    if (mayStart(i)) return true;
    const at = steps[i]!.at;
    const own = previousOwn[i]!;
    if (at !== undefined && at > rt.sim.now && (own < 0 || finished[own]) && !atTimerSet[i]) {
      atTimerSet[i] = true;
      // Chosen ahead of its turn (hand-picked interleaving), it starts its steps there and then.
      labelStart(rt.sim.at(at, () => (rt.sim.outOfOrder ? startDueSteps() : armStarter())));
    }
    return false;
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
      outcomes[i] = withWait(i, result.value as StepOutcome);
      if (client && client.status !== 'crashed') client.status = 'idle';
      if (client) client.doing = null;
      finished[i] = true;
      endedAt[i] = rt.sim.now;
      rt.emit(
        { type: 'step.finished', index: i, do: step.do, outcome: outcomes[i] },
        { client: step.client ?? null, object: outcomes[i].object ?? null },
      );
      noteState(i);
      armStarter();
    });
    void task;
  }

  /** The pool as it stands, for step i's line of the report. */
  function noteState(i: number): void {
    shelfAt[i] = pool.shelf().map((o) => o.id);
    inUseAt[i] = counterOf(pool);
    waitingAt[i] = queues ? (pool.waitingList?.().length ?? 0) : null;
    openAt[i] = rt.objects.reduce((k, o) => k + (o.closed ? 0 : 1), 0);
  }

  /** An acquire that waited says for how long (virtual ms in the queue). */
  function withWait(i: number, outcome: StepOutcome): StepOutcome {
    const waited = waitedMs[i];
    return waited === null || waited === undefined ? outcome : { ...outcome, waited };
  }

  function* play(i: number, step: Step, client: ClientRecord | null): Op<StepOutcome> {
    const task = rt.sim.current!;
    const scratch: StepScratch = { index: i, created: [], discarded: [], lastStep: null };
    task.scratch = scratch;
    rt.emit(
      { type: 'step.started', index: i, do: step.do },
      { client: step.client ?? null, object: step.object ?? null, step: null },
    );
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
    if (error instanceof PoolError) return { error: error.kind, message: error.message, ...discardedOf(task) };
    throw error;
  }

  function discardedOf(task: Task): { discarded?: number[] } {
    return validates ? { discarded: [...rt.scratchOf(task)!.discarded] } : {};
  }

  function* doRelease(step: Step, client: ClientRecord | null): Op<StepOutcome> {
    let obj: Pooled;
    if (step.object !== undefined) {
      obj = existing(step.object);
    } else {
      obj = existing(newest(client!, 'release').id);
    }
    let letGo: { at: number; held: ClientRecord['holding'][number] } | null = null;
    if (client) {
      const at = client.holding.findLastIndex((h) => h.id === obj.id);
      if (at >= 0) letGo = { at, held: client.holding.splice(at, 1)[0]! };
    }
    try {
      yield* pool.release(obj);
    } catch (error) {
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
  const choicePoints: ChoicePoint[] = [];
  if (options.choices !== undefined || options.choose !== undefined) {
    const given = options.choices ?? [];
    rt.sim.chooser = (offered, t) => {
      const k = choicePoints.length;
      const point = { n: k, t, seq: rt.eventCount, options: offered };
      let picked = k < given.length ? given[k]! : (options.choose?.(point) ?? 0);
      if (!Number.isInteger(picked) || picked < 0 || picked >= offered.length) {
        fatal ??= new ScenarioError(
          `choice ${k + 1} is ${picked}, but that moment offers ${offered.length} options (0 to ${offered.length - 1})`,
        );
        picked = 0;
      }
      choicePoints.push({ ...point, picked });
      return picked;
    };
  }
  while (!fatal && rt.sim.step()) {
    /* run to the end */
  }
  // Nothing left to happen: an acquire still in the queue waits for ever.
  for (const [, i] of inQueue) {
    if (finished[i]) continue;
    waitedMs[i]! += rt.sim.now - queuedSince[i]!;
    queuedSince[i] = rt.sim.now;
    outcomes[i] = { ...withWait(i, outcomes[i]!), pending: true };
    noteState(i);
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
    waiting: waitingAt[index]!,
    open: openAt[index]!,
    warnings: warnings[index]!,
  }));
  return {
    scenario,
    events: rt.events,
    steps: reports,
    warnings: looseWarnings,
    error: fatal,
    final: rt.snapshot(),
    eventCount: rt.eventCount,
    choicePoints,
  };
}

type PoolState = ReturnType<Runtime['poolState']>;
const NO_ONE: PoolState['waiting'] = [];

function counterOf(pool: RunnablePool): number | null {
  const value = (pool as unknown as { inUseCount?: unknown }).inUseCount;
  return typeof value === 'number' ? value : null;
}
