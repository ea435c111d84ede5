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
import { widened, type StepReports } from './records';
import type { RunState } from './state';

export interface Scheduler {
  /** Start the steps whose turn has come, at the end of the current instant (once, however often asked). */
  arm(): void;
  /** Step i has finished (or, an acquire, is queued): the steps after it may start. Arms. */
  settled(i: number, finished: boolean): void;
  /**
   * Whether a step appended now (no `at`; its client's step before it `previousOwn`, or -1) would start where the run stands: it
   * would have come due at the last look the scheduler took, and nothing has run since.
   */
  dueHere(previousOwn: number): boolean;
  /** The step just appended to the run's steps: counted in, and started as that last look would have. */
  grown(): void;
}

/** No timed step after this one (larger than any index). */
const NONE = 2 ** 30;

/** For each step, the first step from it on with an `at` of its own (NONE: none), and NONE after the last. */
function timedAhead(steps: StepReports): Int32Array {
  const n = steps.length;
  const next = new Int32Array(n + 1).fill(NONE);
  for (let i = n - 1; i >= 0; i--) next[i] = steps.step(i).at !== undefined ? i : next[i + 1]!;
  return next;
}

export function createScheduler(state: RunState, start: (i: number) => void): Scheduler {
  const { rt, reports: steps, progress } = state;
  const sim = rt.sim;
  let n = steps.length;
  let armed = false;
  // For a step appended at the end (`dueHere`): settles (a step finishing or queueing, start-up
  // done) are counted; each step keeps the count at its first settle and at its finish. Each look
  // whose scan came to the end of the file (where an appended step would have been looked at)
  // keeps the count of settles and of timers fired when it ended.
  let settles = 0;
  let initSettle = -1;
  let dueFrom = new Int32Array(n).fill(-1);
  let finishedAt = new Int32Array(n).fill(-1);
  const ends: { settles: number; fired: number }[] = [];
  let lastLookEnded = false;
  let firedAfterLook = -1;
  /** The timer of the look in progress or last made. */
  let lookTimer: Timer | null = null;
  /** How `grown` goes on: from the last look, or from the one before (taking the last one back). */
  let growFrom: 'last' | 'before' = 'last';

  // Steps are scanned from the first one not yet started. A step without `at` cannot start before
  // the one above it has finished, so after a step that cannot start the scan jumps to the next
  // step that has an `at` of its own: a long file costs a short scan.
  let firstUnstarted = 0;
  let nextTimed = timedAhead(steps);

  const arm = (): void => {
    if (armed) return;
    armed = true;
    labelStart((lookTimer = sim.at(sim.now, startDueSteps, true)));
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
      if (progress.started[i] || !mayStart(i)) continue;
      const s = steps.step(i);
      const name = s.client ?? (s.object === undefined ? s.do : `${s.do} ${s.object}`);
      if (!who.includes(name)) who.push(name);
    }
    return who;
  }

  /** Whether step i's turn has come (without side effects). */
  function mayStart(i: number): boolean {
    const { finished } = progress;
    const own = progress.previousOwn[i]!;
    if (own >= 0 && !finished[own]) return false;
    const at = steps.step(i).at;
    if (at === undefined) return i === 0 || finished[i - 1] === 1 || progress.queued[i - 1] === 1;
    return at <= sim.now;
  }

  function startDueSteps(): void {
    armed = false;
    if (initSettle < 0 && state.initDone) initSettle = ++settles;
    lookedToTheEnd(scan());
  }

  function lookedToTheEnd(ended: boolean): void {
    lastLookEnded = ended;
    if (ended) ends.push({ settles, fired: sim.fired });
    firedAfterLook = sim.fired;
  }

  /** One look down the file; whether it came to the end (where a step appended would be looked at). */
  function scan(): boolean {
    if (!state.initDone || state.fatal) return false;
    const { started, finished, queued } = progress; // none grows while the file is scanned
    while (firstUnstarted < n && started[firstUnstarted]) firstUnstarted++;
    let i = firstUnstarted;
    while (i < n && !state.fatal) {
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
    return i === n && !state.fatal;
  }

  /** Whether step i may start now; sets a timer for a step whose `at` is still ahead. */
  function canStart(i: number): boolean {
    if (mayStart(i)) return true;
    const at = steps.step(i).at;
    const own = progress.previousOwn[i]!;
    if (at !== undefined && at > sim.now && (own < 0 || progress.finished[own]) && !progress.atTimerSet[i]) {
      progress.atTimerSet[i] = 1;
      // Chosen ahead of its turn (hand-picked interleaving), it starts its steps there and then.
      labelStart(sim.at(at, () => (sim.outOfOrder ? startDueSteps() : arm())));
    }
    return false;
  }

  function settled(i: number, finished: boolean): void {
    settles++;
    if (dueFrom[i]! < 0) dueFrom[i] = settles;
    if (finished && finishedAt[i]! < 0) finishedAt[i] = settles;
    arm();
  }

  function dueHere(previousOwn: number): boolean {
    if (armed || state.fatal || sim.chooser || !lastLookEnded || sim.fired !== firedAfterLook) return false;
    const above = n === 0 ? initSettle : dueFrom[n - 1]!;
    const own = previousOwn < 0 ? 0 : finishedAt[previousOwn]!;
    if (above < 0 || own < 0) return false;
    const due = Math.max(above, own);
    const at = (k: number) => ends[ends.length - k];
    const settlesAt = (k: number) => at(k)?.settles ?? -1;
    // Due at the last look to the end, and not at the one before.
    if (due <= settlesAt(1) && due > settlesAt(2)) {
      growFrom = 'last';
      return true;
    }
    // Or due at the one before, the last being an idle look that its own end armed (a step that
    // ended at once): that look is taken back, and comes again after the step appended.
    const last = at(1)!;
    const before = at(2);
    if (
      before !== undefined &&
      lookTimer !== null &&
      last.fired === before.fired + 1 &&
      last.settles === before.settles &&
      due <= before.settles &&
      due > settlesAt(3)
    ) {
      growFrom = 'before';
      return true;
    }
    return false;
  }

  function grown(): void {
    n = steps.length;
    if (n > dueFrom.length) {
      const room = Math.max(8, 2 * n);
      dueFrom = widened(dueFrom, new Int32Array(room).fill(-1));
      finishedAt = widened(finishedAt, new Int32Array(room).fill(-1));
      nextTimed = widened(nextTimed, new Int32Array(room + 1).fill(NONE));
    }
    nextTimed[n] = NONE;
    if (steps.step(n - 1).at !== undefined) throw new Error('a step with its own time is not appended');
    // The look the step was due at goes on to it, as it would have with the step in the file.
    ends.pop();
    if (growFrom === 'before') {
      ends.pop();
      sim.unfire(lookTimer!);
      armed = true;
    }
    lookedToTheEnd(scan());
  }

  return { arm, settled, dueHere, grown };
}
