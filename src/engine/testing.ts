/**
 * Helpers for the engine's tests (imported only by *.test.ts files and scripts).
 */
import { runScenario, type RunResult } from './run';
import { parseScenario } from './scenario';
import type { EventOf, EventType, WarningKind } from './types';

/** Parse and run a scenario given as plain JSON; throws if the file itself is malformed. */
export function play(json: unknown, record = true): RunResult {
  return runScenario(parseScenario(json).scenario, { record });
}

export function eventsOf<T extends EventType>(result: RunResult, type: T): EventOf<T>[] {
  return result.events.filter((e): e is EventOf<T> => e.type === type);
}

export function warningsOf(result: RunResult): WarningKind[] {
  return eventsOf(result, 'monitor.warned').map((e) => e.warning);
}

export function outcome(result: RunResult, step: number) {
  const report = result.steps[step];
  if (!report) throw new Error(`no step ${step}`);
  return report;
}
