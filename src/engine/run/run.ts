/**
 * Running a scenario: each client plays its steps as a coroutine on the virtual clock, against one
 * of the levels, in the order the scenario format gives ("Time and order", see schedule.ts). The
 * parts: when a step may start (schedule.ts), what each step does (steps.ts), what the run notes
 * from the events, warnings included (watch.ts), hand-picked interleaving (choices.ts).
 */
import { EngineFailure, ScenarioError, type Op, type Task } from '../core';
import { boundOf, levelInfo, resolveCosts, resolveOptions, type RunnablePool } from '../levels';
import { createMonitor } from '../monitor';
import type { PoolEvent, Scenario, Step, StepOutcome, WarningKind, World } from '../types';
import { countMoves, Runtime, type ClientRecord, type PoolState } from '../world';
import { recordChoices, type ChoiceOptions, type ChoicePoint } from './choices';
import { stepRuns, type StepReport } from './records';
import { notDone } from './grow';
import { createScheduler } from './schedule';
import type { RunState } from './state';
import { createStepPlayer } from './steps';
import { watchEvents, withWait } from './watch';

export interface RunResult {
  readonly scenario: Scenario;
  readonly events: readonly PoolEvent[];
  readonly steps: readonly StepReport[];
  /** Warnings that belong to no step: found during start-up, or once everything had finished. */
  readonly warnings: readonly WarningKind[];
  /** The scenario's first bad step, if it had one: the run stops there. */
  readonly error: ScenarioError | null;
  /** The world when the run ended. */
  readonly final: World;
  /** The virtual clock when the run ended, in ms (an event's time is its own `t`). */
  readonly time: number;
  readonly eventCount: number;
  /** Timers fired and tasks started: with the events, the work the run did (see engine/work). */
  readonly timersFired: number;
  readonly tasksStarted: number;
  /** The choice points met (only with `choices` or `choose`; empty otherwise). */
  readonly choicePoints: readonly ChoicePoint[];
}

export interface RunOptions extends ChoiceOptions {
  /** Keep every event with a world snapshot (default true). */
  readonly record?: boolean;
  /** Rebuild every view of each snapshot instead of keeping the world up to date (a check, for tests). */
  readonly rebuildWorld?: boolean;
}

export function runScenario(scenario: Scenario, options: RunOptions = {}): RunResult {
  return openRun(scenario, options).result(true);
}

/**
 * A run kept open at its end, so a step appended by hand is simulated on its own rather than the
 * whole run again (the lab's manual panel). Its result is the same as `runScenario`'s on the
 * scenario with the step; where that cannot be had from where the run stands, `grow` says so.
 */
export interface OpenRun {
  /**
   * The run's result as it stands, a copy that later growth leaves alone. `last`: the run will not
   * grow (its events are handed over, not copied). A result whose end has more to say (a reader
   * still waiting, objects open after close) ends the run for good: it can no longer grow.
   */
  result(last?: boolean): RunResult;
  /**
   * The run's result as it stands, without copying anything: its scenario's steps, its events, its
   * step reports and loose warnings are the run's own arrays, which the next `append` grows in place
   * (and whose last entries it may replace). For a caller that only ever reads the newest result,
   * and tells results apart by the result itself, never by its arrays (the lab's manual panel):
   * a click then costs the new step, not a copy of the history.
   */
  liveResult(): RunResult;
  /**
   * Simulate `next`: this run's scenario with one step more at its end (no `at` of its own). False,
   * with nothing done, when the step would not start where the run stands (the run reached past
   * that point, or has ended for good), or `next` is not this run's scenario and one step; then
   * `next` is to be run from the start.
   */
  grow(next: Scenario): boolean;
  /** `grow` by `step` at the end of this run's own scenario (the caller vouches for what came before). */
  append(step: Step): boolean;
}

