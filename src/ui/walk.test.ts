/**
 * Every story, walked moment by moment through the lab's own store, the way the page shows it —
 * line by line (every event) and by beats: the table's "Where" column, the stage's drawn copies,
 * the readers' states, the caption and the code pointer must agree with the engine's world at that
 * moment. Each check reads the world directly
 * and compares it with what the store gives the page to draw; a disagreement is listed with the
 * story and the moment, so a failure says where to look.
 */
import { describe, expect, it } from 'vitest';
import type { ObjectView, PlaceName, PoolEvent, World } from '../engine';
import { ALL_FIXES, withFixes } from '../store/fixes';
import { createLabStore, type LabStore } from '../store/labStore';
import { narrateAll } from '../store/narrate';
import { narrateBeats } from '../store/narrateBeats';
import { readersOf, STATE_LABEL } from '../store/readers';
import {
  linesOf,
  selectCodeClient,
  selectCodeStep,
  selectCodeSteps,
  selectCodeStepsClient,
  selectEvent,
  selectWorld,
} from '../store/selectors';
import { drawnOf, whereOf } from '../store/stage';
import { wordsOf } from '../store/levels';
import { STORIES } from '../stories';
import { PRODUCTION_STORIES } from '../stories/production';
import { linesForStep, parseSource } from './lib/source';
import { sourceOf } from './lib/sources';

interface Walk {
  readonly name: string;
  readonly store: LabStore;
}

/**
 * Every story on a store of its own: the lab's stories as the buttons load them, the production
 * page's with its switches as shipped and all on; stepping line by line or by beats.
 */
function walks(lineByLine: boolean): Walk[] {
  const out: Walk[] = [];
  for (const story of STORIES) {
    const store = createLabStore({ stories: STORIES, level: story.level, lineByLine });
    store.getState().actions.loadStory(story.id, { play: false });
    out.push({ name: story.id, store });
  }
  for (const story of PRODUCTION_STORIES) {
    for (const [how, scenario] of [
      ['as written', story.scenario],
      ['every fix on', withFixes(story.scenario, ALL_FIXES)],
    ] as const) {
      const store = createLabStore({ level: story.level, lineByLine });
      const ok = store.getState().actions.loadScenario(scenario, { choices: story.choices ?? [], cursor: 0 });
      if (!ok) throw new Error(`production story ${story.id} (${how}) did not load`);
      out.push({ name: `production ${story.id} (${how})`, store });
    }
  }
  return out;
}

/** The words the Where column must use for each kind of place. */
const PLACE_KEY: Record<PlaceName, RegExp> = {
  press: /being made/,
  shelf: /on the shelf/,
  counter: /at the counter/,
  desk: /at the cleaning desk/,
  hands: /hands/,
  lost: /^lost/,
  bin: /in the bin/,
};

function whereProblems(o: ObjectView): string[] {
  const problems: string[] = [];
  const where = whereOf(o);
  const kinds = new Set(o.places.map((p) => p.at));
  if (o.places.length === 0) problems.push(`object ${o.id} has no place`);
  if ((kinds.has('lost') || kinds.has('bin')) && o.places.length > 1)
    problems.push(`object ${o.id} is lost or binned and somewhere else too`);
  for (const [kind, key] of Object.entries(PLACE_KEY) as [PlaceName, RegExp][]) {
    if (kinds.has(kind) !== key.test(where)) problems.push(`object ${o.id}: Where says "${where}", places ${kind}?`);
  }
  for (const p of o.places) {
    const named = p.at === 'hands' ? p.readers : p.at === 'counter' || p.at === 'desk' ? [p.reader] : [];
    for (const r of named)
      if (r !== null && !where.includes(`Reader ${r}`)) problems.push(`object ${o.id}: Where omits Reader ${r}`);
  }
  return problems;
}

/** The copies the stage draws: one per place (one per holder in hands), each with a layoutId of its own. */
function drawnProblems(world: World): string[] {
  const drawn = drawnOf(world);
  const expected = world.objects.reduce(
    (n, o) => n + o.places.reduce((k, p) => k + (p.at === 'hands' ? p.readers.length : 1), 0),
    0,
  );
  const problems: string[] = [];
  if (drawn.length !== expected) problems.push(`${drawn.length} copies drawn, ${expected} places`);
  if (new Set(drawn.map((d) => d.layoutId)).size !== drawn.length) problems.push('two copies share a layoutId');
  return problems;
}

/** Readers: the card's state is the engine's; the hands drawn are the ones the reader holds. */
function readerProblems(world: World, level: Parameters<typeof wordsOf>[0]): string[] {
  const problems: string[] = [];
  const cards = readersOf(world, wordsOf(level));
  world.clients.forEach((c, i) => {
    const card = cards[i]!;
    if (card.label !== STATE_LABEL[c.state])
      problems.push(`Reader ${c.name}: card says ${card.label}, state ${c.state}`);
    if (c.state === 'waiting' && (c.position === null || !card.detail.includes('in line')))
      problems.push(`Reader ${c.name} waits with no place in line`);
    if ((c.state === 'refused' || c.state === 'timed-out') && c.error === null)
      problems.push(`Reader ${c.name} is ${c.state} with no error`);
    const drawn = [...new Set(card.hands.map((h) => h.object.id))].sort();
    const holds = [...new Set(c.holding)].sort();
    if (drawn.join() !== holds.join())
      problems.push(`Reader ${c.name} holds ${holds.join()} but is drawn with ${drawn.join()}`);
    if (card.doing.includes('holds no') && c.state !== 'idle')
      problems.push(`Reader ${c.name} (${c.state}) looks idle`);
  });
  return problems;
}

