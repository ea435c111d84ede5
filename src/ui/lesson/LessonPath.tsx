/**
 * The path from the analogy to the load lab, each stop with its rough minutes and, for the lessons,
 * a done mark; "Continue" opens the first lesson not done, "Start over" forgets it all. Progress
 * stays in this browser.
 */
import { useId } from 'react';
import { LAST_STOPS, LESSON_LEVELS, PATH_STOPS } from '../../store/path';
import { continueAt, lessonDone } from '../../store/progress';
import { useProgress } from '../hooks/useProgress';
import { pageHref } from '../lib/pageHref';
import { onLinkClick } from '../nav';
import { labelOf } from '../routes';
import './lesson.css';

export function LessonPath() {
  const progress = useProgress((s) => s.progress);
  const startOver = useProgress((s) => s.startOver);
  const titleId = useId();
  const allDone = LESSON_LEVELS.every((l) => lessonDone(progress[l]));
  // Every lesson done: carry on to the stops after them (the production pool first).
  const next = allDone ? LAST_STOPS[0]!.page : continueAt(progress, LESSON_LEVELS);
  const stops = PATH_STOPS.map((s) => ({
    ...s,
    label: labelOf(s.page),
    done: s.lesson && lessonDone(progress[s.page as (typeof LESSON_LEVELS)[number]]),
  }));
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
              Continue: {labelOf(next)}
            </a>
            <button type="button" className="button" onClick={startOver}>
              Start over
            </button>
          </>
        ) : (
          <a className="button" href={pageHref(LESSON_LEVELS[0]!)} onClick={onLinkClick}>
            Start with {labelOf(LESSON_LEVELS[0]!)}
          </a>
        )}
        <span className="lesson__minutes">Your progress stays in this browser, on this machine.</span>
      </p>
    </nav>
  );
}