export function openRun(scenario: Scenario, options: RunOptions = {}): OpenRun {
  const info = levelInfo(scenario.level);
  if (!info) throw new ScenarioError(`unknown level "${scenario.level}"`);
  const costs = resolveCosts(scenario.options.costs);
  const rt = new Runtime({
    seed: scenario.seed,
    costs,
    record: options.record ?? true,
    maxSize: boundOf(info.id, scenario.options),
    rebuildWorld: options.rebuildWorld ?? false,
    setKind: info.blockStatements ?? 'body',
    calls: info.calls,
  });
  const { reports: table, progress, lastOf: lastOwn, counts } = stepRuns(scenario.steps);
  for (const [client, n] of counts) rt.stepCounts.set(client, n);
  const pool: RunnablePool = info.make(rt, scenario.options);
  if (info.counts) countMoves(pool, rt, info.counts);
  const state: RunState = {
    rt,
    pool,
    reports: table,
    progress,
    initDone: false,
    fatal: null,
    lastStarted: -1,
    finishing: false,
    closeCalled: false,
    warned: [],
  };
  // Read on every event: one object, refreshed in place (callers read it at once, never keep it).
  const poolState: PoolState = { available: [], inUse: null, closed: false, waiting: NO_ONE };
  rt.inUse = () => counterOf(pool);
  rt.poolState = () => {
    poolState.available = pool.shelf();
    poolState.inUse = rt.inUse();
    poolState.closed = state.closeCalled || pool.closed === true;
    poolState.waiting = pool.waitingList?.() ?? NO_ONE;
    return poolState;
  };
  const fixes = resolveOptions(info.id, scenario.options).fixes;
  const monitor = createMonitor(rt, {
    bound: boundOf(info.id, scenario.options),
    boundKind: info.bound,
    unbounded: fixes?.maxSize === false,
    closesOnReturn: fixes?.cleanup === true,
  });

  const scheduler = createScheduler(state, start);
  const watch = watchEvents(state, scheduler);
  const play = createStepPlayer(state, { costs, validates: info.validates, loanLine: info.loanLine ?? null });
  const { queues } = info;

  function start(i: number): void {
    const step = table.step(i);
    progress.started[i] = 1;
    table.startedAt[i] = rt.sim.now;
    state.lastStarted = i;
    const client = clientOf(step);
    if (client) {
      client.status = 'busy';
      client.doing = step.do;
      // A new action: the last one's error is no longer shown.
      client.ended = null;
      client.error = null;
      client.call = step.do === 'acquire' || step.do === 'with' ? 'asking' : step.do === 'release' ? 'returning' : null;
      rt.changed(client);
    }
    starting = client;
    rt.sim.begin(step.client ?? null, i, playStep, stepEnded);
  }

  /** The client of the step `start` is starting (its task's first part runs at once, in `begin`). */
  let starting: ClientRecord | null = null;

  function clientOf(step: Step): ClientRecord | null {
    return step.client === undefined ? null : rt.client(step.client);
  }

  /** Step i played, as its task (one function for every step's task: no closure made per step). */
  function playStep(i: number): StepOutcome | Op<StepOutcome> {
    return play(i, table.step(i), starting);
  }

  /** Step `task.job`'s task has ended: with its outcome, or with what it threw. */
  function stepEnded(task: Task, failed: boolean, result: unknown): void {
    const i = task.job;
    const step = table.step(i);
    if (failed) {
      if (result instanceof ScenarioError) {
        state.fatal = new ScenarioError(result.message, i);
        return;
      }
      // Not the file's fault: a bug. It ends the run, naming the step it happened in.
      throw result instanceof EngineFailure ? result : new EngineFailure(result, i);
    }
    const outcome = withWait(progress.waitedMs.get(i) ?? null, result as StepOutcome);
    table.outcome[i] = outcome;
    const client = clientOf(step);
    if (client) {
      if (client.status !== 'crashed') client.status = 'idle';
      client.doing = null;
      client.call = null;
      client.stepsLeft--;
      rt.changed(client);
    }
    progress.finished[i] = 1;
    table.endedAt[i] = rt.sim.now;
    rt.emit(
      { type: 'step.finished', index: i, do: step.do, outcome },
      { client: step.client ?? null, object: outcome.object ?? null },
    );
    noteState(i);
    scheduler.settled(i, true);
  }

  /** The pool as it stands, for step i's line of the report. */
  function noteState(i: number): void {
    table.available[i] = rt.shelfIds();
    table.inUse[i] = counterOf(pool) ?? NaN;
    table.waiting[i] = queues ? (pool.waitingList?.().length ?? 0) : NaN;
    let open = 0;
    for (const o of rt.objects) if (!o.closed) open++;
    table.open[i] = open;
  }

  // Before anything is scheduled: timers are labelled for a chooser only when one is set. A file's
  // own `choices` apply unless the caller picks (the production page's "Who runs next?").
  const choicePoints = recordChoices(
    rt.sim,
    options.choices === undefined && scenario.choices !== undefined
      ? { ...options, choices: scenario.choices }
      : options,
    () => rt.eventCount,
    (error) => (state.fatal ??= error),
  );
  // Start-up: the level's own filling, then the steps.
  rt.emit({ type: 'pool.opening' }, { client: null });
  rt.sim.spawn(null, pool.init(), (_task, failed, error) => {
    if (failed) throw error;
    state.initDone = true;
    rt.emit({ type: 'pool.opened' }, { client: null });
    scheduler.arm();
  });
  const toTheEnd = (): void => runToTheEnd(state);
  toTheEnd();

  let current = scenario;
  /** The end has been told (waits ended, the monitor's last checks made): nothing can follow. */
  let ended = false;
  const growable = rt.record && !rt.sim.chooser && options.rebuildWorld !== true;

  // The steps' reports, made again only where a step may have changed: from the first step not yet
  // finished on, and steps warned since (a finished step changes no more but for its warnings).
  const reports: StepReport[] = [];
  let firstOpen = 0;
  const reportsAgain = (): StepReport[] => {
    for (let i = firstOpen; i < table.length; i++) reports[i] = table.reportAgain(i, reports[i]);
    for (const i of state.warned) reports[i] = table.reportAgain(i, reports[i]);
    state.warned.length = 0;
    while (firstOpen < table.length && progress.finished[firstOpen]) firstOpen++;
    return reports;
  };
  /** The result as it stands: copied (`copy`), handed over (`last`), or sharing the run's arrays (`live`). */
  const resultAs = (mode: 'copy' | 'last' | 'live'): RunResult => {
    const last = mode === 'last';
    if (!ended && (last || state.fatal || watch.waitsLeft() || monitor.finishWarns())) {
      ended = true;
      watch.endWaits(noteState);
      if (!state.fatal) {
        state.finishing = true;
        monitor.finish();
      }
    }
    const copy = mode === 'copy' && growable;
    return {
      scenario: copy && current !== scenario ? { ...current, steps: current.steps.slice() } : current,
      events: copy ? rt.events.slice() : rt.events,
      steps: last ? table.reports() : copy ? reportsAgain().slice() : reportsAgain(),
      warnings: copy ? watch.looseWarnings.slice() : watch.looseWarnings,
      error: state.fatal,
      final: rt.snapshot(),
      time: rt.sim.now,
      eventCount: rt.eventCount,
      timersFired: rt.sim.fired,
      tasksStarted: rt.sim.spawned,
      choicePoints,
    };
  };

  const append = (step: Step): boolean => {
    const n = table.length;
    if (ended || !growable || step.at !== undefined) return false;
    const previousOwn = step.client === undefined ? -1 : (lastOwn.get(step.client) ?? -1);
    if (!scheduler.dueHere(previousOwn)) return false;
    table.add(step);
    // The scenario with the step: the table's own list of steps once grown (grown in place).
    current = { ...current, steps: table.steps };
    if (step.client !== undefined) {
      lastOwn.set(step.client, n);
      rt.stepCounts.set(step.client, (rt.stepCounts.get(step.client) ?? 0) + 1);
      const client = rt.clients.get(step.client);
      // A reader that had done all its steps has one more: from then on it was idle, not done.
      if (client) {
        client.stepsLeft++;
        notDone(rt.events, step.client);
      }
    }
    progress.add(previousOwn);
    scheduler.grown();
    if (!progress.started[n]) throw new EngineFailure(new Error('an appended step did not start where it was due'), n);
    toTheEnd();
    return true;
  };

  return {
    result: (last = false) => resultAs(last ? 'last' : 'copy'),
    liveResult: () => resultAs('live'),
    grow: (next) => extends_(current, next) && append(next.steps[next.steps.length - 1]!),
    append,
  };
}

/** Fire timers until nothing is left to do or the scenario's first bad step stops the run. */
function runToTheEnd(state: RunState): void {
  const sim = state.rt.sim;
  while (!state.fatal && sim.tick()) {
    /* run to the end */
  }
}

/** Whether `next` is `scenario` with steps appended (the same level, options, seed and first steps). */
function extends_(scenario: Scenario, next: Scenario): boolean {
  if (
    next.level !== scenario.level ||
    next.options !== scenario.options ||
    next.seed !== scenario.seed ||
    next.choices !== scenario.choices ||
    next.steps.length !== scenario.steps.length + 1
  )
    return false;
  for (let i = 0; i < scenario.steps.length; i++) if (next.steps[i] !== scenario.steps[i]) return false;
  return true;
}

const NO_ONE: PoolState['waiting'] = [];

/** The level's own borrowed counter (`inUseCount`), for levels that keep one. */
function counterOf(pool: RunnablePool): number | null {
  const value = (pool as unknown as { inUseCount?: unknown }).inUseCount;
  return typeof value === 'number' ? value : null;
}
