/**
 * The scenario file: one schema per level (its options and its step kinds, from the registry),
 * told apart by `level`. A file holds `steps` (with, optionally, the `choices` of a hand-picked
 * interleaving) or a `load`; it may name its JSON Schema in `"$schema"`, which the lab ignores.
 */
import * as v from 'valibot';
import { LEVELS } from '../levels';
import { LEVEL_IDS, type LevelId } from '../types';
import { describe, isObject } from './json';
import { quote } from './quote';
import { objectMessage, rule, whole } from './fields';
import { LIMITS } from './limits';
import { LOAD } from './load';
import { OPTIONS } from './options';
import { STEPS } from './steps';

const TOP_FIELDS = 'level, options, seed, steps or load, choices, $schema';

export const SEED = v.pipe(
  whole(
    'seed',
    0,
    LIMITS.maxSeed,
    'allows',
    ' (the generator takes 32 bits, so a larger seed would only repeat the run of a smaller one)',
  ),
  v.metadata({ default: 1 }),
  v.description(
    'The seed of the random creation times: the same seed and steps always give the same run. A whole number from 0 to 4294967295.',
  ),
);

/** "Who runs next?": the option picked at each moment where several readers could go on. */
export const CHOICES = v.pipe(
  v.array(
    v.pipe(
      v.number(
        (i) => `each of "choices" must be an option number (0 for the scheduler's own), not ${describe(i.input)}`,
      ),
      v.integer((i) => `each of "choices" must be a whole option number, not ${describe(i.input)}`),
      v.minValue(0, (i) => `each of "choices" must be 0 or more, not ${String(i.input)}`),
      v.maxValue(
        LIMITS.maxOption,
        (i) => `a choice of ${String(i.input)} is more than any moment offers (at most ${LIMITS.maxOption})`,
      ),
    ),
    (i) => `"choices" must be a list of option numbers like [1, 0], not ${describe(i.input)}`,
  ),
  v.maxLength(
    LIMITS.maxChoices,
    (i) => `"choices" has ${(i.input as unknown[]).length} picks; the most a run can use is ${LIMITS.maxChoices}`,
  ),
  v.description(
    'A hand-picked interleaving, as the production page\'s "Who runs next?" records it: at each moment where several readers could go on, in turn, the option taken (0 is the scheduler\'s own). Moments after the list: the scheduler chooses.',
  ),
);

function stepsOf(level: LevelId) {
  return v.pipe(
    // The length first: a list too long is refused before its steps are read one by one.
    v.array(v.unknown(), (i) => `"steps" must be a list of steps, not ${describe(i.input)}`),
    v.maxLength(
      LIMITS.maxSteps,
      (i) => `${(i.input as unknown[]).length} steps is more than the ${LIMITS.maxSteps} the lab runs`,
    ),
    v.array(STEPS[level]),
    v.metadata({ maxItems: LIMITS.maxSteps }),
    v.description('What the readers do, in file order.'),
  );
}

type Fields = { steps?: unknown; load?: unknown; choices?: unknown };

function fileOf(level: LevelId) {
  const info = LEVELS[level];
  return v.pipe(
    v.strictObject(
      {
        $schema: v.exactOptional(
          v.pipe(
            v.string((i) => `"$schema" must be the address of the schema as text, not ${describe(i.input)}`),
            v.description('Where an editor finds this schema, e.g. "https://<the lab>/scenario.schema.json".'),
          ),
        ),
        level: v.pipe(v.literal(level), v.description(`${info.label}: ${info.summary}`)),
        options: v.exactOptional(OPTIONS[level]),
        seed: v.exactOptional(SEED),
        steps: v.exactOptional(stepsOf(level)),
        // Load runs measure readers waiting in line: only a level with a line can run them.
        load: v.exactOptional(
          info.queues
            ? LOAD
            : v.pipe(
                v.never(() => 'load runs need "level": "production"'),
                v.description('Load runs need "level": "production".'),
              ),
        ),
        choices: v.exactOptional(CHOICES),
      },
      objectMessage({
        notObject: (x) => `a scenario must be a JSON object, not ${x}`,
        unknown: (k) => `unknown field ${quote(k)} (a scenario has ${TOP_FIELDS})`,
      }),
    ),
    ...rule(
      (f: Fields) => f.steps !== undefined || f.load !== undefined,
      () => 'a scenario needs "steps" (a list of steps) or "load"',
      { anyOf: [{ required: ['steps'] }, { required: ['load'] }] },
    ),
  );
}

/** One schema per level, told apart by `level`. */
const BY_LEVEL = v.variant('level', LEVEL_IDS.map(fileOf) as unknown as [ReturnType<typeof fileOf>], (issue) => {
  const where = issue.path?.[0];
  if (where === undefined) return `a scenario must be a JSON object, not ${describe(issue.input)}`;
  if (Array.isArray(where.input)) return 'a scenario must be a JSON object, not a list';
  return `unknown level ${describe(issue.input)} (choose one of ${LEVEL_IDS.join(', ')})`;
});

/** A scenario file as the lab reads it (and as a page writes one): the type its schema infers. */
export type ScenarioFile = v.InferOutput<typeof BY_LEVEL>;

/** Every scenario file: the schema of the level it names. */
export const SCENARIO_FILE = v.pipe(
  // What a file mixes up is said before what is wrong inside either half.
  v.unknown(),
  ...rule(
    (f: Fields) => !(isObject(f) && f.steps !== undefined && f.load !== undefined),
    () => 'a scenario has either "steps" or "load", not both',
    {},
  ),
  ...rule(
    (f: Fields) => !(isObject(f) && f.choices !== undefined && f.load !== undefined),
    () => '"choices" go with "steps": a load run has no hand-picked order',
    {},
  ),
  BY_LEVEL,
  v.metadata({ not: { anyOf: [{ required: ['steps', 'load'] }, { required: ['choices', 'load'] }] } }),
  v.title('Pool Lab scenario'),
  v.description(
    'A Pool Lab scenario: a level, its options, a seed and the steps its readers take (or a load of random callers). Run it with npm run simulate, or open it in the lab.',
  ),
);
