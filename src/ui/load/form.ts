/**
 * The load form: text in, a checked load scenario (or a message per field) out. Field checks use
 * the same caps as scenario files; what only the whole load can tell (a pool that cannot keep up,
 * a queue too long to hold) comes from the engine's own check, so the page and the CLI agree. A load
 * too heavy to run (the engine's one work estimate, the same limit as files) is said by the
 * Arrivals field, with the estimate and how many arrivals would fit.
 */
import { LIMITS, LOAD_LIMITS, loadProblems, type LoadForm, type LoadScenario } from '../../store/load';
import { numberField as numberFieldSchema, readField } from '../../store/fields';
import { loadWork } from '../../store/loadWork';
import { count } from './format';

export type FieldName =
  'rate' | 'holdMs' | 'poolSize' | 'timeoutMs' | 'arrivals' | 'seed' | 'minSize' | 'reuseMs' | 'validateMs' | 'resetMs';

export interface FormCheck {
  readonly scenario: LoadScenario | null;
  readonly errors: Partial<Record<FieldName, string>>;
  /** Problems with the load as a whole (shown above the Run button). */
  readonly problems: readonly string[];
  /** Estimated real seconds, when the form is good (the engine's work estimate, at this machine's speed). */
  readonly estimate: number | null;
}

/** Runs longer than this say so before they start. */
export const LONG_RUN_SECONDS = 15;

/** A field of the form, checked by its schema (store/fields.ts): the same rules as the lab's other number fields. */
function numberField(
  text: string,
  label: string,
  opts: { min: number; max: number; whole?: boolean; above?: boolean; unit?: string },
): number | string {
  const unit = opts.unit ?? '';
  const schema = numberFieldSchema(opts, {
    empty: `Enter ${label}.`,
    notNumber: (t) => `${cap(label)} must be a number, not “${t}”.`,
    notWhole: `${cap(label)} must be a whole number.`,
    tooSmall: () => `${cap(label)} must be ${opts.above ? 'above' : 'at least'} ${opts.min}${unit}.`,
    tooBig: () => `${cap(label)} can be at most ${count(opts.max)}${unit}.`,
    notDigits: (t, n) => `Write ${label} in digits, like ${n} (not “${t}”).`,
  });
  return readField(schema, text);
}

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/**
 * `speed`: how much faster than the calibrated machine this one ran the last load (the estimate's
 * seconds per real second; see useLoadRunner), or nothing before the first run.
 */
export function checkForm(form: LoadForm, speed?: number): FormCheck {
  const errors: Partial<Record<FieldName, string>> = {};
  const take = (name: FieldName, result: number | string): number => {
    if (typeof result === 'string') {
      errors[name] = result;
      return Number.NaN;
    }
    return result;
  };
  const rate = take(
    'rate',
    numberField(form.rate, 'the arrival rate', {
      min: 0,
      max: LOAD_LIMITS.maxArrivalsPerSecond,
      above: true,
      unit: ' a second',
    }),
  );
  const holdMs = take(
    'holdMs',
    numberField(form.holdMs, 'the hold time', { min: 0, max: LOAD_LIMITS.maxHoldMs, above: true, unit: ' ms' }),
  );
  const maxSize = take(
    'poolSize',
    numberField(form.poolSize, 'the pool size', { min: 1, max: LIMITS.maxPoolSize, whole: true }),
  );
  const arrivals = take(
    'arrivals',
    numberField(form.arrivals, 'the number of arrivals', { min: 1, max: LOAD_LIMITS.maxArrivals, whole: true }),
  );
  const seed = take('seed', numberField(form.seed, 'the seed', { min: 0, max: LIMITS.maxSeed, whole: true }));
  let acquireTimeout: number | null = form.mode === 'refuse' ? 0 : null;
  if (form.mode === 'timeout')
    acquireTimeout = take(
      'timeoutMs',
      numberField(form.timeoutMs, 'the acquire timeout', { min: 0, max: LIMITS.maxTimeMs, above: true, unit: ' ms' }),
    );
  let options: LoadScenario['options'];
  if (form.textbook) {
    options = { maxSize, minSize: maxSize, acquireTimeout, costs: { reuseMs: 0, validateMs: 0, resetMs: 0 } };
  } else {
    const minSize = take(
      'minSize',
      numberField(form.minSize, 'the pre-filled size', { min: 0, max: LIMITS.maxPoolSize, whole: true }),
    );
    if (!errors.minSize && !errors.poolSize && minSize > maxSize)
      errors.minSize = `The pre-filled size cannot be above the pool size (${maxSize}).`;
    const cost = (name: 'reuseMs' | 'validateMs' | 'resetMs', label: string) =>
      take(name, numberField(form[name], label, { min: 0, max: LIMITS.maxCostMs, unit: ' ms' }));
    const costs = {
      reuseMs: cost('reuseMs', 'the hand-over time'),
      validateMs: cost('validateMs', 'the validation time'),
      resetMs: cost('resetMs', 'the reset time'),
    };
    options = { maxSize, minSize, acquireTimeout, costs };
  }
  if (Object.keys(errors).length > 0) return { scenario: null, errors, problems: [], estimate: null };
  const scenario: LoadScenario = {
    level: 'production',
    options,
    seed,
    load: { arrivalsPerSecond: rate, holdMs, hold: form.hold, arrivals },
  };
  const work = loadWork(scenario);
  // The engine's check includes the work limit; that one is said by the field to lower.
  const problems = loadProblems(scenario).filter((p) => p !== work.problem);
  if (work.problem !== null && problems.length === 0) errors.arrivals = work.problem;
  if (problems.length > 0 || work.problem !== null) return { scenario: null, errors, problems, estimate: null };
  return { scenario, errors, problems, estimate: work.seconds / (speed ?? 1) };
}
