/**
 * Numbers typed into a form (the level's sizes, the load lab's fields): one schema per field, the
 * same rules everywhere. A number is written in decimal (`2.5`, `1e6` where a fraction may be
 * given); a whole number in digits only, so `0x10`, `1e1` or `10.0` is refused with the digits to
 * type instead. A value out of range is named first, since that is what needs changing.
 */
import * as v from 'valibot';

/** Decimal notation, as people write numbers: no hex, octal, binary, Infinity or empty text. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DIGITS = /^[+-]?\d+$/;

export interface FieldLimits {
  readonly min: number;
  readonly max: number;
  /** A whole number, written in digits. */
  readonly whole?: boolean;
  /** Above `min` rather than at least `min`. */
  readonly above?: boolean;
}

/** What a field says for each fault. */
export interface FieldWords {
  readonly empty: string;
  readonly notNumber: (text: string) => string;
  readonly notWhole: string;
  readonly tooSmall: (value: number) => string;
  readonly tooBig: (value: number) => string;
  readonly notDigits: (text: string, value: number) => string;
}

interface Written {
  readonly text: string;
  readonly value: number;
}

/** The schema of one number field: text in, the number out, or the field's sentence for what is wrong. */
export function numberField(limits: FieldLimits, words: FieldWords): v.GenericSchema<string, number> {
  const { min, max, whole = false, above = false } = limits;
  return v.pipe(
    v.string(),
    v.trim(),
    v.nonEmpty(words.empty),
    v.regex(DECIMAL, (i) => words.notNumber(String(i.input))),
    v.transform((text): Written => ({ text, value: Number(text) })),
    v.check(
      (w: Written) => Number.isFinite(w.value),
      (i) => words.notNumber((i.input as Written).text),
    ),
    v.check((w: Written) => !whole || Number.isInteger(w.value), words.notWhole),
    v.check(
      (w: Written) => (above ? w.value > min : w.value >= min),
      (i) => words.tooSmall((i.input as Written).value),
    ),
    v.check(
      (w: Written) => w.value <= max,
      (i) => words.tooBig((i.input as Written).value),
    ),
    v.check(
      (w: Written) => !whole || DIGITS.test(w.text),
      (i) => words.notDigits((i.input as Written).text, (i.input as Written).value),
    ),
    v.transform((w: Written) => w.value),
  );
}

/** The number a field holds, or the sentence that says what is wrong with it. */
export function readField(schema: v.GenericSchema<string, number>, text: string): number | string {
  const r = v.safeParse(schema, text, { abortEarly: true });
  return r.success ? r.output : r.issues[0].message;
}
