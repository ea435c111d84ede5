/**
 * A scenario's `options`: a schema per level, built from the level's own option specs in the
 * registry (their defaults and limits live there), and `costs`, which every level takes.
 */
import * as v from 'valibot';
import { LEVELS, type OptionName, type OptionSpec, type OptionSpecs, type TimeOption } from '../levels';
import { FIX_NAMES, LEVEL_IDS, type LevelId, type LevelOptions } from '../types';
import { describe } from './json';
import { quote } from './quote';
import { bool, duration, record, rule, whole, type Expect, type Same } from './fields';
import { LIMITS } from './limits';

const ms = (what: string) =>
  v.pipe(
    duration(what, LIMITS.maxCostMs),
    v.integer(() => `${what} must be whole numbers of ms`),
  );

/** Creation takes a whole number of ms drawn from [min, max]; one number means [n, n]. */
const CREATE_MS = v.pipe(
  v.union(
    [ms('options.costs.createMs'), v.strictTuple([ms('options.costs.createMs'), ms('options.costs.createMs')])],
    (i) => {
      // A number, or a pair, with something wrong inside: say what (the option of its shape found it).
      const pair = Array.isArray(i.input) && i.input.length === 2;
      const inner = i.issues?.find((s) => (pair ? s.path !== undefined : s.path === undefined));
      if (inner && (pair || typeof i.input === 'number')) return inner.message;
      return `options.costs.createMs must be a number or a pair [min, max], not ${describe(i.input)}`;
    },
  ),
  v.transform((x): readonly [number, number] => (typeof x === 'number' ? [x, x] : x)),
  v.check(
    ([lo, hi]) => lo <= hi,
    (i) => {
      const [lo, hi] = i.input as [number, number];
      return `options.costs.createMs: the minimum ${lo} is above the maximum ${hi}`;
    },
  ),
  v.description('Creating an object: virtual ms, a whole number drawn from [min, max] (one number: always that).'),
);

export const COSTS = v.pipe(
  record(
    {
      createMs: v.exactOptional(CREATE_MS),
      reuseMs: v.exactOptional(
        v.pipe(duration('options.costs.reuseMs', LIMITS.maxCostMs), v.description('Handing over a shelved object.')),
      ),
      validateMs: v.exactOptional(
        v.pipe(duration('options.costs.validateMs', LIMITS.maxCostMs), v.description('SELECT 1, the validation.')),
      ),
      resetMs: v.exactOptional(
        v.pipe(
          duration('options.costs.resetMs', LIMITS.maxCostMs),
          v.description('A plain reset, and each of ROLLBACK, DISCARD ALL and COMMIT.'),
        ),
      ),
      useMs: v.exactOptional(
        v.pipe(
          duration('options.costs.useMs', LIMITS.maxCostMs),
          v.description('A reader using what it holds: each use and read step (0 by default).'),
        ),
      ),
    },
    {
      notObject: (x) => `options.costs must be an object, not ${x}`,
      unknown: (k) => `options.costs has no ${quote(k)} (it takes createMs, reuseMs, validateMs, resetMs, useMs)`,
    },
  ),
  v.description('Virtual ms of the slow work; any left out keeps its default.'),
);

const FIXES = record(
  Object.fromEntries(FIX_NAMES.map((f) => [f, v.exactOptional(bool(`options.fixes.${f}`))])) as {
    [F in (typeof FIX_NAMES)[number]]: v.ExactOptionalSchema<ReturnType<typeof bool>, undefined>;
  },
  {
    notObject: (x) => `options.fixes must be an object of true/false, not ${x}`,
    unknown: (k) => `options.fixes has no ${quote(k)} (it takes ${FIX_NAMES.join(', ')})`,
  },
);

function timeOption(what: string, spec: TimeOption) {
  const ms = duration(what, spec.max);
  return v.nullable(
    spec.zero
      ? ms
      : v.pipe(
          ms,
          v.gtValue(0, () => `${what} must be above 0, or null for off`),
        ),
  );
}

