/**
 * Each level page as a lesson in four parts (DESIGN.md, "Lessons"): it works, what will happen?,
 * the fix, and three lines. The content is data; every answer is read from the engine's run of the
 * story it asks about (a step's outcome, the shelf, the connections still open), never typed here,
 * so a story that changes takes its question's answer with it. `src/store/lessons.ts` runs them.
 */
import type { LevelId, LevelOptions, RunResult, Scenario, Step, WarningKind } from '../engine';
import { storyById } from './index';
import type { Story } from './types';

/** One fact of a finished run, in the words a choice shows. */
export type Reading = (run: RunResult) => string;

export interface Question {
  /** The question, asked before the story plays. */
  readonly prompt: string;
  /** Reads the answer from the story's run. */
  readonly answer: Reading;
  /** Candidate wrong answers; any that equals the run's answer is dropped, and three are shown. */
  readonly others: readonly string[];
  /** The scenario step whose outcome holds the answer (the moment a wrong answer links to). */
  readonly step: number;
  /** One sentence on why, shown after a wrong answer; `{answer}` is replaced by the right one. */
  readonly why: string;
}

export interface Lesson {
  readonly level: LevelId;
  /** Part 1: the level on an ordinary day — acquire, use, release, a second reader reusing the object. */
  readonly works: {
    readonly title: string;
    readonly steps: readonly Step[];
    readonly options: LevelOptions;
    /** The options of the level before it, so the two days are compared at the same size. */
    readonly before?: LevelOptions;
  };
  /** Part 2: the failure story and the question asked before it plays. */
  readonly story: Story;
  readonly question: Question;
  /** Part 3: the warning the fix removes; the level that fixes it is the registry's `fixedBy`. */
  readonly fixes: WarningKind;
  /** The fix's scenario: the story's plot on the fixing level (rewritten where the fix is a new way of calling). */
  readonly fix: { readonly title: string; readonly summary: string; readonly scenario: Scenario };
  /** Part 4: what the level still gets wrong (what it adds is the registry's summary). */
  readonly stillWrong: string;
}

// ── readings: facts of a run, in a choice's words ─────────────────────────────────────────────

/** The outcome of the run's step `step`, which must be a `kind` step: a story that moved it fails here, not quietly. */
function outcomeOf(run: RunResult, step: number, kind: Step['do']) {
  const taken = run.steps[step];
  if (!taken) throw new Error(`The run has no step ${step}`);
  if (taken.step.do !== kind) throw new Error(`Step ${step} of the run is ${taken.step.do}, not ${kind}`);
  return taken.outcome;
}

/** What a reader found when it read: the note, or a blank page. */
const readAt =
  (step: number): Reading =>
  (run) => {
    const sees = outcomeOf(run, step, 'read').sees;
    return sees === null || sees === undefined || sees === '' ? 'A blank page' : `“${sees}”`;
  };

/** How an acquire went: refused, made new, or taken from the shelf. */
const acquiredAt =
  (step: number, thing: string): Reading =>
  (run) => {
    const o = outcomeOf(run, step, 'acquire');
    if (o.error === 'exhausted') return 'It is refused: the pool is exhausted';
    if (o.error !== undefined) return `It gets an error (${o.error})`;
    if (o.source === 'created') return `The pool makes a new ${thing} for it`;
    return `It gets a ${thing} from the shelf`;
  };

/** Whether two acquires were handed the same object. */
const sameObject =
  (a: number, b: number, thing: string): Reading =>
  (run) => {
    const x = outcomeOf(run, a, 'acquire').object;
    const y = outcomeOf(run, b, 'acquire').object;
    if (x === undefined || y === undefined) return 'One of them is refused';
    return x === y ? `The very same ${thing}` : `Two different ${thing}s`;
  };

const count = (n: number, thing: string) => `${n} ${thing}${n === 1 ? '' : 's'}`;

/** How many objects stand on the shelf once the run has finished. */
const shelfAtEnd =
  (thing: string): Reading =>
  (run) =>
    count(run.final.pool.available.length, thing);

