/**
 * The keys a presentation clicker sends — Page Down and Page Up — walk the lesson's parts while
 * presentation mode is on (with the focus anywhere but a text field). Each move brings the part
 * into view and focus, announces it and puts it in the address (store/lessonPart.ts).
 *
 * Past the last part ("In three lines") Page Down goes on to the next lesson's first part, as its
 * "Next lesson →" does (after the last lesson, the level that fixes it); before the first part
 * Page Up goes back to the previous lesson's last part. Presentation mode stays on across the move.
 */
import { useEffect } from 'react';
import type { LevelId } from '../../engine';
import { lessonOf, nextStop, previousLesson } from '../../store/lessons';
import { lessonPart, LESSON_PARTS, setLessonPart, stepPart } from '../../store/lessonPart';
import { partHref, pageHref } from '../lib/links';
import { navigate } from '../nav';
import { presentOnNextPage } from './usePresentation';
import { typingIn } from './useShortcuts';

export function useLessonClicker(level: LevelId, presenting: boolean): void {
  useEffect(() => {
    if (!presenting || !lessonOf(level)) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'PageDown' && e.key !== 'PageUp') return;
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || typingIn(e.target)) return;
      e.preventDefault();
      const by = e.key === 'PageDown' ? 1 : -1;
      const next = stepPart(lessonPart().part, by);
      if (next) return setLessonPart(next, true);
      const page = by === 1 ? nextStop(level) : previousLesson(level);
      if (!page) return;
      presentOnNextPage();
      if (!lessonOf(page)) return navigate(pageHref(page));
      navigate(partHref(page, by === 1 ? LESSON_PARTS[0] : LESSON_PARTS[LESSON_PARTS.length - 1]!));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [level, presenting]);
}