/** One option's schema, from its spec: its limits are the registry's. */
function optionSchema(name: string, spec: OptionSpec): v.GenericSchema {
  const what = `options.${name}`;
  const schema =
    spec.kind === 'count' ? whole(what, spec.min, spec.max) : spec.kind === 'time' ? timeOption(what, spec) : FIXES;
  const about =
    spec.kind === 'count'
      ? `A whole number from ${spec.min} to ${spec.max}. Default ${spec.default}.`
      : spec.kind === 'time'
        ? `Virtual ms up to ${spec.max}${spec.zero ? '' : ', above 0'}, or null: ${spec.whenNull}. Default ${spec.default === null ? `null (${spec.whenNull})` : spec.default}.`
        : 'Each fix on (true) or switched off (false); any left out stay on.';
  return v.pipe(schema, v.metadata({ default: spec.default }), v.description(about));
}

/**
 * Every option any level takes, by what its value is: the type of a file's `options` is inferred
 * from these (which level takes which option, and its limits, is the registry's to say; a test
 * holds this shape to the registry).
 */
const OPTION_VALUES = {
  size: v.number(),
  minSize: v.number(),
  maxSize: v.number(),
  acquireTimeout: v.nullable(v.number()),
  leakThreshold: v.nullable(v.number()),
  idleTimeout: v.nullable(v.number()),
  maxLifetime: v.nullable(v.number()),
  fixes: FIXES,
} satisfies Record<OptionName, v.GenericSchema>;

export const ANY_OPTIONS = v.strictObject({
  ...(Object.fromEntries(Object.entries(OPTION_VALUES).map(([k, s]) => [k, v.exactOptional(s)])) as {
    [K in OptionName]: v.ExactOptionalSchema<(typeof OPTION_VALUES)[K], undefined>;
  }),
  costs: v.exactOptional(COSTS),
});

/** The engine's LevelOptions is exactly what an options schema reads. */
export type LevelOptionsAreTheSchemas = [
  Expect<Same<LevelOptions, v.InferOutput<typeof ANY_OPTIONS>>>,
  Expect<Same<NonNullable<LevelOptions['costs']>, v.InferOutput<typeof COSTS>>>,
  Expect<Same<NonNullable<LevelOptions['fixes']>, v.InferOutput<typeof FIXES>>>,
];

function optionsOf(level: LevelId) {
  const specs: OptionSpecs = LEVELS[level].options;
  const names = Object.keys(specs);
  const takes = names.length > 0 ? `it takes ${names.join(', ')}, costs` : 'it takes only costs';
  const entries: v.ObjectEntries = { costs: ANY_OPTIONS.entries.costs };
  for (const [name, spec] of Object.entries(specs) as [OptionName, OptionSpec][])
    entries[name] = v.exactOptional(optionSchema(name, spec));
  const min = specs.minSize?.default as number | undefined;
  const max = specs.maxSize?.default as number | undefined;
  const sizes = (o: { minSize?: unknown; maxSize?: unknown }) => ({
    min: (o.minSize as number | undefined) ?? min,
    max: (o.maxSize as number | undefined) ?? max,
  });
  return v.pipe(
    record(entries, {
      notObject: (x) => `options must be an object, not ${x}`,
      unknown: (k) => `${level} has no option ${quote(k)} (${takes})`,
    }),
    ...rule(
      (o: { minSize?: unknown; maxSize?: unknown }) => {
        const s = sizes(o);
        return s.min === undefined || s.max === undefined || s.min <= s.max;
      },
      (o) => `options.minSize (${sizes(o).min}) is above options.maxSize (${sizes(o).max})`,
      {},
    ),
    v.description(`${level}'s options; any left out take their defaults.`),
  ) as unknown as v.GenericSchema<unknown, LevelOptions>;
}

/** The options schema of each level. */
export const OPTIONS: { readonly [L in LevelId]: v.GenericSchema<unknown, LevelOptions> } = Object.fromEntries(
  LEVEL_IDS.map((id) => [id, optionsOf(id)]),
) as { [L in LevelId]: v.GenericSchema<unknown, LevelOptions> };
