/**
 * The readers (clients), as the engine's world says they are: each card names the reader's state
 * in words (asking, waiting — 2nd in line, holding, returning, refused, timed out, failed,
 * crashed, done), the error it got until its next action, what it holds, and what is on its way
 * to it elsewhere on the stage. On a level where readers queue, the waiting line is drawn too.
 */
import { useId, useMemo } from 'react';
import type { LevelId, World } from '../../engine';
import { levelOf, wordsOf } from '../../store/levels';
import { ordinal, readersOf, waitingLine } from '../../store/readers';
import { BookCard } from './BookCard';
import { killOf, type Killer } from './Rooms';

export function Readers({ world, level, killer }: { world: World; level: LevelId; killer: Killer }) {
  const words = wordsOf(level);
  const readers = useMemo(() => readersOf(world, words), [world, words]);
  const line = useMemo(() => waitingLine(world), [world]);
  const titleId = useId();
  return (
    <div className="readers" role="group" aria-labelledby={titleId}>
      <h3 id={titleId} className="room__title">
        Readers
      </h3>
      {levelOf(level).queues && <WaitingLine line={line} />}
      {readers.length === 0 ? (
        <p className="room__empty">No readers yet. Pick a story, or add a reader below.</p>
      ) : (
        <ul className="readers__list">
          {readers.map((r) => (
            <li
              key={r.name}
              className={`reader reader--${r.state}`}
              data-reader={r.name}
              data-state={r.state}
              data-position={r.position ?? undefined}
              data-holding={r.hands.map((h) => h.object.id).join(',')}
            >
              <div className="reader__head">
                <span className="reader__avatar" aria-hidden="true">
                  {r.state === 'crashed' ? '✕' : r.name.slice(0, 2)}
                </span>
                <span className="reader__name">Reader {r.name}</span>
                <span className="reader__state">{r.label}</span>
              </div>
              {r.detail && <p className="reader__doing">{r.detail}</p>}
              {r.error && (
                <p className="reader__error" data-error={r.error.kind}>
                  <span aria-hidden="true">⚠ </span>
                  {r.error.message}
                </p>
              )}
              {r.coming.length > 0 && (
                <ul className="reader__coming" aria-label={`On its way for Reader ${r.name}`}>
                  {r.coming.map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
              )}
              {r.hands.length > 0 && (
                <ul className="reader__hands" aria-label={`Reader ${r.name} holds`}>
                  {r.hands.map((h) => (
                    <li key={h.layoutId}>
                      <BookCard copy={h} onKill={killOf(killer, h)} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The production level's waiting line, first in line first. */
function WaitingLine({ line }: { line: readonly { name: string; position: number }[] }) {
  return (
    <div className="waiting-line" data-line={line.map((w) => w.name).join(',')}>
      <span className="waiting-line__label">Waiting line:</span>{' '}
      {line.length === 0 ? (
        <span className="waiting-line__empty">nobody is waiting</span>
      ) : (
        <ol className="waiting-line__list" aria-label="Waiting line, first in line first">
          {line.map((w) => (
            <li key={w.name}>
              <span className="waiting-line__pos">{ordinal(w.position)}</span> Reader {w.name}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
