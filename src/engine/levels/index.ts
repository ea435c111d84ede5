/**
 * The level registry: the one description of each level that every layer reads — the runner, the
 * scenario checker, the monitor and the CLI here; narration, callouts, the flow chart, the stage,
 * the stories, the routes and the code panel outside. A fact about a level lives here once; code
 * elsewhere asks the registry (`LEVELS[id].lends`) instead of comparing level ids.
 *
 * To add a level: write its class in this folder (it is shown in the code panel as it is), add its
 * id to `LEVEL_IDS` in ../types.ts, and its record in registry.ts.
 */
import type { LevelId, LevelOptions } from '../types';
import type { LevelInfo } from './info';
import { resolve } from './options';
import { LEVELS } from './registry';

export type { LevelInfo, RunnablePool, ThingWords } from './info';
export { MAX_POOL_SIZE, MAX_TIME_MS, resolveCosts } from './options';
export type { CountOption, FixesOption, OptionName, OptionSpec, OptionSpecs, TimeOption } from './options';
export { ALL_FIXES } from './production';
export { LEVELS } from './registry';

/** The level with this id, or undefined for a name that is not one (a file or a link may say anything). */
export function levelInfo(id: string): LevelInfo | undefined {
  return Object.hasOwn(LEVELS, id) ? LEVELS[id as LevelId] : undefined;
}

/** A level's options with every default filled in. */
export function resolveOptions(id: LevelId, options: LevelOptions): LevelOptions {
  return resolve(LEVELS[id].options, options) as LevelOptions;
}

/** The number the monitor holds a level to: its `maxSize`, Level 1's start-up size, or null. */
export function boundOf(id: LevelId, options: LevelOptions): number | null {
  const { bound } = LEVELS[id];
  if (bound === 'none') return null;
  const value = resolveOptions(id, options)[bound];
  return typeof value === 'number' ? value : null;
}

/** How many objects a level makes at start-up with these options. */
export function startSizeOf(id: LevelId, options: LevelOptions): number {
  const { startsWith } = LEVELS[id];
  if (typeof startsWith === 'number') return startsWith;
  const value = resolveOptions(id, options)[startsWith];
  return typeof value === 'number' ? value : 0;
}
