/**
 * The stage's rooms, each drawing the copies the world puts there: the printing press (being
 * made), the shelf (a pile: the top goes out first), the counter (on the way to or back from a
 * reader), the cleaning desk (being reset), the lost corner (only what the engine finds
 * unreachable) and the bin (closed).
 */
import { useId, useMemo, type CSSProperties, type ReactNode } from 'react';
import type { ObjectView, PoolEvent, World } from '../../engine';
import { drawnAt, forReader, shelfOf, type Drawn } from '../../store/stage';
import { BookCard } from './BookCard';
import { deskWork, shortName } from './words';

/** Kill by click (manual mode): given for the objects that can still die, null for the others. */
export type Killer = (o: ObjectView) => ((o: ObjectView) => void) | null;

export interface RoomProps {
  readonly world: World;
  readonly things: string;
  readonly killer: Killer;
}

/** Only an object's first copy is a kill button: one button per object. */
export const killOf = (killer: Killer, d: Drawn) => (d.primary ? killer(d.object) : null);

function Room(props: {
  id: string;
  title: string;
  note: string;
  className: string;
  children: ReactNode;
  empty: string;
  count: number;
}) {
  const titleId = `${useId()}${props.id}-title`;
  return (
    <div className={`room ${props.className}`} aria-labelledby={titleId} role="group" data-room={props.id}>
      <h3 id={titleId} className="room__title">
        {props.title}
      </h3>
      <p className="room__note">{props.note}</p>
      {props.count === 0 ? <p className="room__empty">{props.empty}</p> : props.children}
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
export interface Pace {
  readonly cursor: number;
  /** Virtual time of the next event, or null when paused or at the end. */
  readonly nextT: number | null;
  /** Real ms until the next event at the current speed. */
  readonly beatMs: number;
}

const progressAt = (c: { t: number; ms: number } | undefined, t: number) =>
  c && c.ms > 0 ? Math.min(1, Math.max(0, (t - c.t) / c.ms)) : 0;

/** "→ Reader A" for a copy on its way to a reader, "← Reader A" on its way back. */
function toward(d: Drawn): string | null {
  const who = forReader(d.place);
  if (who === null) return null;
  if (d.place.at === 'counter' && d.place.way === 'back') return `← back from Reader ${who}`;
  if (d.place.at === 'desk') return `back from Reader ${who}`;
  return `for Reader ${who} →`;
}

export function Press({
  world,
  events,
  things,
  killer,
  pace,
}: RoomProps & { events: readonly PoolEvent[]; pace: Pace }) {
  const creation = useMemo(() => creationOf(events), [events]);
  const printing = drawnAt(world, 'press');
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
        {printing.map((d) => {
          const c = creation.get(d.object.id);
          const done = progressAt(c, world.t);
          const pct = Math.round(done * 100);
          const target = pace.nextT === null ? done : progressAt(c, pace.nextT);
          const fill = {
            width: `${done * 100}%`,
            '--to': `${target * 100}%`,
            animationDuration: `${pace.beatMs}ms`,
          } as CSSProperties;
          return (
            <li key={d.layoutId}>
              <BookCard
                copy={d}
                tag={toward(d)}
                work={c ? `printing: ${c.ms} ms` : 'printing'}
                onKill={killOf(killer, d)}
              />
              <div
                className="progress"
                role="progressbar"
                aria-label={`${shortName(d.object)} printed`}
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

export function Shelf({ world, things, killer }: RoomProps) {
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
          <li key={slot.layoutId} className="shelf__slot" data-next-out={slot.nextOut ? 'yes' : undefined}>
            <BookCard
              copy={slot}
              tag={slot.nextOut ? 'next out ↑' : null}
              onKill={killOf(killer, slot)}
              compact={compact}
            />
          </li>
        ))}
      </ol>
    </Room>
  );
}

/** A room that lists the copies at one place, each with the reader it is for or from. */
function PlaceRoom({
  world,
  killer,
  at,
  ...room
}: Omit<RoomProps, 'things'> & {
  at: 'counter' | 'desk';
  id: string;
  title: string;
  note: string;
  className: string;
  empty: string;
}) {
  const here = drawnAt(world, at);
  return (
    <Room {...room} count={here.length}>
      <ul className="room__list">
        {here.map((d) => (
          <li key={d.layoutId}>
            <BookCard
              copy={d}
              tag={toward(d)}
              work={d.place.at === 'desk' ? deskWork(d.place.work) : d.object.busy ? deskWork(d.object.busy) : null}
              onKill={killOf(killer, d)}
            />
          </li>
        ))}
      </ul>
    </Room>
  );
}

export function CounterAndDesk({ world, things, killer }: RoomProps) {
  return (
    <div className="room-pair">
      <PlaceRoom
        world={world}
        killer={killer}
        at="counter"
        id="counter"
        className="room--counter"
        title="Counter"
        note={`The pool’s hands: ${things} on their way to a reader, or back.`}
        empty="Nothing passing."
      />
      <PlaceRoom
        world={world}
        killer={killer}
        at="desk"
        id="desk"
        className="room--desk"
        title="Cleaning desk"
        note={`Resets ${things} that come back.`}
        empty="Nothing to clean."
      />
    </div>
  );
}

export function LostAndBin({ world, things, killer }: RoomProps) {
  const bin = drawnAt(world, 'bin');
  const lost = drawnAt(world, 'lost');
  return (
    <div className="room-pair">
      <Room
        id="lost"
        className="room--lost"
        title="Lost"
        note="No reader holds these and the pool cannot reach them."
        empty="None."
        count={lost.length}
      >
        <ul className="room__list">
          {lost.map((d) => (
            <li key={d.layoutId}>
              <BookCard copy={d} tag="⚠ lost" onKill={killOf(killer, d)} compact />
            </li>
          ))}
        </ul>
      </Room>
      <Room id="bin" className="room--bin" title="Bin" note={`Closed ${things}.`} empty="Empty." count={bin.length}>
        <ul className="room__list">
          {bin.map((d) => (
            <li key={d.layoutId}>
              <BookCard copy={d} tag="closed" compact />
            </li>
          ))}
        </ul>
      </Room>
    </div>
  );
}
