/**
 * The words of a load run: what a file's `load` object holds and the scenario it belongs to. Kept
 * apart from spec.ts (the checks and caps) so the work estimator can name them without importing
 * the checks that call it.
 */
import type { LevelOptions } from '../types';

export type HoldDistribution = 'exponential' | 'fixed';

/** A load file's `load` object (checked by the file format's schema, scenario/load.ts). */
export interface LoadSpec {
  readonly arrivalsPerSecond: number;
  readonly holdMs: number;
  readonly hold: HoldDistribution;
  readonly arrivals: number;
}

export interface LoadScenario {
  readonly level: 'production';
  readonly options: LevelOptions;
  readonly seed: number;
  readonly load: LoadSpec;
}
