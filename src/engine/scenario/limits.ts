import { MAX_POOL_SIZE, MAX_TIME_MS } from '../levels';
/**
 * Caps that keep a browser tab alive; a scenario past them is refused, not run. The caps on a
 * level's options live with the options (levels/options.ts); they are repeated here by reference.
 */
export const LIMITS = {
  maxPoolSize: MAX_POOL_SIZE,
  maxSteps: 5000,
  maxTimeMs: MAX_TIME_MS,
  maxCostMs: 600_000,
  maxNameLength: 40,
  maxWriteLength: 500,
  /**
   * The largest seed: the generator is seeded with 32 bits, so every larger seed would give the
   * very run of a smaller one. Refused rather than folded, so each accepted seed is its own run.
   */
  maxSeed: 2 ** 32 - 1,
  /** No run has this many moments to choose at; a longer list of choices is not a list of picks. */
  maxChoices: 500,
  /** The highest option number a choice may pick (a moment offers one option per reader ready). */
  maxOption: 99,
} as const;
