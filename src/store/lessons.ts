/**
 * The lessons, run: each question's choices with the answer read from the engine's run of its
 * story (never typed by hand), the moment a wrong answer links to, and what a level saves over the
 * one before it on an ordinary day, measured by running both.
 */
import { LEVEL_IDS, LEVELS, runScenario } from '../engine';
import type { LevelId, RunResult, Scenario, Step } from '../engine';
import { lessonOf, LESSONS } from '../stories/lessons';
import { LESSON_LEVELS } from './path';
import { andList } from './format';
import type { Lesson } from '../stories/lessons';

export { LESSONS, lessonOf, LESSON_LEVELS };
export type { Lesson };

export interface AskedQuestion {
  readonly prompt: string;
  /** The choices, in a fixed order that gives nothing away (numbers in order, words alphabetically). */
  readonly choices: readonly string[];
  readonly answer: string;
  /** The timeline moment (event index in the story's recorded run) where the answer happens. */
  readonly moment: number;
  /** Why the answer is what it is, for a wrong answer. */
  readonly why: string;
}

const byText = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/** At most four choices: the run's answer and the first wrong ones that differ from it. */
export function choicesFor(answer: string, others: readonly string[]): string[] {
  const wrong = [...new Set(others)].filter((o) => o !== answer).slice(0, 3);
  return [answer, ...wrong].sort(byText);
}

function momentOf(run: RunResult, step: number): number {
  const i = run.events.findIndex((e) => e.type === 'step.finished' && e.index === step);
  return i < 0 ? run.events.length - 1 : i;
}

export function askQuestion(lesson: Lesson): AskedQuestion {
  const run = runScenario(lesson.story.scenario);
  const answer = lesson.question.answer(run);
  return {
    prompt: lesson.question.prompt,
    choices: choicesFor(answer, lesson.question.others),
    answer,
    moment: momentOf(run, lesson.question.step),
    why: lesson.question.why.replace('{answer}', answer),
  };
}

/** The level before this one on the path (the analogy's "no pool" before Level 1). */
export function previousLevel(level: LevelId): LevelId | undefined {
  const order = [...LEVEL_IDS].sort((a, b) => LEVELS[a].order - LEVELS[b].order);
  const i = order.indexOf(level);
  return i > 0 ? order[i - 1] : undefined;
}

export interface Day {
  readonly level: LevelId;
  /** Objects made over the ordinary day. */
  readonly made: number;
  /** Virtual milliseconds the day took. */
  readonly ms: number;
}

/** The ordinary day of a lesson as a scenario on `level` (its own options where it is the lesson's level). */
export function worksScenario(lesson: Lesson, level: LevelId = lesson.level): Scenario {
  const options = level === lesson.level ? lesson.works.options : (lesson.works.before ?? {});
  return { level, options, seed: 1, steps: lesson.works.steps };
}

/**
 * What the level saves on an ordinary day: the same steps run on this level and on the one before
 * it, at the same size. Where the level before cannot take the day's steps (Level 4's safe block on
 * Level 3) or lends another kind of thing (books before connections) there is no comparison.
 */
export function savings(lesson: Lesson): { readonly now: Day; readonly before: Day | null } {
  const day = (level: LevelId): Day => {
    const run = runScenario(worksScenario(lesson, level), { record: false });
    return { level, made: run.final.pool.created, ms: run.time };
  };
  const prev = previousLevel(lesson.level);
  const plain = lesson.works.steps.every((s) => LEVELS[prev ?? lesson.level].steps.includes(s.do));
  const alike = prev !== undefined && LEVELS[prev].words.thing === LEVELS[lesson.level].words.thing;
  return { now: day(lesson.level), before: prev && plain && alike ? day(prev) : null };
}

/**
 * The ordinary day told from its own steps, reader by reader: "Reader A borrows a book, writes
 * “timezone = UTC” in it and returns it; then Reader B borrows the book A returned, reads it and
 * returns it." (It was one fixed sentence, which said "reads" on levels whose day writes.)
 */
export function dayInWords(steps: readonly Step[], thing: string): string {
  const readers: { name: string; did: string[] }[] = [];
  for (const step of steps) {
    const name = step.client ?? 'someone';
    let reader = readers.at(-1);
    if (reader?.name !== name) readers.push((reader = { name, did: [] }));
    const first = reader.did.length === 0;
    const it = first ? (readers.length > 1 ? `the ${thing} ${readers.at(-2)!.name} returned` : `a ${thing}`) : 'it';
    switch (step.do) {
      case 'acquire':
        reader.did.push(`borrows ${it}`);
        break;
      case 'use':
        reader.did.push(step.write === undefined ? `uses ${it}` : `writes “${step.write}” in ${it}`);
        break;
      case 'read':
        reader.did.push(`reads ${it}`);
        break;
      case 'release':
        reader.did.push(`returns ${it}`);
        break;
      case 'with':
        reader.did.push(
          `borrows ${it} in the safe block` +
            (step.write === undefined ? '' : `, writes “${step.write}” in it`) +
            ', and the block returns it',
        );
        break;
      default:
        reader.did.push(step.do);
    }
  }
  const told = readers.map(({ name, did }) => `Reader ${name} ${andList(did)}`);
  return `${told.join('; then ')}.`;
}

/** What the level saves over the one before on that day: objects not made, milliseconds not spent (negative: more). */
export function difference(now: Day, before: Day): { readonly made: number; readonly ms: number } {
  return { made: before.made - now.made, ms: before.ms - now.ms };
}

/** The level whose code fixes the lesson's warning (the registry's `fixedBy`). */
export const fixLevelOf = (lesson: Lesson): LevelId | undefined => LEVELS[lesson.level].fixedBy[lesson.fixes];

/** Where "Next lesson" goes from a lesson: the next on the path, after the last the level that fixes it. */
export function nextStop(level: LevelId): LevelId | undefined {
  const i = LESSON_LEVELS.indexOf(level);
  const lesson = lessonOf(level);
  if (i < 0 || !lesson) return undefined;
  return LESSON_LEVELS[i + 1] ?? fixLevelOf(lesson);
}

/** The lesson before this one on the path, if any. */
export const previousLesson = (level: LevelId): LevelId | undefined => {
  const i = LESSON_LEVELS.indexOf(level);
  return i > 0 ? LESSON_LEVELS[i - 1] : undefined;
};
