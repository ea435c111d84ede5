/**
 * The scenario contract's output: what `npm run simulate` prints for one file. Kept in the engine
 * so that tests, the CLI and the lab's "export" all produce the very same thing.
 */
import { EngineFailure, ScenarioError } from '../core';
import { runLoad, type LoadOutput } from '../load/run';
import { parseScenarioText } from '../scenario';
import { nameOf, oneLine } from '../scenario/quote';
import { estimateScenario, workProblem } from '../work';
import type { Step, StepOutcome, WarningKind } from '../types';
import { runScenario, type RunResult } from './run';

interface StepLine extends StepOutcome {
  do: Step['do'];
  client?: string;
  available: readonly number[];
  inUse?: number | null;
  /** Production level: queued acquires, and objects created and not yet closed, when the step finished. */
  waiting?: number;
  open?: number;
  warnings: readonly WarningKind[];
  /** Virtual ms when the step started and finished (extra fields). */
  t: number | null;
  end: number | null;
}

export interface ScenarioOutput {
  level: string;
  seed: number;
  steps: StepLine[];
  /** Warnings found at start-up or when everything had finished. */
  warnings: readonly WarningKind[];
  created: number;
  time: number;
}

/** A load run's line: the figures, theory beside them (see the load runs). */
interface LoadLine {
  level: string;
  seed: number;
  load: Omit<LoadOutput, 'histogram'>;
}

export type SimulateResult = { ok: true; output: unknown } | { ok: false; message: string };

export function reportOf(result: RunResult): ScenarioOutput {
  const counter = result.final.pool.inUse !== null;
  const steps = result.steps.map((r): StepLine => {
    const line = { do: r.step.do } as StepLine;
    if (r.step.client !== undefined) line.client = r.step.client;
    if (r.step.object !== undefined) line.object = r.step.object;
    Object.assign(line, r.outcome, { available: r.available, warnings: r.warnings, t: r.startedAt, end: r.endedAt });
    if (counter) line.inUse = r.inUse;
    if (r.waiting !== null) {
      line.waiting = r.waiting;
      line.open = r.open;
    }
    return line;
  });
  return {
    level: result.scenario.level,
    seed: result.scenario.seed,
    steps,
    warnings: result.warnings,
    created: result.final.pool.created,
    time: result.time,
  };
}

/**
 * "step 3 (release by B): …" — the step named as the file wrote it, even if it did not parse; what
 * the file wrote is shown as it is only when it is a plain short name, JSON-quoted and clipped
 * otherwise (see quote.ts).
 */
function describeError(error: { message: string; stepIndex: number | null }, steps: readonly unknown[] | null): string {
  if (error.stepIndex === null) return error.message;
  const step = steps?.[error.stepIndex] as Partial<Record<keyof Step, unknown>> | undefined;
  const kind = typeof step?.do === 'string' ? ` (${nameOf(step.do, 12)}` : null;
  const by = typeof step?.client === 'string' ? ` by ${nameOf(step.client)}` : '';
  const what = kind ? `${kind}${by})` : '';
  return `step ${error.stepIndex + 1}${what}: ${error.message}`;
}

/** A file's `choices` must each meet a moment of its run: more picks than moments is a mistake in the file. */
function tooManyChoices(picks: number, moments: number): string {
  const has =
    moments === 0
      ? 'no moment where two readers could go on at once'
      : `only ${moments} ${moments === 1 ? 'moment' : 'moments'} where several readers could go on`;
  return `"choices" has ${picks} ${picks === 1 ? 'pick' : 'picks'}, but this run has ${has}`;
}

/** An error nobody meant: a bug in Pool Lab, said as such (and the step it happened in). */
function describeFailure(error: unknown, steps: readonly unknown[] | null): string {
  const failure = error instanceof EngineFailure ? error : new EngineFailure(error, null);
  const message = `Pool Lab failed while running this file (${failure.message}); this is a bug in Pool Lab, not in the file`;
  return describeError({ message, stepIndex: failure.stepIndex }, steps);
}

/** Parse, run and report one scenario file's text; anything wrong becomes a message, never a throw. */
export function simulateText(text: string): SimulateResult {
  let steps: readonly unknown[] | null = null;
  try {
    const raw: unknown = (() => {
      try {
        return JSON.parse(text);
      } catch {
        return null;
      }
    })();
    if (raw && typeof raw === 'object' && Array.isArray((raw as { steps?: unknown }).steps))
      steps = (raw as { steps: unknown[] }).steps;
    const parsed = parseScenarioText(text);
    if (parsed.load !== undefined) {
      const { level, options, seed } = parsed.scenario;
      const { histogram: _histogram, ...load } = runLoad({ level: 'production', options, seed, load: parsed.load });
      return { ok: true, output: { level, seed, load } satisfies LoadLine };
    }
    const heavy = workProblem(estimateScenario(parsed.scenario), {
      count: parsed.scenario.steps.length,
      name: 'the number of steps',
    });
    if (heavy !== null) return failed(heavy);
    const result = runScenario(parsed.scenario, { record: false });
    if (result.error) return failed(describeError(result.error, steps));
    const picks = parsed.scenario.choices?.length ?? 0;
    if (picks > result.choicePoints.length) return failed(tooManyChoices(picks, result.choicePoints.length));
    return { ok: true, output: reportOf(result) };
  } catch (error) {
    // Every file stands alone: whatever happens inside one becomes its one line, never a throw.
    return failed(error instanceof ScenarioError ? describeError(error, steps) : describeFailure(error, steps));
  }
}

/** A file's one line of trouble, safe to print (one line, no control characters, clipped). */
const failed = (message: string): SimulateResult => ({ ok: false, message: oneLine(message) });
