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
} as const;