const NAMED = /\b(?:Book|Connection) (\d+)\b/g;
const named = (text: string) => [...text.matchAll(NAMED)].map((m) => Number(m[1]));
const objectOf = (world: World, id: number) => world.objects.find((o) => o.id === id);
const at = (o: ObjectView | undefined, kind: PlaceName) => o?.places.some((p) => p.at === kind) ?? false;

/** What the caption claims about the world, checked against it. */
function captionProblems(caption: string, object: number | null, world: World): string[] {
  const problems: string[] = [];
  for (const id of named(caption)) if (!objectOf(world, id)) problems.push(`caption names ${id}, which does not exist`);
  // Each sentence, or each part of one joined by a dash ("… it is dead, … — opening Connection 3 …"),
  // that says "dead" must name only dead objects.
  for (const part of caption.split(/ — |(?<=\.) /))
    if (/\bdead\b/.test(part))
      for (const id of named(part))
        if (objectOf(world, id)?.alive) problems.push(`caption calls ${id} dead; it is alive`);
  if (/\bit is alive\b/.test(caption) && object !== null && !objectOf(world, object)?.alive)
    problems.push('caption calls a dead object alive');
  const got = /Reader (\S+) (?:got|now holds) (?:Book|Connection) (\d+)/.exec(caption);
  if (got) {
    const o = objectOf(world, Number(got[2]));
    if (!o?.places.some((p) => p.at === 'hands' && p.readers.includes(got[1]!)))
      problems.push(`caption: Reader ${got[1]} has ${got[2]}; the world has it ${whereOf(o!)}`);
  }
  const shelved = /(?:Book|Connection) (\d+)(?: [^;:.]* and)? goes on top of the shelf/.exec(caption);
  if (shelved && !at(objectOf(world, Number(shelved[1])), 'shelf'))
    problems.push('caption shelves an object not on the shelf');
  const taken = /takes (?:Book|Connection) (\d+) off the top of the shelf for Reader (\S+?)(?: and runs [^;]*)?;/.exec(
    caption,
  );
  if (taken) {
    const o = objectOf(world, Number(taken[1]));
    if (at(o, 'lost'))
      problems.push(`caption: the pool takes ${taken[1]} for Reader ${taken[2]}; the world has it lost`);
  }
  if (/goes to the cleaning desk/.test(caption) && !at(objectOf(world, object ?? -1), 'desk'))
    problems.push('caption sends an object to the desk; it is not there');
  if (/goes to the bin/.test(caption) && !at(objectOf(world, object ?? -1), 'bin'))
    problems.push('caption bins an object; it is not in the bin');
  if (/comes off the press/.test(caption) && at(objectOf(world, object ?? -1), 'press'))
    problems.push('caption: off the press; the world still has it at the press');
  const lostWith = /(?:Book|Connection) (\d+) is lost with it/.exec(caption);
  if (lostWith && !at(objectOf(world, Number(lostWith[1])), 'lost'))
    problems.push(
      `caption: ${lostWith[1]} is lost; the world has it ${whereOf(objectOf(world, Number(lostWith[1]))!)}`,
    );
  return problems;
}

/** Events that happen in a reader's own hands: the pointer may only light the line that runs the reader's body. */
const IN_HANDS = new Set(['object.written', 'object.read', 'use.failed', 'client.crashed', 'block.failed']);

function pointerProblems(store: LabStore, source: ReturnType<typeof parseSource>): string[] {
  const s = store.getState();
  const e = selectEvent(s);
  const step = selectCodeStep(s);
  const problems: string[] = [];
  if (step !== e.line) problems.push(`pointer shows ${step}, the event ran ${e.line}`);
  for (const part of step === null ? [] : linesOf(step))
    if (linesForStep(source, part).length === 0) problems.push(`no line carries ${part}`);
  // The reader whose code runs the line: the pool's own leak check runs in the pool's background
  // work, whoever it suspects (its event names the borrower).
  const runner = e.type === 'leak.suspected' ? null : e.client;
  if (step !== null && selectCodeClient(s) !== runner) problems.push('pointer names the wrong reader');
  if (step !== null && IN_HANDS.has(e.type) && !/\.(body|set)$/.test(step))
    problems.push(`${e.type} lights ${step}: not the reader's body`);
  return problems;
}

/** An object drawn lost has been reported lost by the monitor (its warning follows the event that lost it). */
function lostProblems(store: LabStore, world: World): string[] {
  const s = store.getState();
  const said = new Set(
    s.warnings
      .filter((w) => w.index <= s.cursor + 1 && (w.warning === 'leaked' || w.warning === 'capacity-lost'))
      .map((w) => w.object),
  );
  return world.objects
    .filter((o) => at(o, 'lost') && !said.has(o.id))
    .map((o) => `object ${o.id} is drawn lost with no leaked or capacity-lost warning for it`);
}

