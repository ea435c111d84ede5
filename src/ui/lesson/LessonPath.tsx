/**
 * The path from the analogy to the load lab, each stop with its rough minutes and, for the lessons,
 * a done mark; "Continue" opens the first lesson not done, "Start over" forgets it all. Progress
 * stays in this browser.
 */
import { useId } from 'react';
import type { LevelId } from '../../engine';
import { FIRST_STOP, LAST_STOPS, LESSON_LEVELS, LESSONS } from '../../store/lessons';
import { continueAt, lessonDone } from '../../store/progress';
import { levelOf } from '../../store/levels';
import { useProgress } from '../hooks/useProgress';
import { pageHref } from '../lib/pageHref';
import { onLinkClick } from '../nav';
import './lesson.css';

export function LessonPath() {
  const progress = useProgress((s) => s.progress);
  const startOver = useProgress((s) => s.startOver);
  const titleId = useId();
  const allDone = LESSON_LEVELS.every((l) => lessonDone(progress[l]));
  // Every lesson done: carry on to the stops after them (the production pool first).
  const next = allDone ? LAST_STOPS[0]!.page : continueAt(progress, LESSON_LEVELS);
  const stops = [
    { ...FIRST_STOP, done: false },
    ...LESSONS.map((l) => ({
      page: l.level,
      label: levelOf(l.level).label,
      minutes: l.minutes,
      done: lessonDone(progress[l.level]),
    })),
    ...LAST_STOPS.map((s) => ({ ...s, label: s.label ?? levelOf(s.page as LevelId).label, done: false })),
  ];
  return (
    <nav className="lesson-path" aria-labelledby={titleId}>
      <h2 id={titleId} className="lesson__title">
        The path
      </h2>
      <ol className="lesson-path__stops">
        {stops.map((s, i) => (
          <li key={s.page} aria-current={s.page === next ? 'step' : undefined}>
            <span className="lesson__minutes">{i + 1}.</span>{' '}
            <a href={pageHref(s.page)} onClick={onLinkClick}>
              {s.label}
            </a>{' '}
            <span className="lesson__minutes">{s.minutes} min</span>
            {s.done && (
              <span className="lesson__done">
                {' '}
                ✓<span className="sr-only"> (done)</span>
              </span>
            )}
          </li>
        ))}
      </ol>
      <p className="lesson-path__actions">
        {next ? (
          <>
            <a className="button" href={pageHref(next)} onClick={onLinkClick}>
              Continue: {levelOf(next as LevelId).label}
            </a>
            <button type="button" className="button" onClick={startOver}>
              Start over
            </button>
          </>
        ) : (
          <a className="button" href={pageHref(LESSON_LEVELS[0]!)} onClick={onLinkClick}>
            Start with {levelOf(LESSON_LEVELS[0]!).label}
          </a>
        )}
        <span className="lesson__minutes">Your progress stays in this browser, on this machine.</span>
      </p>
    </nav>
  );
}