/** How many objects are open (made and not closed) once the run has finished. */
const openAtEnd =
  (thing: string): Reading =>
  (run) =>
    count(run.final.pool.open, thing);

const counts = (thing: string, ns: readonly number[]) => ns.map((n) => count(n, thing));

// ── the lessons ───────────────────────────────────────────────────────────────────────────────

/** Two readers, one after the other: the second reuses what the first returned. */
const ordinaryDay: readonly Step[] = [
  { client: 'A', do: 'acquire' },
  { client: 'A', do: 'read' },
  { client: 'A', do: 'release' },
  { client: 'B', do: 'acquire' },
  { client: 'B', do: 'read' },
  { client: 'B', do: 'release' },
];

/** A lesson as it is written below: the story by its id, the fix as the level and steps it runs. */
interface Written extends Omit<Lesson, 'works' | 'story' | 'fix'> {
  /** The ordinary day; its steps are `ordinaryDay` unless given. */
  readonly works: Omit<Lesson['works'], 'steps'> & { readonly steps?: readonly Step[] };
  readonly story: string;
  /** The fix on `level` (the registry's fixedBy), with the story's own steps unless given. */
  readonly fix: Omit<Lesson['fix'], 'scenario'> & {
    readonly level: LevelId;
    readonly options: LevelOptions;
    readonly steps?: readonly Step[];
  };
}

function lesson({ works, story: id, fix, ...rest }: Written): Lesson {
  const story = storyById(id);
  if (!story) throw new Error(`No story ${id}`);
  const { level, options, steps, ...words } = fix;
  return {
    ...rest,
    works: { ...works, steps: works.steps ?? ordinaryDay },
    story,
    fix: { ...words, scenario: { level, options, seed: 1, steps: steps ?? story.scenario.steps } },
  };
}

const level1 = lesson({
  level: 'level1',
  works: { title: 'Two readers, one book', options: { size: 1 } },
  story: 'grows-forever-level1',
  question: {
    prompt:
      'Four readers ask at the same instant at a shelf of two books, and then all four return theirs. How many books stand on the shelf at the end?',
    answer: shelfAtEnd('book'),
    others: counts('book', [2, 3, 4, 5]),
    step: 7,
    why: 'The shelf ends with {answer}: the pool printed a book for every reader it could not serve from the shelf, and it keeps every book that comes back.',
  },
  fixes: 'unbounded-growth',
  fix: {
    title: 'The same four readers, with a maximum',
    summary:
      'Level 2 counts the books on loan: with a maximum of two it refuses the third and fourth reader instead of printing.',
    level: 'level2',
    options: { maxSize: 2 },
    steps: [
      ...['A', 'B', 'C', 'D'].map((client): Step => ({ client, do: 'acquire', at: 0 })),
      { client: 'A', do: 'release' },
      { client: 'B', do: 'release' },
    ],
  },
  stillWrong: 'Nothing limits how many books it prints, and it never cleans a book that comes back.',
});

const level2 = lesson({
  level: 'level2',
  works: { title: 'Two readers, one book', options: { minSize: 1, maxSize: 2 }, before: { size: 1 } },
  story: 'dirty-book-level2',
  question: {
    prompt:
      'Reader A writes “timezone = UTC” in its book and returns it. Reader B borrows the book A just returned and reads it. What does B read?',
    answer: readAt(4),
    others: ['A blank page', '“timezone = UTC”', 'Nothing: B is refused'],
    step: 4,
    why: 'B reads {answer}: Level 2 puts a returned book straight back on the shelf, exactly as the last reader left it.',
  },
  fixes: 'dirty-read',
  fix: {
    title: 'The same two readers, with a cleaning desk',
    summary: 'Level 3 cleans every book at the desk on its way back, so B finds the page blank.',
    level: 'level3',
    options: { maxSize: 3 },
  },
  stillWrong: 'It never cleans a returned book, so one reader’s notes reach the next.',
});