/**
 * A reader refused or timed out stays so, with its error, until its next action: never idle
 * ("holds no book") while the narration says it was turned away.
 */
function turnedAway(events: readonly PoolEvent[], upTo: number): Map<string, 'refused' | 'timed-out'> {
  const out = new Map<string, 'refused' | 'timed-out'>();
  for (let i = 0; i <= upTo; i++) {
    const e = events[i]!;
    if (e.client === null) continue;
    if (e.type === 'step.started') out.delete(e.client);
    if (e.type === 'step.finished' && (e.outcome.error === 'exhausted' || e.outcome.error === 'closed'))
      out.set(e.client, 'refused');
    if (e.type === 'step.finished' && e.outcome.error === 'timeout') out.set(e.client, 'timed-out');
  }
  return out;
}

function turnedAwayProblems(events: readonly PoolEvent[], i: number, world: World): string[] {
  const problems: string[] = [];
  for (const [name, state] of turnedAway(events, i)) {
    const c = world.clients.find((x) => x.name === name);
    if (c?.state !== state) problems.push(`Reader ${name} was ${state} and shows ${c?.state ?? 'nothing'}`);
    else if (c.error === null) problems.push(`Reader ${name} is ${state} with no error shown`);
  }
  return problems;
}

describe('every story, moment by moment', () => {
  for (const { name, store } of walks(true)) {
    it(`${name}: the table, the stage, the caption and the code pointer agree with the world`, () => {
      const s0 = store.getState();
      const level = s0.level;
      const source = parseSource(sourceOf(level) ?? '');
      const captions = narrateAll(s0.run.events, level);
      const problems: string[] = [];
      for (let i = 0; i < s0.run.events.length; i++) {
        store.getState().actions.seek(i);
        const s = store.getState();
        const world = selectWorld(s);
        const e = selectEvent(s);
        const found = [
          ...world.objects.flatMap(whereProblems),
          ...drawnProblems(world),
          ...readerProblems(world, level),
          ...captionProblems(captions[i]!, e.object, world),
          ...pointerProblems(store, source),
          ...lostProblems(store, world),
          ...turnedAwayProblems(s.run.events, i, world),
        ];
        for (const p of found) problems.push(`moment ${i} (${e.type}: “${captions[i]}”): ${p}`);
      }
      expect(problems).toEqual([]);
    });
  }
});

/** The beat's code pointer: every line its events ran is lit, each by a line that carries it, and a use lights no acquire. */
function beatPointerProblems(
  store: LabStore,
  source: ReturnType<typeof parseSource>,
  events: readonly PoolEvent[],
  op: string | null,
): string[] {
  const s = store.getState();
  const steps = selectCodeSteps(s);
  const problems: string[] = [];
  for (const e of events)
    if (e.line !== null && e.type !== 'monitor.warned' && !linesOf(e.line).every((l) => steps.includes(l)))
      problems.push(`${e.line} ran and is not lit`);
  for (const step of steps) if (linesForStep(source, step).length === 0) problems.push(`no line carries ${step}`);
  const ran = events.find((e) => e.line !== null && e.type !== 'monitor.warned');
  const client = ran === undefined || ran.type === 'leak.suspected' ? null : ran.client;
  if (steps.length > 0 && selectCodeStepsClient(s) !== client) problems.push('pointer names the wrong reader');
  if (op === 'use' && steps.some((step) => step.startsWith('acquire.'))) problems.push(`a use lights ${steps.join()}`);
  return problems;
}

describe('every story, beat by beat', () => {
  for (const { name, store } of walks(false)) {
    it(`${name}: each beat's world, caption and lit lines agree with the engine`, () => {
      const s0 = store.getState();
      const level = s0.level;
      const source = parseSource(sourceOf(level) ?? '');
      const captions = narrateBeats(s0.run.events, s0.beats, level);
      const problems: string[] = [];
      s0.beats.forEach((b, k) => {
        store.getState().actions.seekMoment(k);
        const s = store.getState();
        if (s.cursor !== b.last) problems.push(`beat ${k}: the cursor is at ${s.cursor}, not ${b.last}`);
        const world = selectWorld(s);
        const own = s.run.events.slice(b.first, b.last + 1);
        const object = own.findLast((e) => e.object !== null && e.type !== 'monitor.warned')?.object ?? null;
        const found = [
          ...world.objects.flatMap(whereProblems),
          ...drawnProblems(world),
          ...readerProblems(world, level),
          ...captionProblems(captions[k]!, object, world),
          ...beatPointerProblems(store, source, own, b.op),
          ...lostProblems(store, world),
          ...turnedAwayProblems(s.run.events, b.last, world),
        ];
        for (const p of found) problems.push(`beat ${k} (events ${b.first}–${b.last}: “${captions[k]}”): ${p}`);
      });
      expect(problems).toEqual([]);
    });
  }
});
