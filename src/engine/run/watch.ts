/**
 * What the run notes from the event stream as it goes: who waits in line and for how long, which
 * step lent each object to each client, and which step each of the monitor's warnings belongs to.
 */
import type { WarningKind } from '../types';
import type { Scheduler } from './schedule';
import { stepOf, type RunState } from './state';

export interface Watch {
  /** Warnings that belong to no step: found during start-up, or once everything had finished. */
  readonly looseWarnings: readonly WarningKind[];
  /** Nothing is left to happen: an acquire still in the queue waits for ever (`pending`). */
  endWaits(noteState: (i: number) => void): void;
  /** Whether `endWaits` would change anything: a step is still in the queue. */
  waitsLeft(): boolean;
}

export function watchEvents(state: RunState, scheduler: Scheduler): Watch {
  const { rt, reports, progress } = state;
  /** The step whose acquire a client is queued in. */
  const inQueue = new Map<string, number>();
  /**
   * The step that last lent each object to each client, for leak warnings: by object id (0: none),
   * a short list of (client, step) — most objects are only ever lent to a few readers.
   */
  const lentBy: { client: string | null; step: number }[][] = [];
  const lentStep = (client: string | null, object: number | null): number | undefined => {
    for (const loan of lentBy[object ?? 0] ?? NO_LOANS) if (loan.client === client) return loan.step;
    return undefined;
  };
  const looseWarnings: WarningKind[] = [];

  rt.listeners.push((e, client, object) => {
    if (e.type === 'object.acquired' && rt.sim.current) {
      const i = stepOf(state, rt.sim.current);
      if (i !== undefined) {
        const loans = (lentBy[object ?? 0] ??= []);
        let k = 0;
        while (k < loans.length && loans[k]!.client !== client) k++;
        if (k < loans.length) loans[k]!.step = i;
        else loans.push({ client, step: i });
      }
    }
    if (e.type === 'acquire.queued') joinedQueue();
    else if (e.type === 'object.handedoff') leftQueue(e.to);
    else if ((e.type === 'acquire.timedout' || e.type === 'acquire.rejected') && client !== null) leftQueue(client);
    if (e.type !== 'monitor.warned') return;
    const current = stepOf(state, rt.sim.current);
    // A reader still waiting at the end: the warning belongs to the step that waits.
    const waiter = e.warning === 'waiting-forever' && client !== null ? inQueue.get(client) : undefined;
    // A suspected leak belongs to the step that borrowed the object.
    const borrower = e.warning === 'leak-suspected' ? lentStep(client, object) : undefined;
    const index = waiter ?? borrower ?? (state.finishing ? -1 : (current ?? state.lastStarted));
    if (index >= 0) {
      reports.warn(index, e.warning);
      state.warned.push(index);
    } else looseWarnings.push(e.warning);
  });

  function joinedQueue(): void {
    const i = stepOf(state, rt.sim.current);
    const step = i === undefined ? undefined : reports.step(i);
    if (i === undefined || step?.client === undefined) return;
    inQueue.set(step.client, i);
    progress.queuedSince.set(i, rt.sim.now);
    if (!progress.waitedMs.has(i)) progress.waitedMs.set(i, 0);
    if (step.do === 'acquire' && !progress.queued[i]) {
      progress.queued[i] = 1;
      scheduler.settled(i, false);
    }
  }

  function leftQueue(client: string): void {
    const i = inQueue.get(client);
    if (i === undefined) return;
    inQueue.delete(client);
    waited(i);
    progress.queuedSince.delete(i);
  }

  /** Step i's time in the queue so far counted in, up to now; its total. */
  function waited(i: number): number {
    const total = (progress.waitedMs.get(i) ?? 0) + rt.sim.now - (progress.queuedSince.get(i) ?? rt.sim.now);
    progress.waitedMs.set(i, total);
    return total;
  }

  return {
    looseWarnings,
    waitsLeft() {
      for (const [, i] of inQueue) if (!progress.finished[i]) return true;
      return false;
    },
    endWaits(noteState) {
      for (const [, i] of inQueue) {
        if (progress.finished[i]) continue;
        reports.outcome[i] = { ...withWait(waited(i), reports.outcome[i]!), pending: true };
        progress.queuedSince.set(i, rt.sim.now);
        noteState(i);
      }
    },
  };
}

const NO_LOANS: readonly { client: string | null; step: number }[] = [];

/** An acquire that waited says for how long (virtual ms in the queue). */
export function withWait<T extends object>(waited: number | null, outcome: T): T | (T & { waited: number }) {
  return waited === null ? outcome : { ...outcome, waited };
}
