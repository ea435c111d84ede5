/**
 * The production pool's six fixes, as the page switches them: the engine's `FIX_NAMES` (the order
 * of the text's table) and `ALL_FIXES`, and what the page does with a set of switches.
 */
import { ALL_FIXES, FIX_NAMES } from '../engine';
import type { FixName, Fixes, Scenario } from '../engine';

export { ALL_FIXES, FIX_NAMES };

/** The scenario with its `fixes` replaced by these (the production page's switches). */
export function withFixes(scenario: Scenario, fixes: Fixes): Scenario {
  return { ...scenario, options: { ...scenario.options, fixes } };
}

/** The fixes switched off, in FIX_NAMES order. */
export function fixesOff(fixes: Partial<Fixes>): FixName[] {
  return FIX_NAMES.filter((f) => fixes[f] === false);
}
