/**
 * The stories behind the scenario buttons, and what each stop on the learning path says.
 *
 * Every story is a real scenario for the engine: nothing here scripts a callout. A story's
 * `expect` is the warning the monitor raises LAST in its run, so the callout showing when the
 * story has played to its end is the one the button promised (a test runs every story and checks
 * this). Where the honest ending is not the obvious one, the choice is explained beside the story:
 *
 * - A crash before release (Level 3) and a connection lost while borrowed (database) each end on
 *   `exhausted`: the leak or the lost capacity comes first, the refusal is where it hurts.
 * - A crash inside Level 4's guaranteed-release block raises no warning at all — the book comes
 *   back, which is the point. A story must end on a warning, so it goes on to the contrast: the
 *   next reader borrows the returned book the plain way, crashes, and that book is `leaked`.
 * - DISCARD ALL on the database wipes a session setting, and again nothing goes wrong. Its contrast
 *   is the one case where the cleaning desk never sees the connection: a reader crashes holding it
 *   (`leaked`), and its setting stays on a connection nobody will reset or get back.
 * - A database restart: validation quietly replaces the dead connection on the shelf (no warning —
 *   it works); what it cannot reach is the connection a reader was holding, which fails when used
 *   (`dead-used`).
 * - `close()` with a connection out ends on `open-after-close`: the monitor's last word once
 *   everything has finished, naming the lent connection and the one made after close(). The
 *   `closed-with-borrowed` and `created-after-close` callouts show on the way.
 */
import { LEVELS, startSizeOf } from '../engine';
import type { LevelId, LevelOptions, Scenario, Step, WarningKind } from '../engine';
import type { LevelPage, Story } from './types';

export type { LevelPage, Story } from './types';

// ── tiny builders, so each story reads like its plot ──────────────────────────────────────────

const acquire = (client: string, at?: number): Step =>
  at === undefined ? { client, do: 'acquire' } : { client, do: 'acquire', at };
const release = (client: string, object?: number): Step =>
  object === undefined ? { client, do: 'release' } : { client, do: 'release', object };
const write = (client: string, text: string): Step => ({ client, do: 'use', write: text });
const read = (client: string): Step => ({ client, do: 'read' });
const crash = (client: string): Step => ({ client, do: 'fail' });
const kill = (object: number): Step => ({ do: 'kill', object });

function story(
  id: string,
  level: LevelId,
  title: string,
  summary: string,
  expect: WarningKind,
  options: LevelOptions,
  steps: readonly Step[],
  seed = 1,
): Story {
  const scenario: Scenario = { level, options, seed, steps };
  return { id, level, title, summary, expect, scenario };
}

/** The same plot told on several levels (sizes differ: Level 1 has `size`, the others `maxSize`). */
function onLevels(
  slug: string,
  levels: readonly LevelId[],
  make: (level: LevelId) => Omit<Story, 'id' | 'level'>,
): Story[] {
  return levels.map((level) => ({ id: `${slug}-${level}`, level, ...make(level) }));
}

/**
 * Small pools keep the stage readable: one book made at start where the level's bound is its
 * start-up size (Level 1), one made at start and at most `max` where it takes a minimum, else at
 * most `max`.
 */
function smallPool(level: LevelId, max: number): LevelOptions {
  const { bound, options } = LEVELS[level];
  if (bound === 'size') return { size: 1 };
  if (options.minSize !== undefined) return { minSize: 1, maxSize: max };
  return { maxSize: max };
}

/** The object a first reader is handed: the top of the shelf made at start-up (the newest), else the first one made. */
const firstLent = (level: LevelId, options: LevelOptions) => Math.max(1, startSizeOf(level, options));

// ── the stories ───────────────────────────────────────────────────────────────────────────────

const growth = story(
  'grows-forever-level1',
  'level1',
  'The pool grows forever',
  'Four readers arrive together at a shelf of two: the pool prints two more books, and when everyone has returned, all four stay on the shelf — nothing ever limits or shrinks it.',
  'unbounded-growth',
  { size: 2 },
  [
    acquire('A', 0),
    acquire('B', 0),
    acquire('C', 0),
    acquire('D', 0),
    release('A'),
    release('B'),
    release('C'),
    release('D'),
  ],
);

