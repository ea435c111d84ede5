import { useId, useMemo } from 'react';
import type { LevelId, ObjectView, World } from '../../engine';
import { wordsOf } from '../../store/levels';
import { readersOf } from '../../store/selectors';
import { BookCard } from './BookCard';
import { PLACE_WORDS, readerStatus, shortName } from './words';

/** The readers (clients): each with what it holds and what it is doing. */
export function Readers({
  world,
  level,
  killer,
}: {
  world: World;
  level: LevelId;
  killer: (o: ObjectView) => (() => void) | null;
}) {
  const readers = useMemo(() => readersOf(world), [world]);
  const { thing } = wordsOf(level);
  const titleId = useId();
  return (
    <div className="readers" role="group" aria-labelledby={titleId}>
      <h3 id={titleId} className="room__title">
        Readers
      </h3>
      {readers.length === 0 ? (
        <p className="room__empty">No readers yet. Pick a story, or add a reader below.</p>
      ) : (
        <ul className="readers__list">
          {readers.map((r) => {
            const status = readerStatus(r.status, r.doing, r.holding.length);
            return (
              <li
                key={r.name}
                className={`reader reader--${r.status}`}
                data-reader={r.name}
                data-holding={r.holding.map((h) => h.object.id).join(',')}
              >
                <div className="reader__head">
                  <span className="reader__avatar" aria-hidden="true">
                    {r.status === 'crashed' ? '✕' : r.name.slice(0, 2)}
                  </span>
                  <span className="reader__name">Reader {r.name}</span>
                  <span className="reader__status">{status}</span>
                </div>
                {r.holding.length === 0 ? (
                  <p className="reader__empty">holds no {thing}</p>
                ) : (
                  <ul className="reader__hands" aria-label={`Reader ${r.name} holds`}>
                    {r.holding.map((h) => (
                      <li key={h.object.id}>
                        {h.away ? (
                          <span className="book-ghost">
                            {shortName(h.object)}: {PLACE_WORDS[h.object.place]}
                          </span>
                        ) : (
                          <BookCard
                            object={h.object}
                            primary={!h.shared && h.object.place !== 'shelf'}
                            tag={
                              h.shared
                                ? `⚠ also held by another reader`
                                : h.object.place === 'shelf'
                                  ? '⚠ also on the shelf'
                                  : null
                            }
                            onKill={h.shared ? null : killer(h.object)}
                          />
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
