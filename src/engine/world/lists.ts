/** A small help with the engine's short lists. */

/**
 * Take out the item at `at` — most often the last (a reader lets go of its newest loan, a call of the
 * object it took last) — making no list of what was taken, as `splice` does.
 */
export function removeAt<T>(list: T[], at: number): void {
  if (at === list.length - 1) list.pop();
  else list.splice(at, 1);
}
