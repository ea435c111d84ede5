/**
 * The readers (clients) at the counter, as the engine's world says they are: each card names the
 * reader's state in words (asking, waiting — 2nd in line, holding, returning, refused, timed out,
 * failed, crashed, done), the operation it is in (ACQUIRE, USE, RELEASE: ops.ts), the error it got
 * until its next action, what it holds (with what it wrote in it), and what is on its way to it
 * elsewhere on the scene. Using takes visible time: while a reader uses what it holds, a bar fills
 * over the moment's time on screen. On a level where readers queue, the waiting line is drawn too.
 * A crowd of readers (more than three) is drawn compact, so the scene still fits a projector.
 */
import { useId, useMemo, type CSSProperties } from 'react';
import type { LevelId, World } from '../../engine';
import { levelOf, wordsOf } from '../../store/levels';
import { NO_READERS, ordinal, readersOf, readersToCome, waitingLine } from '../../store/readers';
import { BookCard } from './BookCard';
import { OpTag } from './OpTag';
import { opOfReader } from './ops';
import { killOf, type Killer, type Pace } from './Rooms';

/** More readers than this and each card shrinks to its name, state and operation (scene.css). */
const CROWDED = 3;

export interface ReadersProps {
  readonly world: World;
  readonly level: LevelId;
  /** The run's last world: every reader that comes in, so each one's place is kept before it does. */
  readonly final: World;
  readonly killer: Killer;
  readonly pace: Pace;
}

export function Readers({ world, level, final, killer, pace }: ReadersProps) {
  const words = wordsOf(level);
  const readers = useMemo(() => readersOf(world, words), [world, words]);
  const toCome = useMemo(() => readersToCome(world, final), [world, final]);
  const line = useMemo(() => waitingLine(world), [world]);
  const ops = useMemo(() => new Map(world.clients.map((c) => [c.name, opOfReader(c)])), [world]);
  const titleId = useId();
  return (
    <div
      className="readers station station--readers"
      role="group"
      aria-labelledby={titleId}
      data-crowded={readers.length + toCome.length > CROWDED ? 'yes' : undefined}
    >
      {/* Named for screen readers; on screen each card says "Reader A". */}
      <h3 id={titleId} className="sr-only">
        Readers
      </h3>
      {levelOf(level).queues && <WaitingLine line={line} />}
      {readers.length + toCome.length === 0 ? (
        <p className="room__empty">{NO_READERS}</p>
      ) : (
        <ul className="readers__list">
          {readers.map((r) => {
            const op = ops.get(r.name) ?? null;
            return (
              <li
                key={r.name}
                className={`reader reader--${r.state}`}
                data-reader={r.name}
                data-state={r.state}
                data-crashed={r.crashed ? 'yes' : undefined}
                data-position={r.position ?? undefined}
                data-holding={r.hands.map((h) => h.object.id).join(',')}
                data-op={op ?? undefined}
              >
                <div className="reader__head">
                  {r.crashed && (
                    <span className="reader__avatar" aria-hidden="true">
                      ✕
                    </span>
                  )}
                  <span className="reader__name">Reader {r.name}</span>
                  <span className="reader__state">{r.label}</span>
                  {r.detail && <span className="reader__doing">{r.detail}</span>}
                  {op && <OpTag op={op} />}
                </div>
                {op === 'use' && (
                  <span className="use-time" aria-hidden="true">
                    <span
                      key={pace.cursor}
                      className="use-time__bar"
                      style={{ animationDuration: `${Math.max(250, pace.beatMs)}ms` } as CSSProperties}
                      data-filling={pace.nextT !== null ? 'yes' : undefined}
                    />
                  </span>
                )}
                {r.error && (
                  <p className="reader__error" data-error={r.error.kind} title={r.error.message}>
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
            );
          })}
          {toCome.map((name) => (
            <li key={name} className="reader reader--to-come" data-reader={name} data-state="to-come">
              <div className="reader__head">
                <span className="reader__name">Reader {name}</span>
                <span className="reader__state">not here yet</span>
              </div>
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
