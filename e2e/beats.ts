/**
 * What the engine says a story's beats are, for the end-to-end tests to compare the page with:
 * computed here from the story's own scenario, never typed by hand.
 */
import { runScenario, type PoolEvent } from '../src/engine';
import { beatIndexOf, beatsOf, type Beat } from '../src/store/beats';
import { ALL_FIXES, withFixes } from '../src/store/fixes';
import { narrateAll } from '../src/store/narrate';
import { narrateBeats } from '../src/store/narrateBeats';
import { storyById } from '../src/stories';
import { readFileSync } from 'node:fs';
import { parseScenario, type FixName } from '../src/engine';

export interface Told {
  readonly events: readonly PoolEvent[];
  readonly beats: readonly Beat[];
  /** One sentence per beat. */
  readonly sentences: readonly string[];
  /** One sentence per event (line by line). */
  readonly lines: readonly string[];
  /** The beat that holds event `index`. */
  beatOf(index: number): number;
}

function told(events: readonly PoolEvent[], level: Parameters<typeof narrateAll>[1]): Told {
  const beats = beatsOf(events);
  return {
    events,
    beats,
    sentences: narrateBeats(events, beats, level),
    lines: narrateAll(events, level),
    beatOf: (index) => beatIndexOf(beats, index),
  };
}

/** A lab story's beats. */
export function storyBeats(id: string): Told {
  const story = storyById(id);
  if (!story) throw new Error(`no story ${id}`);
  return told(runScenario(story.scenario).events, story.level);
}

/**
 * A production story's beats, from its file in scenarios/ (`production-leak` for the page's "leak"),
 * with the given fixes off and picks, as the page runs it.
 */
export function productionBeats(file: string, off: readonly FixName[] = [], choices: readonly number[] = []): Told {
  const raw: unknown = JSON.parse(readFileSync(new URL(`../scenarios/${file}.json`, import.meta.url), 'utf8'));
  const { scenario } = parseScenario(raw);
  const fixes = { ...ALL_FIXES, ...Object.fromEntries(off.map((f) => [f, false])) };
  return told(runScenario(withFixes(scenario, fixes), { choices }).events, scenario.level);
}
