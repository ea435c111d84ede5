/**
 * The options a level takes, each with its default and its limits: the one place both live. A
 * scenario file is checked against these (scenario/options.ts), the lab's forms read them, and a level is
 * built from its options with every default filled in.
 */
import { DEFAULT_COSTS, type Costs, type Fixes, type LevelOptions } from '../types';

/** The most objects a size option may ask for: a cap that keeps a browser tab alive. */
export const MAX_POOL_SIZE = 1000;
/** The longest time an option (or a step's `at`) may name, in virtual ms. */
export const MAX_TIME_MS = 1e9;

export type OptionName =
  'size' | 'minSize' | 'maxSize' | 'acquireTimeout' | 'leakThreshold' | 'idleTimeout' | 'maxLifetime' | 'fixes';

/** A count of objects: a whole number from `min` to `max`. */
export interface CountOption {
  readonly kind: 'count';
  readonly default: number;
  readonly min: number;
  readonly max: number;
}

/** A time in virtual ms up to `max`, or null (what null means is `whenNull`). */
export interface TimeOption {
  readonly kind: 'time';
  readonly default: number | null;
  /** Whether 0 is allowed (a timeout of 0 refuses at once; a threshold of 0 makes no sense). */
  readonly zero: boolean;
  readonly max: number;
  readonly whenNull: 'waits forever' | 'off';
}

/** The production pool's switches, each fix on (true) or off. */
export interface FixesOption {
  readonly kind: 'fixes';
  readonly default: Fixes;
}

export type OptionSpec = CountOption | TimeOption | FixesOption;
export type OptionSpecs = { readonly [K in OptionName]?: OptionSpec };

export const count = (dflt: number, min = 0): CountOption => ({
  kind: 'count',
  default: dflt,
  min,
  max: MAX_POOL_SIZE,
});

export const time = (dflt: number | null, whenNull: TimeOption['whenNull'], zero: boolean): TimeOption => ({
  kind: 'time',
  default: dflt,
  zero,
  max: MAX_TIME_MS,
  whenNull,
});

export const fixes = (dflt: Fixes): FixesOption => ({ kind: 'fixes', default: dflt });

/** A level's options with every default filled in: what its `make` is given. */
export type Resolved<S extends OptionSpecs> = {
  readonly [K in keyof S]: S[K] extends { readonly default: infer D } ? D : never;
};

/** The costs of the slow work, every one not given at its default. */
export function resolveCosts(partial: Partial<Costs> | undefined): Costs {
  return { ...DEFAULT_COSTS, ...partial };
}

/** Fill in every default (a `fixes` object given in part keeps the other switches at theirs). */
export function resolve<S extends OptionSpecs>(specs: S, given: LevelOptions): Resolved<S> {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs) as [OptionName, OptionSpec][]) {
    const value = given[name];
    if (spec.kind === 'fixes') out[name] = { ...spec.default, ...given.fixes };
    else out[name] = value === undefined ? spec.default : value;
  }
  return out as Resolved<S>;
}
