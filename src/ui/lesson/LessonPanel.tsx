/**
 * A level page as a lesson in four parts: it works, what will happen?, the fix, in three lines.
 * The stage below plays each part; the free-play stories stay in the header above. The part in
 * view is the address's (`?level=level3&part=fix`: store/lessonPart.ts), so each part can be
 * shared; a link or a clicker key brings it into view and focus and announces it. What the learner
 * has done is kept in this browser (see store/progress.ts).
 */
import { useEffect, useId, useRef, useSyncExternalStore } from 'react';
import type { LevelId } from '../../engine';
import { lessonOf } from '../../store/lessons';
import {
  LESSON_PARTS,
  lessonPart,
  PART_LABELS,
  setLessonPart,
  stepPart,
  subscribeLessonPart,
} from '../../store/lessonPart';
import type { LessonPart } from '../../store/lessonPart';
import { lessonDone } from '../../store/progress';
import { useProgress } from '../hooks/useProgress';
import { minutesOf } from '../../store/path';
import { Fix, OnStage, Question, Recap, Works } from './LessonParts';
import { PartLink } from './PartLink';
import './lesson.css';

export function LessonPanel({ level }: { level: LevelId }) {
  const lesson = lessonOf(level);
  const shown = useSyncExternalStore(subscribeLessonPart, lessonPart, lessonPart);
  const part = shown.part ?? 'works';
  const mine = useProgress((s) => s.progress[level]);
  const notice = useProgress((s) => s.notice);
  const { mark, dismissNotice } = useProgress((s) => s);
  const titleId = useId();
  const partTitleId = useId();
  const body = useRef<HTMLElement>(null);
  const said = shown.reveal
    ? `Part ${LESSON_PARTS.indexOf(part) + 1} of ${LESSON_PARTS.length}: ${PART_LABELS[part]}`
    : '';

  // A link or a clicker key chose the part: bring it into view, focus it, and say which it is.
  // (Two frames on: a new page first moves the focus to its heading, App.tsx.)
  useEffect(() => {
    if (!shown.reveal) return;
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        body.current?.scrollIntoView({ block: 'nearest' });
        body.current?.focus({ preventScroll: true });
      });
    });
    return () => cancelAnimationFrame(frame);
  }, [part, shown.reveal]);

  if (!lesson) return null;
  const nextPart = stepPart(part, 1);
  const done: Record<LessonPart, boolean> = {
    works: mine?.works === true,
    question: mine?.answer !== undefined,
    fix: mine?.fixSeen === true,
    recap: lessonDone(mine),
  };
  return (
    <section className="lesson" aria-labelledby={titleId}>
      <h2 id={titleId} className="lesson__title">
        The lesson <span className="lesson__minutes">· about {minutesOf(lesson.level)} minutes</span>
      </h2>
      {notice && (
        <p className="lesson__notice" role="status">
          {notice}{' '}
          <button type="button" className="button" onClick={dismissNotice}>
            Dismiss
          </button>
        </p>
      )}
      <ol className="lesson__parts">
        {LESSON_PARTS.map((p, i) => (
          <li key={p}>
            <button
              type="button"
              className="button lesson__part"
              aria-current={p === part ? 'step' : undefined}
              onClick={() => setLessonPart(p)}
            >
              {i + 1}. {PART_LABELS[p]}
              {done[p] && (
                <span className="lesson__done">
                  {' '}
                  ✓<span className="sr-only"> (done)</span>
                </span>
              )}
            </button>
          </li>
        ))}
      </ol>
      <section ref={body} className="lesson__body" tabIndex={-1} aria-labelledby={partTitleId} data-part={part}>
        <h3 id={partTitleId} className="lesson__part-title">
          {PART_LABELS[part]}
        </h3>
        <OnStage level={level} part={part} />
        {part === 'works' && <Works level={level} onPlayed={() => mark(level, { works: true })} />}
        {part === 'question' && <Question level={level} />}
        {part === 'fix' && <Fix level={level} onSeen={() => mark(level, { fixSeen: true })} />}
        {part === 'recap' && <Recap level={level} />}
        {nextPart && (
          <p className="lesson__next">
            <button type="button" className="button" onClick={() => setLessonPart(nextPart, true)}>
              Next: {PART_LABELS[nextPart]} →
            </button>
          </p>
        )}
        <PartLink level={level} part={part} />
      </section>
      <p className="sr-only" aria-live="polite">
        {said}
      </p>
    </section>
  );
}
