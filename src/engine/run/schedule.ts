/**
 * When a step may start ("Time and order" of the scenario format): a step without `at` starts when
 * the step before it in the file has finished; a step with `at` starts at that virtual time; either
 * way never before its own client's previous step has finished, and never before the pool's
 * start-up filling is done. Steps whose turn comes at the same instant start in file order, after
 * every timer of that instant has fired. On the production level an `acquire` that has to wait
 * counts as finished, for starting the next step in the file, once it is queued; its own client's
 * later steps still wait for it.
 */
import type { Timer } from '../core';
import type { RunState } from './state';

export interface Scheduler {
  /** Start the steps whose turn has come, at the end of the current instant (once, however often asked). */
  arm(): void;
}

export function createScheduler(state: RunState, start: (i: number) => void): Scheduler {
  const { rt, steps } = state;
  const sim = rt.sim;
  const n = steps.length;
  let armed = false;

  // Steps are scanned from the first one not yet started. A step without `at` cannot start before
  // the one above it has finished, so after a step that cannot start the scan jumps to the next
  // step that has an `at` of its own: a long file costs a short scan.
  let firstUnstarted = 0;
  const nextTimed = new Array<number>(n + 1).fill(n);
  for (let i = n - 1; i >= 0; i--) nextTimed[i] = steps[i]!.step.at !== undefined ? i : nextTimed[i + 1]!;

  const arm = (): void => {
    if (armed) return;
    armed = true;
    labelStart(sim.at(sim.now, startDueSteps, true));
  };

  /** For hand-picked interleaving: a timer that starts steps is offered as those steps' clients. */
  function labelStart(timer: Timer): void {
    if (sim.chooser) sim.label(timer, 'start', whoWouldStart);
  }

  /** Who the steps due now belong to (a step with no client is named by what it does). */
  function whoWouldStart(): string[] {
    if (!state.initDone || state.fatal) return [];
    const who: string[] = [];
    for (let i = firstUnstarted; i < n; i++) {
      if (steps[i]!.started || !mayStart(i)) continue;
      const s = steps[i]!.step;
      const name = s.client ?? (s.object === undefined ? s.do : `${s.do} ${s.object}`);
      if (!who.includes(name)) who.push(name);
    }
    return who;
  }

  /** Whether step i's turn has come (without side effects). */
  function mayStart(i: number): boolean {
    const run = steps[i]!;
    const own = run.previousOwn;
    if (own >= 0 && !steps[own]!.finished) return false;
    if (run.step.at === undefined) return i === 0 || steps[i - 1]!.finished || steps[i - 1]!.queued;
    return run.step.at <= sim.now;
  }

  function startDueSteps(): void {
    armed = false;
    if (!state.initDone || state.fatal) return;
    while (firstUnstarted < n && steps[firstUnstarted]!.started) firstUnstarted++;
    for (let i = firstUnstarted; i < n && !state.fatal;) {
      const run = steps[i]!;
      if (run.started) {
        i = run.finished || run.queued ? i + 1 : nextTimed[i + 1]!;
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
    const run = steps[i]!;
    const at = run.step.at;
    const own = run.previousOwn;
    if (at !== undefined && at > sim.now && (own < 0 || steps[own]!.finished) && !run.atTimerSet) {
      run.atTimerSet = true;
      // Chosen ahead of its turn (hand-picked interleaving), it starts its steps there and then.
      labelStart(sim.at(at, () => (sim.outOfOrder ? startDueSteps() : arm())));
    }
    return false;
  }

  return { arm };
}