const dirty = onLevels('dirty-book', ['level1', 'level2'], (level) => ({
  title: 'A dirty book',
  summary:
    'Reader A writes a note in the book and returns it; nothing cleans it, so Reader B borrows the same book and reads A’s note. Level 3 cleans every book on its way back.',
  expect: 'dirty-read',
  scenario: {
    level,
    options: smallPool(level, 3),
    seed: 1,
    steps: [acquire('A'), write('A', 'timezone = UTC'), release('A'), acquire('B'), read('B')],
  },
}));

/** "book" on the text's levels, "connection" on the database: the registry's words. */
const thing = (level: LevelId) => LEVELS[level].words.thing;

const exhaustion = onLevels('exhaustion', ['level2', 'level3', 'level4', 'database'], (level) => ({
  title: `More readers than ${thing(level)}s`,
  summary: `The pool may hold at most two. Readers A and B each borrow one and keep it; Reader C asks and is refused on the spot — it cannot wait for a ${thing(level)} to come back.`,
  expect: 'exhausted',
  scenario: { level, options: smallPool(level, 2), seed: 1, steps: [acquire('A'), acquire('B'), acquire('C')] },
}));

const deadHandout = onLevels('dead-handout', ['level1', 'level2', 'level3', 'level4'], (level) => ({
  title: 'A dead book handed out',
  summary:
    'Reader A borrows Book 1 and returns it; on the shelf it falls apart. Reader B asks, and the pool hands over Book 1 without looking. The database level checks each one before lending it.',
  expect: 'dead-handout',
  scenario: {
    level,
    options: smallPool(level, 2),
    seed: 1,
    steps: [acquire('A'), release('A'), kill(1), acquire('B')],
  },
}));

const crashLeak = story(
  'crash-leaks-level3',
  'level3',
  'A crash before release',
  'The pool may hold two. Readers A and B each crash before returning their book, so neither book ever comes back; from then on every reader is refused. Level 4 guarantees the return.',
  'exhausted',
  { maxSize: 2 },
  [acquire('A'), crash('A'), acquire('B'), crash('B'), acquire('C')],
);

// Level 4: the guaranteed-release block brings the book back (no warning — that is the point),
// then the same crash outside the block leaks it. The story ends on `leaked`.
const withBlock = story(
  'crash-inside-with-level4',
  'level4',
  'A crash inside the safe block',
  'Reader A writes in the book inside the guaranteed-release block and crashes there: the book still comes back, cleaned. Then B borrows it the plain way, finds it blank, and crashes: this time it is lost.',
  'leaked',
  { maxSize: 1 },
  [{ client: 'A', do: 'with', write: 'half a thought', fail: true }, acquire('B'), read('B'), crash('B')],
);

const doubleRelease = onLevels('double-release', ['level1', 'level2', 'level3', 'level4', 'database'], (level) => ({
  title: `One ${thing(level)} returned twice`,
  summary: `Reader A returns its ${thing(level)}, then by mistake returns it again: it stands on the shelf twice. Readers B and C each ask and both are handed the very same ${thing(level)}. No level of the text checks a release.`,
  expect: 'shared-object',
  scenario: {
    level,
    options: smallPool(level, 3),
    seed: 1,
    steps: [
      acquire('A'),
      release('A'),
      release('A', firstLent(level, smallPool(level, 3))),
      acquire('B'),
      acquire('C'),
    ],
  },
}));

// Database: the pool opens with connections 1 and 2 on the shelf; `pop` takes 2 first.
const restart = story(
  'restart-database',
  'database',
  'The database restarts',
  'While Reader A holds a connection, the database restarts and every connection dies. B asks: the shelved one fails SELECT 1, is thrown away and replaced, and B never notices. But A’s connection was out on loan, where no check reaches, and fails as soon as A uses it.',
  'dead-used',
  {},
  [acquire('A'), { do: 'restart' }, acquire('B'), read('B'), read('A')],
);

