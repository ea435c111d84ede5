/**
 * The stage: the library at the cursor. The printing press (creating), the shelf (a pile: the top
 * goes out first), the cleaning desk (reset, validation), the bin (closed) and the lost corner
 * (leaked, or a failed release), the readers with what they hold, and the counters.
 */
import { useId, useMemo, type CSSProperties } from 'react';
import type { ObjectView, PoolEvent, World } from '../../engine';
import { wordsOf } from '../../store/levels';
import { killableOf } from '../../store/manual';
import { countersOf, objectsAt, selectEvents, selectLevel, selectWorld, shelfOf } from '../../store/selectors';
import type { LabState } from '../../store/labStore';
import { useLabActions, useLabShallow, useLabStore } from '../hooks/labStore';
import { BookCard } from './BookCard';
import { Counters } from './Counters';
import { Readers } from './Readers';
import { StageTable } from './StageTable';
import { deskWork, shortName } from './words';

export interface StageProps {
  /** When on, each live object is a button that kills it (manual mode). */
  readonly killMode?: boolean;
  readonly onKilled?: () => void;
  /** The stage's heading (two stages on one page need two names). */
  readonly title?: string;
}

export function Stage({ killMode = false, onKilled, title = 'The library' }: StageProps) {
  const world = useLabStore(selectWorld);
  const level = useLabStore(selectLevel);
  const events = useLabStore(selectEvents);
  const run = useLabStore((s) => s.run);
  const pace = useLabShallow(paceOf);
  const actions = useLabActions();
  const killable = useMemo(() => (killMode ? killableOf(run) : new Set<number>()), [killMode, run]);
  const killer = (o: ObjectView) =>
    killable.has(o.id)
      ? () => {
          actions.kill(o.id);
          onKilled?.();
        }
      : null;

  // Ids from useId, so that two stages can stand side by side (the production page compares two).
  const titleId = useId();
  const { thing, things } = wordsOf(level);

  return (
    <section className="panel stage" aria-labelledby={titleId} data-t={world.t}>
      <div className="panel__head">
        <h2 id={titleId}>{title}</h2>
        <Counters counters={countersOf(world, level)} things={things} />
      </div>
      {killMode && (
        <p className="stage__hint" role="status">
          Choose a {thing} to kill: it stays where it is, but is dead the next time anyone uses it.
        </p>
      )}
      <div className="stage__rooms">
        <Press world={world} events={events} things={things} killer={killer} pace={pace} />
        <Shelf world={world} things={things} killer={killer} />
        <Desk world={world} things={things} killer={killer} />
        <BinAndLost world={world} things={things} killer={killer} />
      </div>
      <Readers world={world} level={level} killer={killer} />
      <StageTable world={world} level={level} />
    </section>
  );
}

type Killer = (o: ObjectView) => (() => void) | null;

interface RoomProps {
  readonly world: World;
  readonly things: string;
  readonly killer: Killer;
}

function Room({
  id,
  title,
  note,
  className,
  children,
  empty,
  count,
}: {
  id: string;
  title: string;
  note: string;
  className: string;
  children: React.ReactNode;
  empty: string;
  count: number;
}) {
  const titleId = `${useId()}${id}-title`;
  return (
    <div className={`room ${className}`} aria-labelledby={titleId} role="group">
      <h3 id={titleId} className="room__title">
        {title}
      </h3>
      <p className="room__note">{note}</p>
      {count === 0 ? <p className="room__empty">{empty}</p> : children}
    </div>
  );
}

/** Creation start and cost per object id, from the timeline. */
function creationOf(events: readonly PoolEvent[]): Map<number, { t: number; ms: number }> {
  const out = new Map<number, { t: number; ms: number }>();
  for (const e of events)
    if (e.type === 'object.creating' && e.object !== null) out.set(e.object, { t: e.t, ms: e.ms });
  return out;
}

/**
 * While playing, how far the timeline goes before the next event: the press fills its bar
 * towards where printing will stand then, over the real time that moment lasts on screen.
 */
interface Pace {
  readonly cursor: number;
  /** Virtual time of the next event, or null when paused or at the end. */
  readonly nextT: number | null;
  /** Real ms until the next event at the current speed. */
  readonly beatMs: number;
}

function paceOf(s: LabState): Pace {
  const next = s.playing ? s.run.events[s.cursor + 1] : undefined;
  const now = s.schedule[s.cursor] ?? 0;
  return {
    cursor: s.cursor,
    nextT: next ? next.t : null,
    beatMs: next ? ((s.schedule[s.cursor + 1] ?? now) - now) / s.speed : 0,
  };
}

