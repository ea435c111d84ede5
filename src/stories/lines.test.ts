/**
 * The code pointer, story by story: every story (every level, the production page's included, run
 * as its file has it and with every fix on) walked event by event, each event's code line checked
 * against the operation that produced it. The level sources are read as the code panel shows them:
 * which method each `// @step` line sits in, and which methods each method calls.
 *
 * - A line is a marker of the level's source.
 * - An event of a step that calls no pool method (use, read, fail, kill, restart) carries no line,
 *   and neither does a step's start or end.
 * - An event of an acquire or a release carries a line of that method or of one it calls.
 * - An event inside a guaranteed-release block (the reader has the object: handed it, writing,
 *   failing) carries a line of the block's own method; its acquire and release, lines of those.
 * - A warning carries the line of the event it follows.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ALL_FIXES,
  innermostLine,
  LEVELS,
  linesOf,
  runScenario,
  type LevelId,
  type PoolEvent,
  type RunResult,
  type StepKind,
} from '../engine';
import { STORIES } from '.';
import { PRODUCTION_STORIES } from './production';

interface Source {
  readonly markers: ReadonlySet<string>;
  /** Each method and the methods it calls (`this.name(`). */
  readonly calls: ReadonlyMap<string, ReadonlySet<string>>;
  /** The guaranteed-release method: the one that takes a `body`. */
  readonly block: string | null;
}

