/**
 * The level's options as the learner types them: text in, a checked `LevelOptions` or a message
 * per field out. The engine's `parseOptions` has the last word; this adds what a form needs
 * (empty fields, text that is not a number, which field a message belongs to) and a smaller cap,
 * because the stage draws every object.
 */
import { levelInfo } from '../engine';
import { ScenarioError } from '../engine';
import { parseOptions } from '../engine';
import type { LevelId, LevelOptions } from '../engine';
import { numberField, readField } from './fields';

/** The most objects a size option may ask for in the lab: the stage draws each one. */
export const MAX_DRAWN = 20;

export type SizeOption = 'size' | 'minSize' | 'maxSize';

export interface OptionField {
  readonly name: SizeOption;
  readonly label: string;
  readonly hint: string;
  readonly defaultValue: number;
}

const LABELS: Record<SizeOption, { label: string; hint: string }> = {
  size: { label: 'Made at start (size)', hint: 'Printed before the first reader comes.' },
  minSize: { label: 'Made at start (minSize)', hint: 'Printed before the first reader comes.' },
  maxSize: { label: 'Most allowed (maxSize)', hint: 'The pool refuses rather than make more.' },
};

/** The size options a level takes, with their defaults, in a stable order. */
export function optionFields(level: LevelId): OptionField[] {
  const info = levelInfo(level);
  if (!info) return [];
  const order: SizeOption[] = ['size', 'minSize', 'maxSize'];
  return order.flatMap((name) => {
    const spec = info.options[name];
    return spec?.kind === 'count' ? [{ name, ...LABELS[name], defaultValue: spec.default }] : [];
  });
}

export function defaultOptionText(level: LevelId): Record<string, string> {
  return Object.fromEntries(optionFields(level).map((f) => [f.name, String(f.defaultValue)]));
}

export interface CheckedOptions {
  /** The options to run with, or null while any field is wrong. */
  readonly options: LevelOptions | null;
  /** A message per field name; empty when all is well. */
  readonly errors: Readonly<Record<string, string>>;
}

/** A size as the learner types it: a whole number in digits, from `min` to MAX_DRAWN. */
function sizeField(min: number) {
  return numberField(
    { min, max: MAX_DRAWN, whole: true },
    {
      empty: 'Enter a whole number.',
      notNumber: (t) => `"${t}" is not a number; enter a whole number like 3.`,
      notWhole: 'Enter a whole number (no fractions).',
      tooSmall: (n) => (n < 0 ? 'It cannot be negative.' : `A pool needs room for at least ${min}.`),
      tooBig: (n) => `${n} is too many to draw; the lab allows up to ${MAX_DRAWN}.`,
      notDigits: (t, n) => `Write it in digits, like ${n} (not "${t}").`,
    },
  );
}

/** One schema per lowest size a level's spec allows (the registry's `min`: 0, or 1 for maxSize). */
const SIZE_FIELDS = new Map<number, ReturnType<typeof sizeField>>();
function sizeFieldFrom(level: LevelId, name: SizeOption) {
  const spec = levelInfo(level)?.options[name];
  const min = spec?.kind === 'count' ? spec.min : 0;
  let schema = SIZE_FIELDS.get(min);
  if (!schema) SIZE_FIELDS.set(min, (schema = sizeField(min)));
  return schema;
}

/**
 * Check the form. `edited` names the field the learner just changed: a message that concerns two
 * fields at once (minSize above maxSize) is shown beside that one.
 */
export function checkOptions(level: LevelId, text: Readonly<Record<string, string>>, edited?: string): CheckedOptions {
  const fields = optionFields(level);
  const errors: Record<string, string> = {};
  const values: Record<string, number> = {};
  for (const f of fields) {
    const read = readField(sizeFieldFrom(level, f.name), text[f.name] ?? String(f.defaultValue));
    if (typeof read === 'string') errors[f.name] = read;
    else values[f.name] = read;
  }
  if (Object.keys(errors).length > 0) return { options: null, errors };
  try {
    return { options: parseOptions(level, values), errors: {} };
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    const named = fields.find((f) => e.message.includes(`options.${f.name}`));
    const target =
      edited && fields.some((f) => f.name === edited) ? edited : (named?.name ?? fields[0]?.name ?? 'options');
    return { options: null, errors: { [target]: plain(e.message) } };
  }
}

/** The engine speaks of `options.minSize`; the form shows the field's own name. */
function plain(message: string): string {
  const text = message.replace(/options\.(\w+)/g, '$1');
  return text.endsWith('.') ? text : `${text}.`;
}