const progressAt = (c: { t: number; ms: number } | undefined, t: number) =>
  c && c.ms > 0 ? Math.min(1, Math.max(0, (t - c.t) / c.ms)) : 0;

function Press({ world, events, things, killer, pace }: RoomProps & { events: readonly PoolEvent[]; pace: Pace }) {
  const creation = useMemo(() => creationOf(events), [events]);
  const printing = objectsAt(world, 'press');
  return (
    <Room
      id="press"
      className="room--press"
      title="Printing press"
      note={`Makes new ${things}: slow and costly.`}
      empty="Idle."
      count={printing.length}
    >
      <ul className="room__list">
        {printing.map((o) => {
          const c = creation.get(o.id);
          const done = progressAt(c, world.t);
          const pct = Math.round(done * 100);
          const target = pace.nextT === null ? done : progressAt(c, pace.nextT);
          const fill = {
            width: `${done * 100}%`,
            '--to': `${target * 100}%`,
            animationDuration: `${pace.beatMs}ms`,
          } as CSSProperties;
          return (
            <li key={o.id}>
              <BookCard object={o} primary work={c ? `printing: ${c.ms} ms` : 'printing'} onKill={killer(o)} />
              <div
                className="progress"
                role="progressbar"
                aria-label={`${shortName(o)} printed`}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={pct}
              >
                <span
                  key={pace.cursor}
                  className="progress__bar"
                  style={fill}
                  data-filling={target > done ? 'yes' : undefined}
                />
              </div>
              <span className="progress__text">{pct}% printed</span>
            </li>
          );
        })}
      </ul>
    </Room>
  );
}

function Shelf({ world, things, killer }: RoomProps) {
  const slots = useMemo(() => shelfOf(world), [world]);
  const compact = slots.length > 7;
  return (
    <Room
      id="shelf"
      className="room--shelf"
      title="The shelf"
      note="A pile: the last one put back is the first one out."
      empty={`No ${things} on the shelf.`}
      count={slots.length}
    >
      <ol className="shelf" aria-label="The shelf, top first" data-shelf={world.pool.available.join(',')}>
        {[...slots].reverse().map((slot) => (
          <li
            key={`${slot.object.id}-${slot.copy}`}
            className="shelf__slot"
            data-next-out={slot.nextOut ? 'yes' : undefined}
          >
            <BookCard
              object={slot.object}
              primary={slot.copy === 0 && slot.object.place === 'shelf'}
              tag={
                [slot.nextOut ? 'next out ↑' : null, slot.copy > 0 ? `copy ${slot.copy + 1}: shelved twice!` : null]
                  .filter(Boolean)
                  .join(' · ') || null
              }
              onKill={slot.copy === 0 ? killer(slot.object) : null}
              compact={compact}
            />
          </li>
        ))}
      </ol>
    </Room>
  );
}

function Desk({ world, things, killer }: RoomProps) {
  const here = objectsAt(world, 'desk');
  return (
    <Room
      id="desk"
      className="room--desk"
      title="Cleaning desk"
      note={`Resets and checks ${things}.`}
      empty="Nothing to clean."
      count={here.length}
    >
      <ul className="room__list">
        {here.map((o) => (
          <li key={o.id}>
            <BookCard object={o} primary work={deskWork(o.busy)} onKill={killer(o)} />
          </li>
        ))}
      </ul>
    </Room>
  );
}

function BinAndLost({ world, things, killer }: RoomProps) {
  const bin = objectsAt(world, 'bin');
  const lost = objectsAt(world, 'lost');
  return (
    <div className="room-pair">
      <Room
        id="lost"
        className="room--lost"
        title="Lost"
        note="Nobody will bring these back."
        empty="None."
        count={lost.length}
      >
        <ul className="room__list">
          {lost.map((o) => (
            <li key={o.id}>
              <BookCard object={o} primary tag="⚠ lost" onKill={killer(o)} compact />
            </li>
          ))}
        </ul>
      </Room>
      <Room id="bin" className="room--bin" title="Bin" note={`Closed ${things}.`} empty="Empty." count={bin.length}>
        <ul className="room__list">
          {bin.map((o) => (
            <li key={o.id}>
              <BookCard object={o} primary tag="closed" compact />
            </li>
          ))}
        </ul>
      </Room>
    </div>
  );
}