function sourceOf(level: LevelId): Source {
  const text = readFileSync(new URL(`../engine/levels/${LEVELS[level].source}`, import.meta.url), 'utf8');
  const markers = new Set([...text.matchAll(/\/\/ @step ([\w.]+)\s*$/gm)].map((m) => m[1]!));
  const calls = new Map<string, Set<string>>();
  let block: string | null = null;
  let method: Set<string> | null = null;
  for (const line of text.split('\n')) {
    const head = /^ {2}(?:(?:private|protected|public|override) )*\*?(\w+)(?:<[^>]*>)?\((.*)/.exec(line);
    if (head && head[1] !== 'constructor') {
      method = new Set();
      calls.set(head[1]!, method);
      if (/\bbody\b/.test(head[2]!)) block = head[1]!;
    }
    if (method) for (const m of line.matchAll(/this\.(\w+)\(/g)) method.add(m[1]!);
  }
  return { markers, calls, block };
}

/** A method and every method it calls, directly or not. */
function reach(source: Source, from: string): Set<string> {
  const seen = new Set<string>([from]);
  const todo = [from];
  while (todo.length > 0) {
    for (const next of source.calls.get(todo.pop()!) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        todo.push(next);
      }
    }
  }
  return seen;
}

const methodOf = (line: string) => line.slice(0, line.indexOf('.'));

/** Events inside a guaranteed-release block's body: the reader has the object. */
const IN_BODY = new Set(['object.acquired', 'block.entered', 'block.failed', 'object.written', 'use.failed']);
const NO_POOL_CALL: readonly StepKind[] = ['use', 'read', 'fail', 'kill', 'restart'];

/** Every problem with the lines of one run, as sentences (empty when there is none). */
function lineProblems(level: LevelId, r: RunResult): string[] {
  const source = sourceOf(level);
  const problems: string[] = [];
  const doing = new Map<string, StepKind>();
  let previous: PoolEvent | null = null;
  r.events.forEach((e, i) => {
    // The line that ran (the checks below are about it), after the lines that called it.
    const line = e.line === null ? null : innermostLine(e.line);
    const say = (what: string) =>
      problems.push(`event ${i} (${e.type} by ${e.client ?? 'nobody'}, line ${e.line}): ${what}`);
    for (const part of e.line === null ? [] : linesOf(e.line))
      if (!source.markers.has(part)) say(`no // @step marker has the line ${part}`);
    if (e.type === 'monitor.warned') {
      if (e.line !== null && e.line !== previous?.line)
        say(`a warning carries another line than its event's (${previous?.line})`);
      return;
    }
    previous = e;
    if (e.type === 'step.started' || e.type === 'step.finished') {
      if (line !== null) say('a step starts and ends outside the pool');
      if (e.client !== null) {
        if (e.type === 'step.started') doing.set(e.client, e.do);
        else doing.delete(e.client);
      }
      return;
    }
    if (e.type === 'object.killed' || e.type === 'server.restarted') {
      if (line !== null) say('the world, not the pool, did this');
      return;
    }
    if (e.type === 'leak.suspected') {
      if (line === null || methodOf(line) !== 'reportLeak') say('the leak report is its own method');
      return;
    }
    const step = e.client === null ? undefined : doing.get(e.client);
    if (step === undefined) return; // the pool's own work: start-up, a step without a reader, background tasks
    if (NO_POOL_CALL.includes(step)) {
      if (line !== null) say(`a "${step}" step calls no pool method`);
      return;
    }
    if (line === null) return;
    const method = methodOf(line);
    if (step === 'acquire' || step === 'release') {
      if (!reach(source, step).has(method)) say(`not a line of ${step} or of a method it calls`);
      return;
    }
    if (step === 'with') {
      const inBody =
        IN_BODY.has(e.type) ||
        (e.type === 'statement.started' || e.type === 'statement.finished' ? e.sql.startsWith('SET ') : false);
      if (inBody && method !== source.block) say(`inside the block: a line of ${source.block}`);
      if (!inBody && !reach(source, source.block ?? '').has(method))
        say(`not a line of ${source.block} or of a method it calls`);
    }
  });
  return problems;
}

/** Every story as the lab runs it: the production page's as their files have them, and with every fix on. */
const runs = [
  ...STORIES.map((s) => ({ name: s.id, level: s.level, run: () => runScenario(s.scenario) })),
  ...PRODUCTION_STORIES.flatMap((s) => {
    const picks = s.choices ? { choices: s.choices } : {};
    const allOn = { ...s.scenario, options: { ...s.scenario.options, fixes: ALL_FIXES } };
    return [
      { name: `production/${s.id}`, level: s.level, run: () => runScenario(s.scenario, picks) },
      { name: `production/${s.id}, every fix on`, level: s.level, run: () => runScenario(allOn, picks) },
    ];
  }),
];

describe('the code pointer', () => {
  it.each(runs)('$name: every event carries a line of the operation that produced it', ({ level, run }) => {
    const r = run();
    expect(r.error).toBeNull();
    expect(r.events.some((e) => e.line !== null)).toBe(true);
    expect(lineProblems(level, r)).toEqual([]);
  });

  it('lights the block, not the acquire, when Reader A writes inside the safe block (Level 4)', () => {
    const story = STORIES.find((s) => s.id === 'crash-inside-with-level4')!;
    const written = runScenario(story.scenario).events.find((e) => e.type === 'object.written')!;
    expect(written.line).toBe('get.body');
  });

  it('lights a marked line for a reader’s SET inside the block on every level that lends connections', () => {
    for (const level of Object.values(LEVELS).filter((l) => l.lends === 'connection' && l.steps.includes('with'))) {
      const r = runScenario({
        level: level.id,
        options: {},
        seed: 1,
        steps: [{ client: 'A', do: 'with', write: 'tz=UTC' }],
      });
      const set = r.events.find((e) => e.type === 'statement.started' && e.sql.startsWith('SET '))!;
      expect(sourceOf(level.id).markers, level.id).toContain(set.line);
      expect(lineProblems(level.id, r)).toEqual([]);
    }
  });

  it('finds a line from the wrong operation (the test can fail)', () => {
    const story = STORIES.find((s) => s.id === 'crash-inside-with-level4')!;
    const r = runScenario(story.scenario);
    const k = r.events.findIndex((e) => e.type === 'object.written');
    const broken = { ...r, events: r.events.map((e, i) => (i === k ? { ...e, line: 'acquire.create' as const } : e)) };
    expect(lineProblems('level4', broken)).toEqual([
      `event ${k} (object.written by A, line acquire.create): inside the block: a line of get`,
    ]);
  });
});
