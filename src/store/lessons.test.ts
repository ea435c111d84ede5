import { describe, expect, it } from 'vitest';
import { runScenario } from '../engine';
import type { RunResult, WarningKind } from '../engine';
import {
  askQuestion,
  choicesFor,
  dayInWords,
  difference,
  fixLevelOf,
  LESSONS,
  savings,
  worksScenario,
} from './lessons';

const warningsOf = (run: RunResult): WarningKind[] => [...run.steps.flatMap((s) => s.warnings), ...run.warnings];

describe.each(LESSONS.map((l) => [l.level, l] as const))('the %s lesson', (_, lesson) => {
  it('asks a question whose answer is read from its story’s run, with no wrong choice equal to it', () => {
    const q = askQuestion(lesson);
    expect(q.choices).toContain(q.answer);
    expect(q.choices.length).toBeGreaterThanOrEqual(3);
    expect(q.choices.length).toBeLessThanOrEqual(4);
    expect(new Set(q.choices).size).toBe(q.choices.length);
    expect(q.choices.filter((c) => c === q.answer)).toHaveLength(1);
    // The answer is what the reading finds in the run, and the run is the story's own.
    expect(q.answer).toBe(lesson.question.answer(runScenario(lesson.story.scenario, { record: false })));
    expect(q.why).toContain(q.answer);
    expect(q.why).not.toContain('{answer}');
  });

  it('reads its answer from the run: on the fix’s run it reads another, or finds no such step and says so', () => {
    const q = askQuestion(lesson);
    const fixed = runScenario(lesson.fix.scenario, { record: false });
    const read = (): string => {
      try {
        return lesson.question.answer(fixed);
      } catch (e) {
        return `failed: ${(e as Error).message}`;
      }
    };
    expect(read()).not.toBe(q.answer);
    expect(read()).not.toMatch(/^failed: (?!.*step)/);
  });

  it('links a wrong answer to the moment its step finishes', () => {
    const q = askQuestion(lesson);
    const event = runScenario(lesson.story.scenario).events[q.moment];
    expect(event?.type).toBe('step.finished');
    expect(event?.type === 'step.finished' && event.index).toBe(lesson.question.step);
  });

  it('shows a story that ends in the warning it is about, and a fix, on the registry’s fixing level, that does not', () => {
    expect(warningsOf(runScenario(lesson.story.scenario, { record: false }))).toContain(lesson.fixes);
    expect(lesson.fix.scenario.level).toBe(fixLevelOf(lesson));
    const fixed = runScenario(lesson.fix.scenario, { record: false });
    expect(fixed.error).toBeNull();
    expect(warningsOf(fixed)).not.toContain(lesson.fixes);
  });

  it('works on an ordinary day: every step succeeds and a second reader reuses the first one’s object', () => {
    const run = runScenario(worksScenario(lesson), { record: false });
    expect(run.error).toBeNull();
    expect(warningsOf(run)).toEqual([]);
    expect(run.steps.every((s) => s.outcome.error === undefined)).toBe(true);
    const lent = run.steps.filter((s) => s.outcome.object !== undefined && s.step.client !== undefined);
    const a = lent.find((s) => s.step.client === 'A')!.outcome.object;
    const b = lent.find((s) => s.step.client === 'B')!.outcome.object;
    expect(b).toBe(a);
  });
});

describe('choices', () => {
  it('keep the answer, drop a wrong one equal to it, and sort so the place gives nothing away', () => {
    expect(choicesFor('4 books', ['2 books', '4 books', '3 books', '5 books'])).toEqual([
      '2 books',
      '3 books',
      '4 books',
      '5 books',
    ]);
    expect(choicesFor('12 books', ['2 books', '3 books', '4 books', '5 books'])).toEqual([
      '2 books',
      '3 books',
      '4 books',
      '12 books',
    ]);
  });
});

describe('savings', () => {
  it('sets each level against the one before at the same size, and only where both lend the same thing', () => {
    const by = Object.fromEntries(LESSONS.map((l) => [l.level, savings(l)]));
    // Level 2's limit and Level 3's desk make no more books than the level before on an ordinary day…
    expect(by.level2!.now.made).toBe(by.level2!.before!.made);
    expect(by.level3!.now.made).toBe(by.level3!.before!.made);
    // …and the desk's cleaning takes time the level before does not spend.
    expect(difference(by.level3!.now, by.level3!.before!).ms).toBeLessThan(0);
    // The database pool lends connections, Level 4 books: no comparison.
    expect(by.database!.before).toBeNull();
  });

  it('measures Level 1 against no pool: fewer books made on the same day', () => {
    const s = savings(LESSONS[0]!);
    expect(s.before?.level).toBe('nopool');
    expect(s.now.made).toBeLessThan(s.before!.made);
    expect(s.now.ms).toBeLessThan(s.before!.ms);
  });
});

describe('the ordinary day in words', () => {
  it.each(LESSONS.map((l) => [l.level, l] as const))('tells %s’s day from its own steps', (_, lesson) => {
    const steps = lesson.works.steps;
    const words = dayInWords(steps, 'book');
    // Every reader, in order, and what each step does: a write is told with what is written.
    const readers = [...new Set(steps.map((s) => s.client))];
    expect(words.match(/Reader \w+/g)).toEqual(readers.map((r) => `Reader ${r}`));
    for (const step of steps) if (step.write !== undefined) expect(words).toContain(`writes “${step.write}”`);
    expect(words.includes('reads')).toBe(steps.some((s) => s.do === 'read'));
    expect(words.includes('safe block')).toBe(steps.some((s) => s.do === 'with'));
  });

  it('says which book the second reader gets, and ends as a sentence', () => {
    const words = dayInWords(
      [
        { client: 'A', do: 'acquire' },
        { client: 'A', do: 'use', write: 'x = 1' },
        { client: 'A', do: 'release' },
        { client: 'B', do: 'acquire' },
        { client: 'B', do: 'read' },
      ],
      'connection',
    );
    expect(words).toBe(
      'Reader A borrows a connection, writes “x = 1” in it and returns it; then Reader B borrows the connection A returned and reads it.',
    );
  });
});
