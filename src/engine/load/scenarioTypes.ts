/** What a load file says, as types only (spec.ts checks it; the work estimate reads it). */
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
