/**
 * For the truth specs: what the engine says at each moment of a story, computed here in Node from
 * the same scenario the page runs, to compare the page with. The Where words and the captions are
 * the store's (the page is checked to draw them, the store's unit tests check them against the
 * world); the lit code lines are found from the level's source by the event's own marker.
 */
import { readFileSync } from 'node:fs';
import { LEVELS, parseScenario, runScenario } from '../src/engine';
import type { PoolEvent, Scenario, World } from '../src/engine';
import { ALL_FIXES, withFixes } from '../src/store/fixes';
import { narrateAll } from '../src/store/narrate';
import { whereOf } from '../src/store/stage';
import { linesForStep, parseSource } from '../src/ui/lib/source';
import type { LevelId } from '../src/engine';

export interface Moment {
  readonly index: number;
  readonly event: PoolEvent;
  readonly world: World;
  readonly caption: string;
  /** Per object id, the Where column's words. */
  readonly where: ReadonlyMap<number, string>;
  /** The code lines the pointer lights (line numbers). */
  readonly lit: readonly number[];
}

export function momentsOf(scenario: Scenario, choices?: readonly number[]): Moment[] {
  const run = runScenario(scenario, choices ? { choices } : {});
  const level: LevelId = scenario.level;
  const source = parseSource(readFileSync(`src/engine/levels/${LEVELS[level].source}`, 'utf8'));
  const captions = narrateAll(run.events, level);
  return run.events.map((event, index) => {
    const world = event.world ?? run.final;
    return {
      index,
      event,
      world,
      caption: captions[index]!,
      where: new Map(world.objects.map((o) => [o.id, whereOf(o)])),
      lit: linesForStep(source, event.line),
    };
  });
}

/**
 * A production story's scenario as the page runs it: the file (scenarios/production-<name>.json,
 * read here because the test runner does not load JSON modules) with every switch on, as the page
 * has them unless the link says otherwise.
 */
export function productionScenario(name: string): Scenario {
  const file = parseScenario(JSON.parse(readFileSync(`scenarios/production-${name}.json`, 'utf8')));
  return withFixes(file.scenario, ALL_FIXES);
}