const level3 = lesson({
  level: 'level3',
  works: {
    title: 'Two readers, one book, cleaned between them',
    steps: [
      { client: 'A', do: 'acquire' },
      { client: 'A', do: 'use', write: 'timezone = UTC' },
      { client: 'A', do: 'release' },
      { client: 'B', do: 'acquire' },
      { client: 'B', do: 'read' },
      { client: 'B', do: 'release' },
    ],
    options: { maxSize: 2 },
    before: { minSize: 1, maxSize: 2 },
  },
  story: 'crash-leaks-level3',
  question: {
    prompt:
      'The pool may hold two books. Readers A and B each borrow one and crash before returning it. Then Reader C asks. What happens to C?',
    answer: acquiredAt(4, 'book'),
    others: [
      'It is refused: the pool is exhausted',
      'The pool makes a new book for it',
      'It gets a book from the shelf',
      'It waits until a book comes back',
    ],
    step: 4,
    why: 'What happens: {answer}. The pool still counts both crashed readers’ books as on loan, and neither will ever come back.',
  },
  fixes: 'leaked',
  fix: {
    title: 'The same crashes inside the safe block',
    summary:
      'Level 4 lends each book inside a block that always gives it back, even when the reader crashes, so C is served.',
    level: 'level4',
    options: { maxSize: 2 },
    // The fix is a new way of calling: each borrow inside the block.
    steps: [
      { client: 'A', do: 'with', fail: true },
      { client: 'B', do: 'with', fail: true },
      { client: 'C', do: 'acquire' },
    ],
  },
  stillWrong: 'A reader who crashes before returning its book loses it, and the pool slowly runs dry.',
});

const level4 = lesson({
  level: 'level4',
  works: {
    title: 'Two readers in the safe block',
    steps: [
      { client: 'A', do: 'with', write: 'timezone = UTC' },
      { client: 'B', do: 'with' },
    ],
    options: { maxSize: 2 },
  },
  story: 'double-release-level4',
  question: {
    prompt:
      'Reader A returns its book, then by mistake returns it a second time. Readers B and C then ask, one after the other. What are they handed?',
    answer: sameObject(3, 4, 'book'),
    others: ['The very same book', 'Two different books', 'One of them is refused'],
    step: 4,
    why: '{answer}: the second return put the book on the shelf a second time, and nothing checks a return.',
  },
  fixes: 'shared-object',
  fix: {
    title: 'The same mistake on the production pool',
    summary:
      'The production pool checks every return: A’s second return is refused, and B and C get two different connections.',
    level: 'production',
    options: { minSize: 1, maxSize: 3 },
  },
  stillWrong: 'Nothing checks a return: a book returned twice is lent to two readers at once.',
});

const database = lesson({
  level: 'database',
  works: { title: 'Two readers, one connection', options: { maxSize: 2 }, before: { maxSize: 2 } },
  story: 'race-database',
  question: {
    prompt:
      'The pool may hold two connections, and two wait on the shelf. Four readers ask at the same instant. How many connections are open afterwards?',
    answer: openAtEnd('connection'),
    others: counts('connection', [2, 3, 4, 6]),
    step: 3,
    why: '{answer}: the readers who took shelved connections had not counted them yet while they ran SELECT 1, so the others saw room and opened more.',
  },
  fixes: 'over-max',
  fix: {
    title: 'The same four readers on the production pool',
    summary:
      'The production pool counts a connection the moment it takes it (under a lock): two readers are served and two wait in line.',
    level: 'production',
    options: { minSize: 2, maxSize: 2 },
  },
  stillWrong:
    'Readers who ask at the same instant can open more connections than the maximum, and no one waits in line.',
});

/** The lessons, in the order of the path. */
export const LESSONS: readonly Lesson[] = [level1, level2, level3, level4, database];

export function lessonOf(level: LevelId): Lesson | undefined {
  return LESSONS.find((l) => l.level === level);
}
