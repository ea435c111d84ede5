/**
 * One station of the scene (the press, the shelf, the counter, the desk, the lost corner, the
 * bin): a named group, a short note on what it is for, and what the world puts there.
 */
import { useId, type ReactNode } from 'react';

export interface StationProps {
  readonly id: string;
  readonly title: string;
  /** One short line on what the station is for. */
  readonly note?: string;
  /** Whether the note is for screen readers only (the small stations round the edge). */
  readonly quiet?: boolean;
  readonly empty: string;
  readonly count: number;
  readonly children: ReactNode;
  /** Extra content after the title, e.g. the ACQUIRE / RELEASE words at the counter. */
  readonly aside?: ReactNode;
}

export function Station({ id, title, note, quiet = false, empty, count, children, aside }: StationProps) {
  const titleId = `${useId()}${id}-title`;
  return (
    <div
      className={`room station station--${id}`}
      aria-labelledby={titleId}
      role="group"
      data-room={id}
      data-empty={count === 0 ? 'yes' : undefined}
    >
      <div className="station__head">
        <h3 id={titleId} className="room__title">
          {title}
        </h3>
        {note && <p className={quiet ? 'sr-only' : 'room__note'}>{note}</p>}
        {aside}
      </div>
      {count === 0 ? <p className="room__empty">{empty}</p> : children}
    </div>
  );
}
