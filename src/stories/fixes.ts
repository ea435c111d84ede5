/**
 * The text's table "why we add each feature", in our words: one row per fix of the production pool,
 * keyed by the fix's name in scenario files (`fixes.lock`…). The production page draws a switch per
 * row; the callouts name a switch by the same words. Kept apart from the production stories, which
 * bring their scenario files with them, so the callouts can read the names without loading those.
 */
import type { FixName } from '../engine';

export interface FixRow {
  /** The switch's name: the text's row without "No". */
  readonly name: string;
  /** The text's row, in our words. */
  readonly without: string;
  readonly problem: string;
  readonly solution: string;
}

/** Every fix's row; the page lists them in the engine's order of the fixes (FIX_NAMES). */
export const FIX_ROWS: Readonly<Record<FixName, FixRow>> = {
  maxSize: {
    name: 'Max size',
    without: 'No max size',
    problem: 'The pool grows for ever and eats all the memory.',
    solution: 'A maxSize limit; past it, readers wait in line.',
  },
  lock: {
    name: 'Thread safety',
    without: 'No thread safety',
    problem: 'Two readers grab the same object, or the pool makes more than its maximum.',
    solution:
      'No gap between checking and acting: take the book off the shelf, or reserve its place, before anything slow.',
  },
  reset: {
    name: 'Reset',
    without: 'No reset',
    problem: 'What reader A left in the book reaches reader B.',
    solution: 'Clean every book on its way back (ROLLBACK, then DISCARD ALL).',
  },
  validate: {
    name: 'Validation',
    without: 'No validation',
    problem: 'Dead objects are handed to readers.',
    solution: 'Check each one (SELECT 1) before handing it over; throw a dead one away.',
  },
  timeout: {
    name: 'Timeout',
    without: 'No timeout',
    problem: 'Readers wait for ever when the pool is empty.',
    solution: 'Wait at most acquireTimeout, then give up with an error that says what the pool held.',
  },
  cleanup: {
    name: 'Cleanup',
    without: 'No cleanup',
    problem: 'Objects are never properly closed.',
    solution: 'close() closes what is on the shelf now and what is borrowed when it comes back.',
  },
};

/**
 * What the switches mean for a story on the production page, after its summary: which are off,
 * and, when the story's own fix is on, that its problem does not happen (the stories' test holds
 * each story to that) and how to make it happen. `fix` is the story's own fix, or null.
 */
export function switchesSaid(fix: FixName | null, off: readonly FixName[]): string {
  const switched =
    off.length === 0 ? 'Every fix is on.' : `Switched off: ${off.map((f) => FIX_ROWS[f].name).join(', ')}.`;
  if (fix === null || off.includes(fix)) return switched;
  const name = FIX_ROWS[fix].name;
  return `${switched} With ${name} on, this does not happen here: switch ${name} off to watch it happen.`;
}
