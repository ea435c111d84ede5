/**
 * What the production page draws beside the stage, derived from the timeline: the borrower ledger,
 * the line of waiting readers and those who gave up, and the difference between a run with a fix
 * off and the same run with it on. Pure functions of the events; the page only draws them.
 */
import type { PoolEvent, RunResult, StepOutcome, WarningKind, World } from '../engine';

/** One borrowed object in the ledger. */
export interface Loan {
  readonly object: number;
  readonly borrower: string;
  readonly since: number;
  /** The scenario step (0-based) whose acquire lent it, if known. */
  readonly step: number | null;
  /** The timeline index of the `object.acquired` event: where the ledger's jump lands. */
  readonly acquireIndex: number;
  /** The pool reported it as a suspected leak (borrowed longer than leakThreshold). */
  readonly suspected: boolean;
  /** The borrower crashed holding it: it will never come back. */
  readonly crashed: boolean;
}

/** Every object lent and not yet given back, at the cursor, oldest loan first. */
export function ledgerAt(events: readonly PoolEvent[], cursor: number): Loan[] {
  const loans = new Map<string, Loan>();
  const stepOf = new Map<string, number>();
  const key = (object: number, client: string) => `${object} ${client}`;
  const end = Math.min(cursor, events.length - 1);
  for (let i = 0; i <= end; i++) {
    const e = events[i]!;
    switch (e.type) {
      case 'step.started':
        if (e.client !== null) stepOf.set(e.client, e.index);
        break;
      case 'object.acquired':
        if (e.client !== null && e.object !== null) {
          loans.set(key(e.object, e.client), {
            object: e.object,
            borrower: e.client,
            since: e.t,
            step: stepOf.get(e.client) ?? null,
            acquireIndex: i,
            suspected: false,
            crashed: false,
          });
        }
        break;
      case 'leak.suspected':
        for (const [k, loan] of loans)
          if (loan.object === e.object && (e.client === null || loan.borrower === e.client))
            loans.set(k, { ...loan, suspected: true });
        break;
      case 'client.crashed':
        if (e.client !== null && e.object !== null) {
          const loan = loans.get(key(e.object, e.client));
          if (loan) loans.set(key(e.object, e.client), { ...loan, crashed: true });
        }
        break;
      case 'object.released':
      case 'block.exited':
        if (e.object === null) break;
        if (e.client !== null && loans.has(key(e.object, e.client))) loans.delete(key(e.object, e.client));
        else if (e.client === null) for (const [k, loan] of loans) if (loan.object === e.object) loans.delete(k);
        break;
      default:
        break;
    }
  }
  return [...loans.values()].sort((a, b) => a.acquireIndex - b.acquireIndex);
}

/** A reader in the line, first in line first, and the virtual time it began to wait. */
export interface Waiter {
  readonly name: string;
  readonly since: number;
}

/** The readers waiting in line in one world, at time `now`. */
export function waitingOf(world: World, now: number): Waiter[] {
  return world.pool.waiting.map((name) => ({
    name,
    since: world.clients.find((c) => c.name === name)?.waitingSince ?? now,
  }));
}

/** A reader who gave up waiting, up to the cursor. */
export interface GaveUp {
  readonly client: string;
  readonly t: number;
  readonly index: number;
  readonly message: string;
}

export function gaveUpAt(events: readonly PoolEvent[], cursor: number): GaveUp[] {
  const out: GaveUp[] = [];
  const end = Math.min(cursor, events.length - 1);
  for (let i = 0; i <= end; i++) {
    const e = events[i]!;
    if ((e.type === 'acquire.timedout' || e.type === 'acquire.rejected') && e.client !== null)
      out.push({ client: e.client, t: e.t, index: i, message: e.message });
  }
  return out;
}

/** What a run came to, for comparing two. */
export interface RunSummary {
  readonly warnings: readonly WarningKind[];
  readonly created: number;
  readonly open: number;
  readonly pending: number;
}

export function summaryOf(events: readonly PoolEvent[], outcomes: readonly StepOutcome[]): RunSummary {
  const warnings: WarningKind[] = [];
  for (const e of events) if (e.type === 'monitor.warned' && !warnings.includes(e.warning)) warnings.push(e.warning);
  const last = events.at(-1)?.world;
  return {
    warnings,
    created: last?.pool.created ?? 0,
    open: last?.pool.open ?? 0,
    pending: outcomes.filter((o) => o.pending).length,
  };
}

/** A step's outcome in a few words. */
function outcomeWords(o: StepOutcome): string {
  if (o.pending) return 'still waiting';
  if (o.error) return o.error === 'timeout' ? 'gave up (timeout)' : `error: ${o.error}`;
  if (o.sees !== undefined) return o.sees === null ? 'saw nothing (clean)' : `saw "${o.sees}"`;
  if (o.object !== undefined) return `${o.source === 'created' ? 'got a new' : 'got'} connection ${o.object}`;
  return 'done';
}

export interface StepDifference {
  readonly index: number;
  readonly off: string;
  readonly on: string;
}

/** The steps whose outcome differs between the two runs, in file order. */
export function stepDifferences(off: readonly StepOutcome[], on: readonly StepOutcome[]): StepDifference[] {
  const out: StepDifference[] = [];
  for (let i = 0; i < Math.min(off.length, on.length); i++) {
    const a = outcomeWords(off[i]!);
    const b = outcomeWords(on[i]!);
    if (a !== b) out.push({ index: i, off: a, on: b });
  }
  return out;
}

/** What switching a fix on changed in one scenario: the run with it off against the run with it on. */
export interface RunDifference {
  /** Warnings only the run with the fix off raised, in the order it first raised them. */
  readonly onlyOff: readonly WarningKind[];
  /** The steps whose outcome differs. */
  readonly steps: readonly StepDifference[];
  readonly off: RunSummary;
  readonly on: RunSummary;
}

export function differenceOf(offRun: RunResult, onRun: RunResult): RunDifference {
  const offOutcomes = offRun.steps.map((s) => s.outcome);
  const onOutcomes = onRun.steps.map((s) => s.outcome);
  const off = summaryOf(offRun.events, offOutcomes);
  const on = summaryOf(onRun.events, onOutcomes);
  return {
    onlyOff: off.warnings.filter((w) => !on.warnings.includes(w)),
    steps: stepDifferences(offOutcomes, onOutcomes),
    off,
    on,
  };
}
