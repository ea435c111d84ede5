/**
 * Which closed form describes a load run, and how far the run is from the system it describes:
 * Erlang B when the pool refuses at once (any hold distribution), Erlang C when callers wait for
 * ever with exponential holds, M/M/c+D when they give up after acquireTimeout. Anything else that
 * moves a run off its formula — costs, a pool not pre-filled, objects that retire — becomes a note.
 */
import {
  erlangB,
  impatientSystem,
  lossSystem,
  offeredLoad,
  waitingSystem,
  type LoadFigures,
  type TheoryFigures,
} from './queueing';
import { fmt, pct, loadOptions, type LoadScenario } from './spec';

export interface LoadTheory extends LoadFigures {
  /**
   * Which closed form: "erlang-b" (M/G/c/c, refuse at once), "erlang-c" (M/M/c, wait forever) or
   * "mmc-patience" (M/M/c+D, wait up to acquireTimeout then give up).
   */
  readonly formula: TheoryFigures['formula'];
  /** Expected number served out of the run's arrivals. */
  readonly served: number;
  /** Offered load a = λ·h, in Erlangs. */
  readonly offeredLoad: number;
  /** True when the run is the system the formula describes; otherwise see `notes`. */
  readonly textbook: boolean;
}

export interface TheoryVerdict {
  readonly theory: LoadTheory | null;
  /** Why the run is not the textbook system, or why no formula applies: lessons, not errors. */
  readonly notes: readonly string[];
}

/** Which closed form fits this load, and how far the run is from the system it describes. */
export function theoryFor(scenario: LoadScenario): TheoryVerdict {
  const { load, options } = scenario;
  const o = loadOptions(options);
  const notes: string[] = [];
  const fixes = o.fixes;
  if (!fixes.maxSize)
    notes.push(
      'The maxSize fix is off: the pool never refuses, it creates without bound — no queueing formula describes it.',
    );
  if (o.minSize < o.maxSize) {
    notes.push(
      `The pool starts with ${o.minSize} of ${o.maxSize} objects and creates the rest on demand (${o.costs.createMs[0]}–${o.costs.createMs[1]} ms each): ` +
        'early callers wait for creation instead of finding the shelf ready. The textbook pool is pre-filled (minSize = maxSize).',
    );
  }
  const away: string[] = [];
  if (o.costs.reuseMs > 0) away.push(`handing over ${fmt(o.costs.reuseMs)} ms`);
  if (o.costs.validateMs > 0 && fixes.validate) away.push(`validating ${fmt(o.costs.validateMs)} ms`);
  if (o.costs.resetMs > 0 && fixes.reset) away.push(`resetting ${fmt(o.costs.resetMs)} ms per statement`);
  if (away.length > 0) {
    notes.push(
      `Costs keep each object away from the shelf longer than the caller holds it (${away.join(', ')}): the pool behaves as if holds were longer, ` +
        'so more callers are refused or wait than the formula says. Set reuseMs, validateMs and resetMs to 0 for the textbook system.',
    );
  }
  if (options.idleTimeout != null || options.maxLifetime != null) {
    notes.push(
      'Objects retire (idleTimeout / maxLifetime) and must be re-created: the textbook pool keeps its objects forever.',
    );
  }
  const textbook = notes.length === 0;
  const c = o.maxSize;
  if (!fixes.maxSize) return { theory: null, notes };
  let figures: TheoryFigures | null = null;
  if (o.acquireTimeout === 0) {
    figures = lossSystem(load.arrivalsPerSecond, load.holdMs, c);
    if (load.hold === 'fixed')
      notes.push(
        'Holds are fixed, not exponential: Erlang B still applies — the refusal rate depends only on the mean hold (insensitivity).',
      );
  } else if (o.acquireTimeout === null) {
    if (load.hold === 'exponential') figures = waitingSystem(load.arrivalsPerSecond, load.holdMs, c);
    else
      notes.push(
        'Fixed holds with waiting callers form M/D/c, which has no simple closed form; Erlang C (exponential holds) would overstate the waits.',
      );
  } else if (load.hold === 'exponential') {
    figures = impatientSystem(load.arrivalsPerSecond, load.holdMs, c, o.acquireTimeout);
    notes.push(
      `Callers wait up to ${fmt(o.acquireTimeout)} ms and then give up: the formula is M/M/c+D (a fixed patience), which lies between Erlang B (patience 0) and Erlang C (patience without end).`,
    );
  } else {
    const b = erlangB(offeredLoad(load.arrivalsPerSecond, load.holdMs), c);
    notes.push(
      `Callers wait up to ${fmt(o.acquireTimeout)} ms and then give up, and holds are fixed: no simple closed form applies. ` +
        `It lies between Erlang B (refuse at once: ${pct(b)} turned away) and a pool that waits forever.`,
    );
  }
  if (!figures) return { theory: null, notes };
  const theory: LoadTheory = {
    formula: figures.formula,
    served: load.arrivals * (1 - figures.refused),
    refused: figures.refused,
    timedOut: figures.timedOut,
    waited: figures.waited,
    meanWaitMs: figures.meanWaitMs,
    p95WaitMs: figures.p95WaitMs,
    p99WaitMs: figures.p99WaitMs,
    utilization: figures.utilization,
    offeredLoad: figures.offered,
    textbook,
  };
  return { theory, notes };
}
