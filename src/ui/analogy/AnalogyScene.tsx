/**
 * One of the two scenes: the press, the shelf (or the bin), the readers in line, and the books
 * where the store's frame puts them. The page only draws positions: each book's place comes from
 * the engine's world (store/analogy.ts); a move is a CSS transition of its transform lasting
 * `moveMs`, and with reduced motion a cut (analogy.css).
 */
import type { CSSProperties } from 'react';
import { clockText, sceneHeight, type DrawnBook, type SceneFrame, type SideKey } from '../../store/analogyScene';

export interface AnalogySceneProps {
  readonly side: SideKey;
  readonly title: string;
  readonly how: string;
  readonly frame: SceneFrame;
  /** The virtual clock for this scene (it stops when its last reader has left). */
  readonly t: number;
  readonly done: boolean;
  readonly moveMs: number;
  /** Captions so far (a visible list of what happened), oldest first. */
  readonly story: readonly string[];
}

const DOING: Record<SceneFrame['readers'][number]['doing'], string> = {
  'not-yet': 'later',
  waiting: 'waits',
  reading: 'reads',
  returning: 'returns',
  done: 'done',
};

const DOING_LONG: Record<SceneFrame['readers'][number]['doing'], string> = {
  'not-yet': 'not here yet',
  waiting: 'waiting for a book',
  reading: 'reading',
  returning: 'returning the book',
  done: 'done, has left',
};

function progress(book: DrawnBook, t: number): number {
  if (!book.work) return 0;
  const span = book.work.until - book.work.from;
  return span <= 0 ? 1 : Math.min(1, Math.max(0, (t - book.work.from) / span));
}

function bookLabel(b: DrawnBook, t: number): string {
  const pct = `${Math.round(progress(b, t) * 100)} %`;
  switch (b.spot) {
    case 'press':
      return `Book ${b.id}, printing for Reader ${b.reader ?? '?'}, ${pct} done`;
    case 'hands':
      return `Book ${b.id}, with Reader ${b.reader ?? '?'}${b.work ? `, read ${pct}` : ''}`;
    case 'shelf':
      return `Book ${b.id}, on the shelf${b.nextOut ? ', next out' : ''}`;
    case 'bin':
      return `Book ${b.id}, in the bin`;
    default:
      return `Book ${b.id}, at the ${b.spot}${b.reader ? ` for Reader ${b.reader}` : ''}`;
  }
}

export function AnalogyScene({ side, title, how, frame, t, done, moveMs, story }: AnalogySceneProps) {
  const pool = side === 'withPool';
  const headId = `scene-${side}`;
  const printing = frame.books.filter((b) => b.spot === 'press').length;
  const style = { '--move-ms': `${moveMs}ms`, height: `${sceneHeight(frame.readers.length)}rem` } as CSSProperties;
  return (
    <section className={`panel ascene ascene--${side}`} aria-labelledby={headId} data-side={side}>
      <div className="ascene__head">
        <h2 id={headId}>{title}</h2>
        <p className="ascene__clock" data-testid={`${side}-clock`}>
          {clockText(t)}
          {done && <span className="ascene__done"> · every reader served</span>}
        </p>
      </div>
      <p className="ascene__how">{how}</p>

      <div className="ascene__stage" style={style} data-testid={`${side}-stage`}>
        <div className="ascene__station ascene__station--press" aria-hidden="true">
          <span className="ascene__station-name">Printing press</span>
          <span className="ascene__station-state">{printing === 0 ? 'idle' : `printing ${printing}`}</span>
        </div>
        <div className={`ascene__station ascene__station--${pool ? 'shelf' : 'bin'}`} aria-hidden="true">
          <span className="ascene__station-name">{pool ? 'Shelf' : 'Bin'}</span>
          <span className="ascene__station-state">
            {pool ? (frame.onShelf === 0 ? 'empty' : `${frame.onShelf} on it`) : `${frame.burned} burned`}
          </span>
        </div>
        <span className="ascene__line-name" aria-hidden="true">
          Readers, in order of arrival
        </span>

        <ol className="ascene__readers" aria-label={`Readers ${title.toLowerCase()}`}>
          {frame.readers.map((r) => (
            <li
              key={r.name}
              className={`areader areader--${r.doing}`}
              style={{ '--x': r.x, '--y': r.y } as CSSProperties}
              data-reader={r.name}
              data-doing={r.doing}
            >
              <span className="areader__face" aria-hidden="true">
                {r.name}
              </span>
              <span className="areader__doing" aria-hidden="true">
                {DOING[r.doing]}
              </span>
              <span className="sr-only">
                Reader {r.name}: {DOING_LONG[r.doing]}
                {r.holding !== null ? `, holding Book ${r.holding}` : ''}
              </span>
            </li>
          ))}
        </ol>

        <ul className="ascene__books" aria-label={`Books ${title.toLowerCase()}`}>
          {frame.books.map((b, i) => (
            <li
              key={`${b.id}-${frame.books.slice(0, i).filter((x) => x.id === b.id).length}`}
              className={`abook abook--${b.spot}${b.work ? ` abook--${b.work.kind}` : ''}${b.nextOut ? ' abook--next' : ''}`}
              style={{ '--x': b.x, '--y': b.y, '--done': progress(b, t) } as CSSProperties}
              data-book={b.id}
              data-spot={b.spot}
              data-reader={b.reader ?? undefined}
              data-x={b.x}
              data-y={b.y}
            >
              <span aria-hidden="true" className="abook__name">
                {b.id}
              </span>
              {b.work && <span aria-hidden="true" className="abook__bar" />}
              {b.nextOut && (
                <span aria-hidden="true" className="abook__next">
                  ← next
                </span>
              )}
              {b.spot === 'press' && b.reader && (
                <span aria-hidden="true" className="abook__for">
                  for {b.reader}
                </span>
              )}
              <span className="sr-only">{bookLabel(b, t)}</span>
            </li>
          ))}
        </ul>
      </div>

      <p className="ascene__caption" aria-live="polite" data-testid={`${side}-caption`}>
        {frame.caption || 'Nothing has happened yet: press Play.'}
      </p>
      <p className="ascene__counts">
        Printed <strong>{frame.printed}</strong> · on the shelf <strong>{frame.onShelf}</strong> · in the bin{' '}
        <strong>{frame.burned}</strong>
      </p>
      <details className="ascene__story">
        <summary>What happened so far ({story.length})</summary>
        <ol>
          {story.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ol>
      </details>
    </section>
  );
}
