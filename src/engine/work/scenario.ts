/**
 * The work a scenario file will do, before it runs: an upper figure from its steps. Each kind of
 * step costs at most a known number of events and timers on any level (counted from the levels'
 * code: an acquire may create or check, wait and give up; a release may clean, hand over, throw a
 * connection away and make a new one), and the start-up fills the pool. One step can cost more
 * than its own share: after a `restart` or a `kill`, every dead connection is found, thrown away and
 * (on the production pool, to keep `minSize`) made again — counted per connection that could be open.
 * work.test.ts holds every example file and the golden corpus under these figures.
 */
import { boundOf, levelInfo, resolveOptions, startSizeOf } from '../levels';
import type { Scenario, StepKind } from '../types';
import type { WorkCounts } from './units';

type Cost = Omit<WorkCounts, 'throws' | 'scans'>;

/**
 * Per step, at most, beyond the step's own start (a timer, a task, `step.started` and
 * `step.finished`) and the monitor's warnings (a few events).
 */
const STEP_COST: Readonly<Record<StepKind, Cost>> = {
  // create (2) or pop and check (3), queued, timed out or handed over, discarded (2): 8.
  acquire: { events: 8, timers: 3, tasks: 0 },
  // reset (up to 3 statements: 6), shelved or handed over, destroyed and closed, remade (3): 12.
  release: { events: 12, timers: 5, tasks: 1 },
  use: { events: 3, timers: 1, tasks: 0 },
  read: { events: 2, timers: 0, tasks: 0 },
  fail: { events: 2, timers: 0, tasks: 0 },
  with: { events: 24, timers: 9, tasks: 1 },
  kill: { events: 2, timers: 0, tasks: 0 },
  restart: { events: 2, timers: 0, tasks: 0 },
  close: { events: 2, timers: 0, tasks: 0 },
};

/**
 * Every step's own start: its timers (one to start it, one more to wait for its `at`), its task,
 * and its started/finished events plus warnings.
 */
const STEP_BASE: Cost = { events: 6, timers: 2, tasks: 1 };

/** One connection found dead, thrown away and made again: checked 2, destroyed 2, remade 3. */
const PER_DEAD: Cost = { events: 7, timers: 2, tasks: 1 };

/** The pool's own timers per loan or shelving (leak report, idle retirement) when the file sets them. */
const PER_CLOCK: Cost = { events: 6, timers: 1, tasks: 1 };

export function estimateScenarioWork(scenario: Scenario): WorkCounts {
  const info = levelInfo(scenario.level);
  const start = info ? startSizeOf(info.id, scenario.options) : 0;
  const bound = info ? boundOf(info.id, scenario.options) : null;
  const resolved = info ? resolveOptions(info.id, scenario.options) : {};
  const clocks = (['leakThreshold', 'idleTimeout', 'maxLifetime'] as const).filter(
    (name) => typeof resolved[name] === 'number',
  ).length;
  // A file that gives using an object a time (`costs.useMs`) pays one timer per use and read.
  const useTimers = (scenario.options.costs?.useMs ?? 0) > 0 ? 1 : 0;
  const lends = scenario.steps.filter((s) => s.do === 'acquire' || s.do === 'with').length;
  // Connections that can be open at once: the bound, or all ever made where there is none.
  const open = Math.min(bound ?? Number.POSITIVE_INFINITY, start + lends);
  let events = 2 + start * 3;
  let timers = start;
  let tasks = 1;
  let made = start;
  for (const step of scenario.steps) {
    const own = STEP_COST[step.do];
    const deaths = step.do === 'restart' ? open : step.do === 'kill' ? 1 : 0;
    const clocked = step.do === 'acquire' || step.do === 'release' || step.do === 'with' ? clocks : 0;
    const close = step.do === 'close' ? open : 0;
    events += STEP_BASE.events + own.events + deaths * PER_DEAD.events + clocked * PER_CLOCK.events + close * 2;
    const using = step.do === 'use' || step.do === 'read' ? useTimers : 0;
    timers += STEP_BASE.timers + own.timers + using + deaths * PER_DEAD.timers + clocked * PER_CLOCK.timers;
    tasks += STEP_BASE.tasks + own.tasks + deaths * PER_DEAD.tasks + clocked * PER_CLOCK.tasks;
    made += deaths + (step.do === 'acquire' || step.do === 'with' ? 1 : 0);
  }
  // Every step's end and every creation looks at every object made so far (half of them, on average).
  const scans = ((scenario.steps.length + made) * made) / 2;
  return { events, timers, tasks, throws: scenario.steps.length, scans };
}
