/**
 * The building blocks of the scenario schemas (valibot): numbers, times, names and objects, each
 * with the plain sentence a person reads when the value is wrong. Every message names the field
 * as the file writes it (`options.maxSize`, `"at"`), says what is wrong and what would be right.
 */
import * as v from 'valibot';
import { describe, isObject } from './json';

type Issue = v.BaseIssue<unknown>;

/**
 * `true` when A and B are one type: each fits the other, with the same fields. The engine's vocabulary (types.ts) declares what a file holds,
 * so that the files below the file format need not import it; the schemas here prove, at compile
 * time, that what they read is exactly that type: `Expect<Same<Step, InferOutput<…>>>`.
 */
export type Same<A, B> = [A, keyof A] extends [B, keyof B] ? ([B, keyof B] extends [A, keyof A] ? true : false) : false;
export type Expect<T extends true> = T;

/** The key an object-level issue is about: a field that is missing, or one that is not allowed. */
export const keyOf = (issue: Issue): string => String(issue.path?.at(-1)?.key ?? '');

/**
 * A whole number from `min` to `max`. `allows` words the cap: "allows" (files) or "runs" (loads);
 * `why` (if any) says why the cap is where it is.
 */
export function whole(what: string, min: number, max: number, allows = 'allows', why = '') {
  const notWhole = (i: Issue) => `${what} must be a whole number, not ${describe(i.input)}`;
  return v.pipe(
    v.number(notWhole),
    v.integer(notWhole),
    v.minValue(min, (i) => `${what} must be at least ${min}, not ${String(i.input)}`),
    v.maxValue(max, (i) => `${what} is ${String(i.input)}; the most the lab ${allows} is ${max}${why}`),
  );
}

/** A time in virtual ms from 0 to `max`. */
export function duration(what: string, max: number) {
  const notMs = (i: Issue) => `${what} must be a number of virtual ms, not ${describe(i.input)}`;
  return v.pipe(
    v.number(notMs),
    v.finite(notMs),
    v.minValue(0, (i) => `${what} cannot be negative (${String(i.input)})`),
    v.maxValue(max, (i) => `${what} is ${String(i.input)} ms; the most the lab allows is ${max}`),
  );
}

/** A number above 0 and at most `max` (`unit` follows each number in a message, e.g. " ms"). */
export function positive(what: string, max: number, unit: string) {
  const notNumber = (i: Issue) => `${what} must be a number, not ${describe(i.input)}`;
  return v.pipe(
    v.number(notNumber),
    v.finite(notNumber),
    v.gtValue(0, (i) => `${what} must be above 0, not ${String(i.input)}`),
    v.maxValue(max, (i) => `${what} is ${String(i.input)}${unit}; the most the lab runs is ${max}${unit}`),
  );
}

export const bool = (what: string) => v.boolean((i) => `${what} must be true or false, not ${describe(i.input)}`);

export interface ObjectWords {
  /** The sentence for a value that is not an object at all (given how the value reads). */
  readonly notObject: (input: string) => string;
  /** The sentence for a field the object does not take. */
  readonly unknown: (key: string) => string;
  /** The sentence for a required field that is missing (objects with required fields only). */
  readonly missing?: (key: string) => string;
}

/** The message of a strict object: a field it does not take, or one it needs. */
export const objectMessage =
  (words: ObjectWords) =>
  (issue: Issue): string =>
    issue.expected === 'never'
      ? words.unknown(keyOf(issue))
      : issue.path
        ? (words.missing?.(keyOf(issue)) ?? `needs "${keyOf(issue)}"`)
        : words.notObject(describe(issue.input));

/**
 * A JSON object with exactly these fields. Valibot's objects take a list for an object with no
 * fields; a file's list is never its object, so a list is refused first.
 */
export function record<E extends v.ObjectEntries>(entries: E, words: ObjectWords) {
  return v.pipe(
    v.unknown(),
    v.check(isObject, (i) => words.notObject(describe(i.input))),
    v.strictObject(entries, objectMessage(words)),
  );
}

/**
 * A rule across fields that valibot checks after the fields themselves, with its JSON Schema
 * twin (`json`, merged into the generated schema) so an editor knows it too. Its actions take any
 * input so that they fit the pipe of whichever object they follow; `holds` says what it reads.
 */
export function rule<T>(holds: (value: T) => boolean, message: (value: T) => string, json: Record<string, unknown>) {
  return [
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- fits any object's pipe (see above)
    v.check<any, (i: Issue) => string>(holds, (i) => message(i.input as T)),
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the same
    v.metadata<any, Record<string, unknown>>(json),
  ] as const;
}
