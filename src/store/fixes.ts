/**
 * The production pool's six fixes, as the store and the page name them: the engine's `Fixes` keys
 * in the engine's own order (ALL_FIXES), which is the order of the text's table.
 */
import { ALL_FIXES } from '../engine';
import type { Fixes, Scenario } from '../engine';

export type FixName = keyof Fixes;

/** The fixes in the order the page lists them. */
export const FIX_NAMES = Object.keys(ALL_FIXES) as readonly FixName[];

/** Every fix on. */
export { ALL_FIXES };

/** The scenario with its `fixes` replaced by these (the production page's switches). */
export function withFixes(scenario: Scenario, fixes: Fixes): Scenario {
  return { ...scenario, options: { ...scenario.options, fixes } };
}

/** The fixes switched off, in FIX_NAMES order. */
export function fixesOff(fixes: Partial<Fixes>): FixName[] {
  return FIX_NAMES.filter((f) => fixes[f] === false);
}
