/**
 * The shape of a level's record in the registry, and what a level offers the runner.
 */
import type { BoundKind, LevelId, LevelOptions, Lends, LineId, StepKind, WarningKind } from '../types';
import type { CallLines, CountLines, Op, PoolBase, Pooled, Runtime, Waiting } from '../world';
import type { OptionName, OptionSpecs } from './options';

/** What every level offers the runner, beyond the base class. */
export interface RunnablePool extends PoolBase<Pooled> {
  /** The guaranteed-release form (Level 4's `get`, the database's `connection`). */
  using?<R>(body: (obj: Pooled) => Op<R>): Op<R>;
  close?(): Op<void>;
  /** Callers queued for an object, first in line first (production level). */
  waitingList?(): readonly Waiting[];
  /** Set once close() has begun (production level). */
  readonly closed?: boolean;
}

/** The words for what a level lends, as a sentence needs them. */
export interface ThingWords {
  /** "book" / "connection" */
  readonly thing: string;
  /** "Book" / "Connection" */
  readonly Thing: string;
  /** "books" / "connections" */
  readonly things: string;
  /** "Books" / "Connections" */
  readonly Things: string;
  /** How one is made: "print" / "open". */
  readonly make: string;
}

export interface LevelInfo {
  readonly id: LevelId;
  /** Its place on the learning path, 0 first (the same order as `LEVEL_IDS`). */
  readonly order: number;
  /** Short name, e.g. "Level 3". */
  readonly label: string;
  /** Page title, e.g. "Level 3 — cleaning on return". */
  readonly title: string;
  /** One line: what this level adds. */
  readonly summary: string;
  readonly lends: Lends;
  readonly words: ThingWords;
  readonly bound: BoundKind;
  /** The objects it makes at start-up: an option's value, or a fixed number. */
  readonly startsWith: OptionName | number;
  /** Options this level takes, each with its default and its limits, in the order files list them. */
  readonly options: OptionSpecs;
  /** The scenario steps it has (`do`). */
  readonly steps: readonly StepKind[];
  /** Its class's file in src/engine/levels/, the text the code panel shows. */
  readonly source: string;
  /** It keeps what comes back on a shelf for the next reader (everything but no pool at all). */
  readonly shelf: boolean;
  /** It checks an object before lending it (`SELECT 1`), and throws away a dead one. */
  readonly validates: boolean;
  /**
   * The line where its acquire lends an object that was already made (from the shelf, or handed
   * over), for an acquire step (which calls `acquire` itself: the line is the method's own, with no
   * caller's line before it): the loan is shown there, not at the last line that made an event — the
   * production pool with its lock off takes the connection off the shelf after the check, and then
   * lends it on another line. Missing: the last line (Levels 1–4 lend on the line that pops). A loan
   * inside a guaranteed-release block is the block's, shown at its body line.
   */
  readonly loanLine?: LineId;
  /** A reader may wait in line for an object (instead of being refused at once). */
  readonly queues: boolean;
  /**
   * The marker a reader's own statement (`SET …`) inside the guaranteed-release block lights: the
   * block method's `set` line where its source marks one, else (the default) its `body` line.
   */
  readonly blockStatements?: 'set' | 'body';
  /**
   * The lines that move its own borrowed counter (`inUseCount`), for the levels that keep one: each
   * move is an event of its own at its line (`countMoves` in world/poolBase.ts).
   */
  readonly counts?: CountLines;
  /**
   * The lines where one of its methods calls another (`get` calling `acquire`, the database's
   * `acquire` calling `createConnection`), by `caller>callee`: while the callee runs, its caller's
   * line runs too, waiting for it, and an event's line names both (`Runtime.lineFor`, `linesOf`).
   */
  readonly calls?: CallLines;
  /** Its own bugs (the monitor's warnings its code lets happen), each with the level that fixes it. */
  readonly fixedBy: { readonly [W in WarningKind]?: LevelId };
  /** The text's problems this level fixes: the bugs of earlier levels whose `fixedBy` is this one. */
  readonly solves: readonly WarningKind[];
  /** Build the pool, with every default of its options filled in. */
  make(rt: Runtime, options: LevelOptions): RunnablePool;
}
