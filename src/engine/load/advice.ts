/**
 * One recommendation from three answers to three questions:
 * - the demand's: the smallest pool that meets the callers' target (the formulas, sizing.ts);
 * - HikariCP's rule of thumb, cores × 2 + effective spindles: how many connections the *database
 *   server* can work on at once — past it, more connections only queue inside the server;
 * - HikariCP's deadlock minimum, threads × (connections per thread − 1) + 1: below it, threads that
 *   each need several connections at once can all hold one and wait for ever on the next.
 * The deadlock minimum is a floor that nothing overrides (a deadlocked pool serves nobody); the
 * server’s rule is a ceiling that the demand may not push through, because the queue would only
 * move into the database, where it is slower and nobody sees it.
 */
import { offeredLoad } from './queueing';
import { ADVISOR_MAX_POOL, predicted, type Target } from './sizing';
import { fmt } from './spec';

export type RecommendationCase =
  /** The demand's answer fits under the server’s rule and above the deadlock minimum. */
  | 'demand'
  /** The deadlock minimum is above the demand's answer, and fits under the server’s rule. */
  | 'deadlock'
  /** The demand needs more than the server’s rule: use the server’s rule, callers wait in the pool. */
  | 'server'
  /** As 'server', but the load exceeds what the server’s rule can serve at all. */
  | 'server-overloaded'
  /** The deadlock minimum is above the server’s rule. */
  | 'deadlock-over-server';

export interface RecommendationInput {
  readonly arrivalsPerSecond: number;
  readonly holdMs: number;
  readonly target: Target;
  /** The demand's answer, or null when no pool up to the advisor's limit meets the target. */
  readonly demand: number | null;
  readonly serverRule: number;
  readonly deadlockMinimum: number;
}

export interface Recommendation {
  readonly size: number;
  readonly case: RecommendationCase;
  /**
   * What the formula predicts for the target's figure at `size` (share or ms; Infinity: cannot keep
   * up), or null past the server’s rule, where holds would stretch and the formula no longer speaks.
   */
  readonly predicted: number | null;
  /** Whether `size` meets the target by the formula (null when `predicted` is). */
  readonly meetsTarget: boolean | null;
  /** Why, in sentences for the page. */
  readonly reasons: readonly string[];
}

const n = (c: number) => `${c} connection${c === 1 ? '' : 's'}`;

/** The recommendation (see the file's comment for the rules). */
export function recommend(input: RecommendationInput): Recommendation {
  const { arrivalsPerSecond: rate, holdMs, target, serverRule: server, deadlockMinimum: floor } = input;
  const demand = input.demand ?? Number.POSITIVE_INFINITY;
  const demandText =
    input.demand === null
      ? `No pool up to ${String(ADVISOR_MAX_POOL).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} connections meets the target`
      : `To meet the target the demand needs ${n(input.demand)}`;
  const finish = (size: number, kind: RecommendationCase, reasons: string[]): Recommendation => {
    const figure = size <= server ? predicted(target.kind, rate, holdMs, size) : null;
    return {
      size,
      case: kind,
      predicted: figure,
      meetsTarget: figure === null ? null : figure <= target.value,
      reasons,
    };
  };
  const need = Math.max(demand, floor);
  if (need <= server) {
    if (demand >= floor)
      return finish(demand, 'demand', [
        `${demandText}. That is at or above the deadlock minimum (${floor}) and within what the server can work on at once (${server}).`,
      ]);
    return finish(floor, 'deadlock', [
      `${demandText}, but the threads can deadlock with fewer than ${floor}: each holds one connection and waits for its next, and no one finishes.`,
      `${floor} is still within what the server can work on at once (${server}).`,
    ]);
  }
  if (floor > server) {
    return finish(floor, 'deadlock-over-server', [
      `The deadlock minimum (${floor}) is above the server’s rule (${server}). Below ${floor} the threads can deadlock, which is worse than a busy database, so use ${floor}; the connections past ${server} will queue inside the database.`,
      ...(demand > floor ? [`${demandText}; more than ${floor} would only lengthen that queue in the database.`] : []),
      'Better: let each thread hold fewer connections at once (with one each the minimum is 1), or run fewer threads at once.',
    ]);
  }
  const a = offeredLoad(rate, holdMs);
  const reasons = [
    `${demandText}, but the server does its best work on about ${server} at once (cores × 2 + spindles).`,
    `A pool of ${input.demand ?? 'that size'} would only move the queue into the database: its cores would share more statements at once, every hold would get longer, and callers would wait anyway — inside the server, where the pool cannot see it or time it out.`,
  ];
  if (a >= server && target.kind !== 'refused') {
    return finish(server, 'server-overloaded', [
      ...reasons,
      `The load keeps ${fmt(a)} connections busy on average, more than ${server}: no pool size fixes that. Make the holds shorter (faster queries), give the database more capacity, or take less load; meanwhile use ${server} with an acquire timeout, so callers fail fast instead of piling up.`,
    ]);
  }
  return finish(server, 'server', [
    ...reasons,
    `So use ${server}, and let callers wait in the pool, where they are counted and can time out.`,
  ]);
}
