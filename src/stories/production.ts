/**
 * The production page's stories: for each row of the text's table (fixes.ts), the scenarios that
 * make its problem happen, and two more of the pool at work. Each is the very file the CLI runs
 * (scenarios/production-*.json), with its row's fix switched off in the file; the page replaces the
 * file's `fixes` with its switches.
 *
 * Like every story, each promises the warning its run ends on, and a test holds it to that
 * (index.test.ts) — with its fix off as in the file, and gone once the fix is back on. One story
 * is a race the learner makes by picking who runs next: in the scheduler's own order nothing goes
 * wrong, so it names the picks (`choices`) under which it ends on its warning.
 */
import { FIX_NAMES, parseScenario } from '../engine';
import type { FixName, Scenario, WarningKind } from '../engine';
import interleave from '../../scenarios/production-interleave.json';
import leak from '../../scenarios/production-leak.json';
import noCleanup from '../../scenarios/production-no-cleanup.json';
import noMaxsize from '../../scenarios/production-no-maxsize.json';
import noReset from '../../scenarios/production-no-reset.json';
import noTimeout from '../../scenarios/production-no-timeout.json';
import noValidate from '../../scenarios/production-no-validate.json';
import queue from '../../scenarios/production-queue.json';
import raceOverMax from '../../scenarios/production-race-over-max.json';
import raceSameBook from '../../scenarios/production-race-same-book.json';
import { FIX_ROWS, type FixRow } from './fixes';
import type { ProductionStory } from './types';

function story(
  id: string,
  fix: FixName | null,
  title: string,
  summary: string,
  expect: WarningKind,
  file: unknown,
  choices?: readonly number[],
): ProductionStory {
  // The files are checked as any scenario file is; a bad one fails here, and the stories' test says so.
  const scenario: Scenario = parseScenario(file).scenario;
  return { id, level: scenario.level, title, summary, expect, scenario, fix, ...(choices ? { choices } : {}) };
}

/** Every production story, in the order of the switchboard: the rows' first, then the others. */
export const PRODUCTION_STORIES: readonly ProductionStory[] = [
  story(
    'grows',
    'maxSize',
    'The pool grows without bound',
    'Eight readers arrive at once with maxSize 3. Watch the memory gauge.',
    'unbounded-growth',
    noMaxsize,
  ),
  story(
    'same-book',
    'lock',
    'Two readers get the same book',
    'A and B both look at the top of the shelf while its check is under way.',
    'dirty-read',
    raceSameBook,
  ),
  story(
    'over-max',
    'lock',
    'Creating past the maximum',
    'Four readers find room for two, and all four start printing.',
    'over-max',
    raceOverMax,
  ),
  story(
    'pick-order',
    'lock',
    'Pick the order yourself',
    'At 102 ms, A finishes its check just as B arrives. Choose who runs first under "Who runs next?".',
    'dirty-read',
    interleave,
    [1],
  ),
  story(
    'dirty',
    'reset',
    'A dirty book',
    'A sets role=admin and gives the connection back; B reads it.',
    'dirty-read',
    noReset,
  ),
  story(
    'dead',
    'validate',
    'A dead connection handed out',
    'The server restarts; then A asks for a connection.',
    'dead-used',
    noValidate,
  ),
  story(
    'forever',
    'timeout',
    'A reader waits for ever',
    'A crashed holding one connection and C keeps the other; B queues.',
    'waiting-forever',
    noTimeout,
  ),
  story(
    'shutdown',
    'cleanup',
    'Objects never closed after shutdown',
    'The pool is closed while A holds a connection; then A gives it back.',
    'open-after-close',
    noCleanup,
  ),
  story(
    'queue',
    null,
    'Waiting in line',
    'Five readers, two connections: first come, first served; two give up after waiting 300 ms.',
    'timeout',
    queue,
  ),
  story(
    'leak',
    null,
    'A leak, traced to its borrower',
    'A crashes holding a connection; after leakThreshold the ledger flags it.',
    'leak-suspected',
    leak,
  ),
];

/** One row of the switchboard: the fix, its words, and its stories. */
export interface ProductionRow extends FixRow {
  readonly fix: FixName;
  readonly stories: readonly ProductionStory[];
}

/** The table's rows in the engine's order of the fixes (FIX_NAMES), each with the stories that make its problem happen. */
export const PRODUCTION_ROWS: readonly ProductionRow[] = FIX_NAMES.map((fix) => ({
  fix,
  ...FIX_ROWS[fix],
  stories: PRODUCTION_STORIES.filter((s) => s.fix === fix),
}));

/** The stories of no row: the pool at work with every fix on. */
export const MORE_PRODUCTION_STORIES: readonly ProductionStory[] = PRODUCTION_STORIES.filter((s) => s.fix === null);

export function productionStoryById(id: string): ProductionStory | undefined {
  return PRODUCTION_STORIES.find((s) => s.id === id);
}
