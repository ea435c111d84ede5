/**
 * One pooled object, drawn as a book (or a connection) wherever it is. The drawing that is the
 * object's real place carries its `layoutId`, so moving it between places animates; a second
 * copy (shelved twice, held by two readers) is drawn without one and marked as a copy.
 */
import { m } from 'motion/react';
import type { ObjectView } from '../../engine';
import { FADE, MOVE } from '../motion';
import { objectName, shortName } from './words';

export interface BookCardProps {
  readonly object: ObjectView;
  /** The drawing that owns the object's layoutId (one per object on the stage). */
  readonly primary: boolean;
  /** A small marker after the name: "next out", "copy", "also B's"… */
  readonly tag?: string | null;
  /** What is happening to it (at the desk or press). */
  readonly work?: string | null;
  /** Killing by click (manual mode), when the object can still die. */
  readonly onKill?: (() => void) | null;
  readonly compact?: boolean;
}

export function BookCard({ object, primary, tag = null, work = null, onKill = null, compact = false }: BookCardProps) {
  const dead = !object.alive;
  const name = shortName(object);
  const classes = [
    'book',
    `book--${object.kind}`,
    dead ? 'book--dead' : '',
    primary ? '' : 'book--copy',
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
    ...(primary
      ? { layoutId: `obj-${object.id}`, layout: true as const }
      : { initial: { opacity: 0 }, animate: { opacity: 1 } }),
    transition: primary ? MOVE : FADE,
  };
  if (onKill) {
    return (
      <m.button
        type="button"
        {...common}
        onClick={onKill}
        aria-label={`${objectName(object)}${tag ? `, ${tag}` : ''}${object.state ? `, written in it: ${object.state}` : ''}. Kill it`}
        title="Kill it (it will be dead when next used)"
      >
        {body}
      </m.button>
    );
  }
  return <m.div {...common}>{body}</m.div>;
}