const discardAll = story(
  'discard-all-database',
  'database',
  'DISCARD ALL clears a setting',
  'Reader A sets the session’s time zone and returns the connection; the desk runs ROLLBACK and DISCARD ALL, so B gets the same connection with no trace of it (on Level 2, B would have read A’s note). Then C sets a time zone and crashes holding the connection: it never reaches the desk, and never comes back.',
  'leaked',
  {},
  [
    acquire('A'),
    write('A', "timezone = 'UTC'"),
    release('A'),
    acquire('B'),
    read('B'),
    acquire('C'),
    write('C', "timezone = 'Asia/Tokyo'"),
    crash('C'),
  ],
);

const capacityLost = story(
  'dies-while-borrowed-database',
  'database',
  'A connection dies while borrowed',
  'The pool may hold two. Reader A’s connection dies while A has it; returning it fails at ROLLBACK, so it is never put back and never counted off. B takes the last one, and C is refused — though only one connection is really in use.',
  'exhausted',
  { maxSize: 2 },
  [acquire('A'), kill(2), release('A'), acquire('B'), acquire('C')],
);

const closeStory = story(
  'close-with-borrowed-database',
  'database',
  'close() with a connection out',
  'Reader A holds a connection when the pool is closed: close() shuts only the shelved one. B then asks the closed pool, which opens a brand-new connection for it; A returns its connection to the shelf of a pool that is closed. At the end two connections are still open.',
  'open-after-close',
  { maxSize: 3 },
  [acquire('A'), { do: 'close' }, acquire('B'), release('A')],
);

const race = story(
  'race-database',
  'database',
  'Four readers at once',
  'The pool may hold two, and two wait on the shelf. Four readers ask at the same instant: two take the shelved connections and wait on SELECT 1 before counting them, so the other two see room and open two more — four connections, twice the maximum.',
  'over-max',
  { maxSize: 2 },
  [acquire('A', 0), acquire('B', 0), acquire('C', 0), acquire('D', 0)],
);

/** Every story, in the order the buttons show them on each level. */
export const STORIES: readonly Story[] = [
  growth,
  ...dirty,
  ...exhaustion,
  ...deadHandout,
  crashLeak,
  withBlock,
  ...doubleRelease,
  restart,
  discardAll,
  capacityLost,
  closeStory,
  race,
];

export function storiesFor(level: LevelId): Story[] {
  return STORIES.filter((s) => s.level === level);
}

export function storyById(id: string): Story | undefined {
  return STORIES.find((s) => s.id === id);
}

// ── the learning path ─────────────────────────────────────────────────────────────────────────

/**
 * What each page of the text's levels says; their order on the path is the registry's. The
 * production page (and the analogy before Level 1) are their own modules.
 */
const PAGES: readonly LevelPage[] = [
  {
    id: 'level1',
    solves: 'Printing a book for every reader is slow; reusing one from the shelf is almost free.',
  },
  {
    id: 'level2',
    solves: 'With no maximum the pool grows forever and eats all memory.',
  },
  {
    id: 'level3',
    solves: 'Without a reset, one reader’s notes reach the next reader.',
  },
  {
    id: 'level4',
    solves: 'A reader who fails before returning loses the book, and the pool slowly runs dry.',
  },
  {
    id: 'database',
    solves: 'Without validation a dead connection is handed to a user; without cleanup connections are never closed.',
  },
];

/** What each page of the text's levels says, in the order of the path. */
export const LEVEL_PAGES: readonly LevelPage[] = [...PAGES].sort((a, b) => LEVELS[a.id].order - LEVELS[b.id].order);

export function levelPageOf(level: LevelId): LevelPage | undefined {
  return LEVEL_PAGES.find((p) => p.id === level);
}

/** The page before a level's on the path, whose code its diff starts from; undefined for the first. */
export function previousPageOf(level: LevelId): LevelPage | undefined {
  const i = LEVEL_PAGES.findIndex((p) => p.id === level);
  return i > 0 ? LEVEL_PAGES[i - 1] : undefined;
}
