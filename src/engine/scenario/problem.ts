/**
 * From a schema's verdict to the engine's one plain sentence: the first problem found, and the
 * step it is in (the CLI then names the step as the file wrote it).
 */
import * as v from 'valibot';
import { ScenarioError } from '../core';

/** Check `input` against `schema`; the first problem becomes a ScenarioError. */
export function check<T>(schema: v.GenericSchema<unknown, T>, input: unknown, stepIndex: number | null = null): T {
  const result = v.safeParse(schema, input, { abortEarly: true });
  if (result.success) return result.output;
  const issue = result.issues[0];
  throw new ScenarioError(issue.message, stepIndex ?? stepOf(issue));
}

/** The index of the step an issue is in (`steps[i]…`), or null. */
function stepOf(issue: v.BaseIssue<unknown>): number | null {
  const [first, second] = issue.path ?? [];
  if (first?.key !== 'steps' || second?.type !== 'array') return null;
  return second.key as number;
}
