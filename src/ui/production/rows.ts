/**
 * The text's table "why we add each feature", row by row: the switch that turns each fix off, the
 * problem it then lets back in, and the scenario buttons that make that problem happen. The
 * scenarios are the very files the CLI runs (scenarios/production-*.json); the page sets their
 * `fixes` from the switches.
 */
import type { Fixes } from '../../engine';
import interleave from '../../../scenarios/production-interleave.json';
import leak from '../../../scenarios/production-leak.json';
import noCleanup from '../../../scenarios/production-no-cleanup.json';
import noMaxsize from '../../../scenarios/production-no-maxsize.json';
import noReset from '../../../scenarios/production-no-reset.json';
import noTimeout from '../../../scenarios/production-no-timeout.json';
import noValidate from '../../../scenarios/production-no-validate.json';
import queue from '../../../scenarios/production-queue.json';
import raceOverMax from '../../../scenarios/production-race-over-max.json';
import raceSameBook from '../../../scenarios/production-race-same-book.json';

export type FixName = keyof Fixes;

export const FIX_NAMES: readonly FixName[] = ['maxSize', 'lock', 'reset', 'validate', 'timeout', 'cleanup'];

export const ALL_ON: Fixes = { maxSize: true, lock: true, reset: true, validate: true, timeout: true, cleanup: true };

export interface ScenarioButton {
  /** Url-safe id. */
  readonly id: string;
  /** The button's label. */
  readonly label: string;
  /** What to look at once it has run. */
  readonly look: string;
  /** The fix whose row it belongs to (null: not a row's problem). */
  readonly fix: FixName | null;
  readonly file: unknown;
}

export interface Row {
  readonly fix: FixName;
  /** The switch's name: the text's row without "No". */
  readonly name: string;
  /** The text's row, in our words. */
  readonly without: string;
  readonly problem: string;
  readonly solution: string;
  readonly scenarios: readonly ScenarioButton[];
}

export const ROWS: readonly Row[] = [
  {
    fix: 'maxSize',
    name: 'Max size',
    without: 'No max size',
    problem: 'The pool grows for ever and eats all the memory.',
    solution: 'A maxSize limit; past it, readers wait in line.',
    scenarios: [
      {
        id: 'grows',
        label: 'The pool grows without bound',
        look: 'Eight readers arrive at once with maxSize 3. Watch the memory gauge.',
        fix: 'maxSize',
        file: noMaxsize,
      },
    ],
  },
  {
    fix: 'lock',
    name: 'Thread safety',
    without: 'No thread safety',
    problem: 'Two readers grab the same object, or the pool makes more than its maximum.',
    solution:
      'No gap between checking and acting: take the book off the shelf, or reserve its place, before anything slow.',
    scenarios: [
      {
        id: 'same-book',
        label: 'Two readers get the same book',
        look: 'A and B both look at the top of the shelf while its check is under way.',
        fix: 'lock',
        file: raceSameBook,
      },
      {
        id: 'over-max',
        label: 'Creating past the maximum',
        look: 'Four readers find room for two, and all four start printing.',
        fix: 'lock',
        file: raceOverMax,
      },
      {
        id: 'pick-order',
        label: 'Pick the order yourself',
        look: 'At 102 ms, A finishes its check just as B arrives. Choose who runs first under "Who runs next?".',
        fix: 'lock',
        file: interleave,
      },
    ],
  },
  {
    fix: 'reset',
    name: 'Reset',
    without: 'No reset',
    problem: 'What reader A left in the book reaches reader B.',
    solution: 'Clean every book on its way back (ROLLBACK, then DISCARD ALL).',
    scenarios: [
      {
        id: 'dirty',
        label: 'A dirty book',
        look: 'A sets role=admin and gives the connection back; B reads it.',
        fix: 'reset',
        file: noReset,
      },
    ],
  },
  {
    fix: 'validate',
    name: 'Validation',
    without: 'No validation',
    problem: 'Dead objects are handed to readers.',
    solution: 'Check each one (SELECT 1) before handing it over; throw a dead one away.',
    scenarios: [
      {
        id: 'dead',
        label: 'A dead connection handed out',
        look: 'The server restarts; then A asks for a connection.',
        fix: 'validate',
        file: noValidate,
      },
    ],
  },
  {
    fix: 'timeout',
    name: 'Timeout',
    without: 'No timeout',
    problem: 'Readers wait for ever when the pool is empty.',
    solution: 'Wait at most acquireTimeout, then give up with an error that says what the pool held.',
    scenarios: [
      {
        id: 'forever',
        label: 'A reader waits for ever',
        look: 'A crashed holding one connection and C keeps the other; B queues.',
        fix: 'timeout',
        file: noTimeout,
      },
    ],
  },
  {
    fix: 'cleanup',
    name: 'Cleanup',
    without: 'No cleanup',
    problem: 'Objects are never properly closed.',
    solution: 'close() closes what is on the shelf now and what is borrowed when it comes back.',
    scenarios: [
      {
        id: 'shutdown',
        label: 'Objects never closed after shutdown',
        look: 'The pool is closed while A holds a connection; then A gives it back.',
        fix: 'cleanup',
        file: noCleanup,
      },
    ],
  },
];

export const MORE: readonly ScenarioButton[] = [
  {
    id: 'queue',
    label: 'Waiting in line',
    look: 'Five readers, two connections: first come, first served; two give up at 300 ms.',
    fix: null,
    file: queue,
  },
  {
    id: 'leak',
    label: 'A leak, traced to its borrower',
    look: 'A crashes holding a connection; after leakThreshold the ledger flags it.',
    fix: null,
    file: leak,
  },
];

export const ALL_SCENARIOS: readonly ScenarioButton[] = [...ROWS.flatMap((r) => r.scenarios), ...MORE];

export function scenarioById(id: string): ScenarioButton | undefined {
  return ALL_SCENARIOS.find((s) => s.id === id);
}

export function rowOf(fix: FixName): Row {
  return ROWS.find((r) => r.fix === fix)!;
}

/** The scenario file with its `fixes` replaced by the switches'. */
export function withFixes(file: unknown, fixes: Fixes): unknown {
  const f = file as { options?: Record<string, unknown> };
  return { ...f, options: { ...f.options, fixes } };
}
