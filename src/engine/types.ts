/**
 * The engine's vocabulary: scenarios, events, and the world as it stands after each event.
 * Everything here is plain data, so a timeline can be stored, compared and replayed.
 */

/**
 * The levels' ids, in the order of the learning path (what each level is: `LEVELS` in levels/).
 * `nopool` is the analogy's "no library at all": a new book printed for every reader, burned after.
 */
export const LEVEL_IDS = ['nopool', 'level1', 'level2', 'level3', 'level4', 'database', 'production'] as const;
export type LevelId = (typeof LEVEL_IDS)[number];

/** What a level lends: a book (the text's generic slow object) or a database connection. */
export type Lends = 'book' | 'connection';

/**
 * What holds a level's size: nothing (no pool), its start-up `size` (Level 1: a size it starts
 * with but never enforces), or a `maxSize` it enforces.
 */
export type BoundKind = 'none' | 'size' | 'maxSize';

export const STEP_KINDS = ['acquire', 'release', 'use', 'read', 'fail', 'with', 'kill', 'restart', 'close'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** Virtual-ms costs of the simulated slow work. */
export interface Costs {
  /** Creating an object or opening a connection: a whole number of ms drawn from [lo, hi]. */
  readonly createMs: readonly [number, number];
  /** Handing over an object taken from the shelf. */
  readonly reuseMs: number;
  /** `SELECT 1`, the validation query. */
  readonly validateMs: number;
  /** A plain reset, and each of `ROLLBACK`, `DISCARD ALL` and `COMMIT`. */
  readonly resetMs: number;
  /**
   * A reader using what it holds: each `use` and `read` step takes this long before it writes or
   * reads (on top of any statement it runs). The pool is not involved; 0 unless a file sets it.
   */
  readonly useMs: number;
}

export const DEFAULT_COSTS: Costs = { createMs: [50, 200], reuseMs: 0.5, validateMs: 2, resetMs: 2, useMs: 0 };

/** The production pool's fixes, each a switch, in the order of the text's table. */
export const FIX_NAMES = ['maxSize', 'lock', 'reset', 'validate', 'timeout', 'cleanup'] as const;
export type FixName = (typeof FIX_NAMES)[number];
export type Fixes = { readonly [F in FixName]: boolean };

/**
 * A level's options and a step as a scenario file gives them. The file format's schema
 * (scenario/) infers exactly these types: the compiler holds the two equal.
 */
export interface LevelOptions {
  readonly size?: number;
  readonly minSize?: number;
  readonly maxSize?: number;
  readonly acquireTimeout?: number | null;
  readonly leakThreshold?: number | null;
  readonly idleTimeout?: number | null;
  readonly maxLifetime?: number | null;
  readonly fixes?: Partial<Fixes>;
  readonly costs?: Partial<Costs>;
}

export interface Step {
  readonly do: StepKind;
  readonly client?: string;
  readonly object?: number;
  readonly write?: string;
  readonly fail?: boolean;
  readonly at?: number;
}

export interface Scenario {
  readonly level: LevelId;
  readonly options: LevelOptions;
  readonly seed: number;
  readonly steps: readonly Step[];
  /** A hand-picked interleaving: the option taken at each choice point in turn (see run/choices.ts). */
  readonly choices?: readonly number[];
}

/**
 * One drawn copy of an object: where it is at this moment (DESIGN.md "Places and readers").
 * An object is drawn once per place it is at: usually one; a double release gives two shelf slots,
 * or hands and the shelf.
 */
export type Place =
  /** Its creation is under way, for the reader whose acquire makes it (null: the pool's own). */
  | { readonly at: 'press'; readonly for: string | null }
  /** It stands on the shelf at this index, 0 = bottom (an object shelved twice has two). */
  | { readonly at: 'shelf'; readonly slot: number }
  /**
   * A pool operation holds it: on its way `out` to `reader` (popped, being validated, handed over,
   * handed off to a waiter), or on its way `back` from `reader` (released, not yet reset or shelved).
   */
  | {
      readonly at: 'counter';
      readonly reader: string | null;
      readonly way: 'out' | 'back';
      /** What this copy's call is running on it here (the pool's check, 'SELECT 1'), or null: another call's work on the same object is that call's copy's. */
      readonly work: string | null;
    }
  /** It is being reset for `reader`'s return: 'reset', 'ROLLBACK', 'DISCARD ALL' or 'COMMIT'. */
  | { readonly at: 'desk'; readonly reader: string | null; readonly work: string }
  /** One or more readers hold a reference to it (co-holders, oldest first). */
  | { readonly at: 'hands'; readonly readers: readonly string[] }
  /** Unreachable: no reader holds it, it is not on the shelf, and no pool operation holds it. */
  | { readonly at: 'lost' }
  /** Closed or destroyed. */
  | { readonly at: 'bin' };

export type PlaceName = Place['at'];

/**
 * The one-word place of the first stage (`ObjectView.place`), kept for callers that have not moved
 * to `places`: 'held' is in hands; an object at the counter reads as 'desk' (a pool operation has it).
 */
export type LegacyPlace = 'press' | 'shelf' | 'desk' | 'held' | 'lost' | 'bin';

export interface ObjectView {
  readonly id: number;
  readonly kind: Lends;
  readonly alive: boolean;
  /** What its borrowers wrote (a note, or a connection's session settings), or null. */
  readonly state: string | null;
  /** The primary place in the old words (see LegacyPlace); `places` is the whole truth. */
  readonly place: LegacyPlace;
  /**
   * Every place it is drawn at this moment, one entry per drawn copy: usually one; a double release
   * gives two shelf slots, or hands + shelf. Never empty. `lost` and `bin` never share with anything.
   */
  readonly places: readonly Place[];
  /** How many times it stands on the shelf (more than one is a bug the lesson shows). */
  readonly onShelf: number;
  /** Clients holding a reference to it, oldest first. */
  readonly holders: readonly string[];
  readonly createdAt: number;
  /** How many times it has been handed out. */
  readonly lends: number;
}

export type ClientStatus = 'idle' | 'busy' | 'waiting' | 'crashed';

/** What a reader is doing at this moment (DESIGN.md "Places and readers"). */
export type ReaderState =
  /** Has done nothing yet, or finished a step and holds nothing. */
  | 'idle'
  /** Inside acquire (or the acquire of a `with`), not queued. */
  | 'asking'
  /** Queued for an object (production level); see `position`. */
  | 'waiting'
  /** Holds one or more objects and is not inside a pool call. */
  | 'holding'
  /** Inside release (or the release of a `with`). */
  | 'returning'
  /** Its last acquire was refused (exhausted, or the pool is closed). */
  | 'refused'
  /** Its last acquire gave up waiting. */
  | 'timed-out'
  /** Its last step ended in another error (a dead object used, a release refused or failed…). */
  | 'failed'
  /** Crashed (a `fail` step, or a `with` body that threw): it holds what it held. */
  | 'crashed'
  /** The scenario has no steps left for it (only once the run is over). */
  | 'done';

export interface ClientView {
  readonly name: string;
  /** Object ids it holds references to, newest last. */
  readonly holding: readonly number[];
  /** The old status, kept for callers that have not moved to `state`. */
  readonly status: ClientStatus;
  readonly state: ReaderState;
  /**
   * Its last action crashed: true from the crash on, also while a guaranteed return still runs for
   * it (`state` is then `returning`: the block's `finally` gives back what it held).
   */
  readonly crashed: boolean;
  /** 1 = first in line (the production level's waiting line), else null. */
  readonly position: number | null;
  /** The error the reader got from its last action, shown until its next action; else null. */
  readonly error: { readonly kind: ErrorKind; readonly message: string } | null;
  /** The scenario step kind it is running, e.g. "acquire", or null. */
  readonly doing: StepKind | null;
  /** When it joined the waiting line (production level), or null. */
  readonly waitingSince: number | null;
}

export interface PoolView {
  /** Ids on the shelf, bottom to top; the top is what `pop` takes next. */
  readonly available: readonly number[];
  /** The level's own borrowed counter, for levels that keep one. */
  readonly inUse: number | null;
  /**
   * What that counter should say, for levels that keep one (else null): one for each reader
   * holding an object (each reader on its own, as each was lent it), one for each acquire that has
   * counted what it has not handed over yet, and one for each release that has taken an object back
   * and not counted it back yet. The counter differs from it once a bug has made it wrong (a double
   * release, a crash, a release that failed).
   */
  readonly owed: number | null;
  /**
   * Objects in readers' hands right now, one for each reader holding one: an object two readers
   * hold at once (a bug) counts two, as the pool's own counter (`inUse`) counts a loan to each. On
   * Levels 2–4 and the database pool, `inUse - held` is the leak.
   */
  readonly held: number;
  readonly created: number;
  /** Created and not yet closed or destroyed. */
  readonly open: number;
  readonly maxSize: number | null;
  readonly closed: boolean;
  /** Clients queued for an object, first in line first (production level). */
  readonly waiting: readonly string[];
}

export interface World {
  readonly pool: PoolView;
  readonly objects: readonly ObjectView[];
  readonly clients: readonly ClientView[];
}

/** The monitor's findings: the text's warnings coming true. */
export const WARNINGS = [
  'unbounded-growth',
  'exhausted',
  'dirty-object',
  'dirty-read',
  'dead-handout',
  'dead-used',
  'double-shelved',
  'shared-object',
  'counter-negative',
  'over-max',
  'capacity-lost',
  'leaked',
  'closed-with-borrowed',
  'created-after-close',
  'timeout',
  'leak-suspected',
  'waiting-forever',
  'open-after-close',
] as const;
export type WarningKind = (typeof WARNINGS)[number];

/** A code line's id, `method.kind`, as a `// @step` marker in a level's source names it. */
export type LineId = `${string}.${string}`;

export type Source = 'shelf' | 'created';

/** What a scenario step came to, as the CLI reports it. */
export interface StepOutcome {
  object?: number;
  source?: Source;
  error?: ErrorKind;
  message?: string;
  discarded?: number[];
  sees?: string | null;
  /** A `fail` step: its object is lost for good (no one else holds it, and it is not on the shelf). */
  leaked?: true;
  releaseError?: ErrorKind;
  bodyFailed?: true;
  waited?: number;
  pending?: true;
}

export type ErrorKind = 'exhausted' | 'dead' | 'timeout' | 'closed' | 'not-borrowed';

interface EventBase {
  readonly seq: number;
  readonly t: number;
  readonly client: string | null;
  readonly object: number | null;
  /** The code line that ran, matching a `// @step` marker in the level's source (for the code panel). */
  readonly line: LineId | null;
  /** The shelf after this event, bottom to top. */
  readonly available: readonly number[];
  readonly inUse: number | null;
  /** The whole world after this event (recorded runs only). */
  readonly world?: World;
}

export type EventBody =
  | { readonly type: 'pool.opening' }
  | { readonly type: 'pool.opened' }
  | { readonly type: 'step.started'; readonly index: number; readonly do: StepKind }
  | {
      readonly type: 'step.finished';
      readonly index: number;
      readonly do: StepKind;
      readonly outcome: StepOutcome;
    }
  | { readonly type: 'object.creating'; readonly ms: number }
  | { readonly type: 'object.created' }
  | { readonly type: 'object.taken' }
  | { readonly type: 'object.shelved' }
  | { readonly type: 'object.acquired'; readonly source: Source; readonly waited: number }
  | { readonly type: 'object.released' }
  | { readonly type: 'object.resetting'; readonly ms: number }
  | { readonly type: 'object.reset' }
  | { readonly type: 'statement.started'; readonly sql: string; readonly ms: number }
  | {
      readonly type: 'statement.finished';
      readonly sql: string;
      readonly ok: boolean;
      readonly error: string | null;
    }
  | { readonly type: 'object.validated'; readonly ok: boolean }
  /**
   * The level's borrowed counter (`inUseCount`) moved by `by` (+1 or −1), at the line that moved it;
   * the event's `inUse` is its new value. `of`: what it counts — an object taken off the shelf (or
   * about to be, for a level that counts before it pops), one about to be made, or one coming back.
   * `object`: the one counted, when the call has it in hand, else null.
   */
  | { readonly type: 'pool.counted'; readonly by: number; readonly of: 'taken' | 'made' | 'returned' }
  | { readonly type: 'object.closed' }
  | { readonly type: 'object.destroyed'; readonly reason: string }
  | { readonly type: 'object.written'; readonly value: string }
  | { readonly type: 'object.read'; readonly sees: string | null }
  | { readonly type: 'object.killed' }
  | { readonly type: 'server.restarted'; readonly killed: readonly number[] }
  | { readonly type: 'client.crashed' }
  | { readonly type: 'use.failed'; readonly message: string }
  | { readonly type: 'pool.exhausted'; readonly message: string }
  | { readonly type: 'release.failed'; readonly message: string }
  | { readonly type: 'release.refused'; readonly message: string }
  | { readonly type: 'block.entered' }
  | { readonly type: 'block.failed' }
  | { readonly type: 'block.exited' }
  | { readonly type: 'pool.closed'; readonly closed: readonly number[]; readonly borrowed: number }
  | { readonly type: 'acquire.queued'; readonly position: number }
  | { readonly type: 'acquire.timedout'; readonly message: string }
  | { readonly type: 'acquire.rejected'; readonly message: string }
  | { readonly type: 'object.handedoff'; readonly to: string }
  | { readonly type: 'leak.suspected'; readonly since: number; readonly borrowStep: number | null }
  | { readonly type: 'leak.returned'; readonly heldMs: number }
  | {
      readonly type: 'monitor.warned';
      readonly warning: WarningKind;
      readonly message: string;
    };

export type EventType = EventBody['type'];
export type PoolEvent = EventBase & EventBody;
export type EventOf<T extends EventType> = EventBase & Extract<EventBody, { type: T }>;
