/**
 * A lesson part's own address, for a teacher to share: the link itself, and a button that copies
 * it whole. Where the browser will not copy, the status says so and the link is still there to take.
 */
import { useState } from 'react';
import type { LevelId } from '../../engine';
import { PART_LABELS, type LessonPart } from '../../store/lessonPart';
import { partHref } from '../lib/links';
import { onLinkClick } from '../nav';

export function PartLink({ level, part }: { level: LevelId; part: LessonPart }) {
  const href = partHref(level, part);
  const [said, setSaid] = useState('');
  const copy = async () => {
    const address = new URL(href, window.location.href).href;
    try {
      await navigator.clipboard.writeText(address);
      setSaid('Link copied.');
    } catch {
      setSaid('This browser would not copy; take the link beside the button instead.');
    }
  };
  return (
    <p className="lesson__share">
      <button type="button" className="button" onClick={() => void copy()}>
        Copy link<span className="sr-only"> to “{PART_LABELS[part]}”</span>
      </button>{' '}
      <a href={href} onClick={onLinkClick}>
        Link to this part
      </a>{' '}
      <span aria-live="polite" className="lesson__minutes">
        {said}
      </span>
    </p>
  );
}
