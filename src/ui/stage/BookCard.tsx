/**
 * One drawn copy of a pooled object, as a book (or a connection), wherever the world puts it. Each
 * copy carries its own `layoutId` (from the store: the first copy's is the object's, so its moves
 * animate — or, with reduced motion, cut); an object drawn in two places at once (a double release)
 * shows in each where else it is, in words, and the copies after the first are drawn dotted.
 */
import { m, useReducedMotionConfig } from 'motion/react';
import type { ObjectView } from '../../engine';
import type { Drawn } from '../../store/stage';
import { FADE } from '../motion';
import { useTravel } from './travel';
import { objectName, shortName } from './words';

export interface BookCardProps {
  /** The copy to draw: the object, its place, its layoutId and where else it is. */
  readonly copy: Drawn;
  /** A small marker after the name: "next out", "→ Reader A"… */
  readonly tag?: string | null;
  /** What is happening to it (at the desk or press). */
  readonly work?: string | null;
  /** Killing by click (manual mode), when the object can still die. */
  readonly onKill?: ((o: ObjectView) => void) | null;
  readonly compact?: boolean;
}

export function BookCard({ copy, tag = null, work = null, onKill = null, compact = false }: BookCardProps) {
  const { object, primary, layoutId, also } = copy;
  const travel = useTravel();
  // Reduced motion: a cut. The copy is drawn where it is, with no layout projection at all (motion
  // would otherwise draw it one frame at its old place before jumping).
  const still = useReducedMotionConfig() === true;
  const dead = !object.alive;
  const name = shortName(object);
  const elsewhere = also.length > 0 ? `⚠ the same ${object.kind} is also ${also.join('; ')}` : null;
  const classes = [
    'book',
    `book--${object.kind}`,
    dead ? 'book--dead' : '',
    primary ? '' : 'book--copy',
    also.length > 0 ? 'book--twice' : '',
    compact ? 'book--compact' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const body = (
    <>
      <span className="book__spine" aria-hidden="true" />
      <span className="book__name">
        {name}
        {dead && <span className="book__dead"> ✕ dead</span>}
      </span>
      {tag && <span className="book__tag">{tag}</span>}
      {elsewhere && <span className="book__also">{elsewhere}</span>}
      {object.state !== null && (
        <span className="book__note" title={`Written in it: ${object.state}`}>
          <span aria-hidden="true">✎ </span>
          <span className="sr-only">written in it: </span>
          {object.state}
        </span>
      )}
      {work && <span className="book__work">{work}</span>}
    </>
  );
  const common = {
    className: classes,
    'data-object': object.id,
    'data-alive': object.alive ? 'yes' : 'no',
    'data-place': copy.place.at,
    'data-layout-id': layoutId,
    ...(still
      ? {}
      : {
          layoutId,
          ...(primary ? { layout: true as const } : { initial: { opacity: 0 }, animate: { opacity: 1 } }),
          transition: primary ? travel : FADE,
        }),
  };
  if (onKill) {
    const extra = [tag, elsewhere, object.state ? `written in it: ${object.state}` : null].filter(Boolean);
    return (
      <m.button
        type="button"
        {...common}
        onClick={() => onKill(object)}
        aria-label={`${objectName(object)}${extra.length ? `, ${extra.join(', ')}` : ''}. Kill it`}
        title="Kill it (it will be dead when next used)"
      >
        {body}
      </m.button>
    );
  }
  return <m.div {...common}>{body}</m.div>;
}
