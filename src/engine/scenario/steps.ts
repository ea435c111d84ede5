/**
 * A scenario's `steps`: each kind of step is an object with the fields it needs and the ones it
 * may have, and each level takes the kinds the registry lists for it.
 */
import * as v from 'valibot';
import { LEVELS } from '../levels';
import { LEVEL_IDS, STEP_KINDS, type LevelId, type Step, type StepKind } from '../types';
import { describe } from './json';
import { quote } from './quote';
import { bool, duration, objectMessage, rule, whole, type Expect, type Same } from './fields';
import { LIMITS } from './limits';

/** Every field a step may have, and what it holds. */
const FIELDS = {
  client: v.pipe(
    v.string((i) => `"client" must be a name of 1 to ${LIMITS.maxNameLength} characters, not ${describe(i.input)}`),
    v.regex(
      /\S/,
      (i) => `"client" must be a name of 1 to ${LIMITS.maxNameLength} characters, not ${describe(i.input)}`,
    ),
    v.maxLength(
      LIMITS.maxNameLength,
      (i) => `"client" must be a name of 1 to ${LIMITS.maxNameLength} characters, not ${describe(i.input)}`,
    ),
    v.description('The reader who takes this step, e.g. "A".'),
  ),
  object: v.pipe(
    whole('"object"', 1, Number.MAX_SAFE_INTEGER),
    v.description('An object by its number: 1, 2, 3… in the order their creation started.'),
  ),
  write: v.pipe(
    v.string(() => `"write" must be text of at most ${LIMITS.maxWriteLength} characters`),
    v.maxLength(LIMITS.maxWriteLength, () => `"write" must be text of at most ${LIMITS.maxWriteLength} characters`),
    v.description('What the reader writes: a note, or on a connection a session setting (SET).'),
  ),
  fail: v.pipe(bool('"fail"'), v.description('Throw inside the block: the release still runs.')),
  at: v.pipe(
    duration('"at"', LIMITS.maxTimeMs),
    v.description(
      "Start at this virtual time (ms), never before the reader's previous step has finished. Without it: when the step before has finished.",
    ),
  ),
};
type Field = keyof typeof FIELDS;

/** A step as the engine reads it: its kind, and whichever fields it has. */
const STEP_SHAPE = v.object({
  do: v.picklist(STEP_KINDS),
  client: v.exactOptional(FIELDS.client),
  object: v.exactOptional(FIELDS.object),
  write: v.exactOptional(FIELDS.write),
  fail: v.exactOptional(FIELDS.fail),
  at: v.exactOptional(FIELDS.at),
});
/** The engine's Step is exactly what a step schema reads (a field on one side only fails to compile). */
export type StepIsTheSchemas = Expect<Same<Step, v.InferOutput<typeof STEP_SHAPE>>>;

/** What each kind of step needs, may have, and does. */
const KINDS: { readonly [K in StepKind]: { needs: readonly Field[]; may: readonly Field[]; does: string } } = {
  acquire: { needs: ['client'], may: ['at'], does: 'The reader asks the pool for an object.' },
  release: {
    needs: [],
    may: ['client', 'object', 'at'],
    does: 'Give back the reader\'s newest object, or "object" N whoever holds it.',
  },
  use: { needs: ['client'], may: ['write', 'at'], does: 'The reader writes to its newest object ("write").' },
  read: { needs: ['client'], may: ['at'], does: 'The reader reads what its newest object holds.' },
  fail: {
    needs: ['client'],
    may: ['at'],
    does: 'The reader crashes holding its newest object: it is never given back.',
  },
  with: {
    needs: ['client'],
    may: ['write', 'fail', 'at'],
    does: 'The guaranteed-release block: acquire, optionally write, optionally fail, then the release that always runs.',
  },
  kill: { needs: ['object'], may: ['client', 'at'], does: 'That object (or connection) dies.' },
  restart: { needs: [], may: ['client', 'at'], does: 'The database restarts: every connection dies.' },
  close: { needs: [], may: ['client', 'at'], does: 'The pool is closed.' },
};

/** A field a step of this kind does not take: say where it belongs. */
function misplaced(kind: StepKind, key: string): string {
  if (key === 'write') return `"write" belongs on a "use" or "with" step, not "${kind}"`;
  if (key === 'fail') return `"fail" belongs on a "with" step; to crash a client use {"do": "fail"}`;
  if (key === 'object') return `"object" belongs on a "release" or "kill" step, not "${kind}"`;
  return `unknown field ${quote(key)} (a step has do, client, object, write, fail, at)`;
}

function kindSchema(kind: StepKind) {
  const { needs, may, does } = KINDS[kind];
  const entries: v.ObjectEntries = { do: v.literal(kind) };
  for (const f of Object.keys(FIELDS) as Field[]) {
    if (needs.includes(f)) entries[f] = FIELDS[f];
    else if (may.includes(f)) entries[f] = STEP_SHAPE.entries[f];
  }
  const object = v.strictObject(
    entries,
    objectMessage({
      notObject: (x) => `must be an object like {"client": "A", "do": "acquire"}, not ${x}`,
      unknown: (k) => misplaced(kind, k),
      missing: (k) =>
        k === 'object' ? `a "${kind}" step needs the "object" to kill` : `a "${kind}" step needs a "${k}"`,
    }),
  );
  if (kind !== 'release') return v.pipe(object, v.description(does));
  return v.pipe(
    object,
    ...rule(
      (s: { client?: unknown; object?: unknown }) => s.client !== undefined || s.object !== undefined,
      () => 'a "release" step needs a "client", an "object", or both',
      { anyOf: [{ required: ['client'] }, { required: ['object'] }] },
    ),
    v.description(does),
  );
}

/** One schema per kind, shared by every level that has it. */
export const STEP_KIND_SCHEMAS = Object.fromEntries(STEP_KINDS.map((k) => [k, kindSchema(k)])) as {
  readonly [K in StepKind]: ReturnType<typeof kindSchema>;
};

function stepOf(level: LevelId) {
  const kinds = LEVELS[level].steps;
  return v.variant('do', kinds.map((k) => STEP_KIND_SCHEMAS[k]) as unknown as v.VariantOptions<'do'>, (issue) => {
    const where = issue.path?.[0];
    if (where === undefined)
      return `must be an object like {"client": "A", "do": "acquire"}, not ${describe(issue.input)}`;
    if (Array.isArray(where.input)) return 'must be an object like {"client": "A", "do": "acquire"}, not a list';
    const kind = issue.input;
    if (typeof kind === 'string' && (STEP_KINDS as readonly string[]).includes(kind))
      return `${level} has no "${kind}" step (it has ${kinds.join(', ')})`;
    return `"do" must be one of ${STEP_KINDS.join(', ')}, not ${describe(kind)}`;
  }) as unknown as v.GenericSchema<unknown, Step>;
}

/** The step schema of each level: the kinds it has. */
export const STEPS: { readonly [L in LevelId]: v.GenericSchema<unknown, Step> } = Object.fromEntries(
  LEVEL_IDS.map((id) => [id, stepOf(id)]),
) as { [L in LevelId]: v.GenericSchema<unknown, Step> };
