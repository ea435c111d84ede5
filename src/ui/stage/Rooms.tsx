/**
 * The scene's stations, each drawing the copies the world puts there: the printing press (being
 * made), the shelf (a pile: the top goes out first), the cleaning desk (being reset), the lost
 * corner (only what the engine finds unreachable) and the bin (closed). The counter, where
 * ACQUIRE and RELEASE pass, is in Counter.tsx.
 */
import { useMemo, type CSSProperties } from 'react';
import type { ObjectView, PoolEvent, RunResult, World } from '../../engine';
import { ms } from '../../store/format';
import { drawnAt, forReader, shelfOf, type Drawn } from '../../store/stage';
import { BookCard } from './BookCard';
import { Station } from './Station';
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

/** "for Reader A →" for a copy on its way to a reader, "← back from Reader A" on its way back. */
export function toward(d: Drawn): string | null {
  const who = forReader(d.place);
  if (who === null) return null;
  if (d.place.at === 'counter' && d.place.way === 'back') return `← back from Reader ${who}`;
  if (d.place.at === 'desk') return `back from Reader ${who}`;
  return `for Reader ${who} →`;
}

/** Spaces that do not break the line: "200 ms" stays whole. */
const NO_BREAK = (text: string) => text.replace(/ /g, '\u00a0');

export function Press({
  world,
  now,
  run,
  killer,
  pace,
}: Omit<RoomProps, 'things'> & { now: number; run: RunResult; pace: Pace }) {
  // Keyed on the run: its events may have grown in place (manualLive.ts).
  const creation = useMemo(() => creationOf(run.events), [run]);
  const printing = drawnAt(world, 'press');
  return (
    <Station
      id="press"
      title="Printing press"
      note="Makes new ones: slow and costly."
      quiet
      empty="Idle."
      count={printing.length}
    >
      <ul className="room__list">
        {printing.map((d) => {
          const c = creation.get(d.object.id);
          const done = progressAt(c, now);
          const pct = Math.round(done * 100);
          const target = pace.nextT === null ? done : progressAt(c, pace.nextT);
          const fill = {
            width: `${done * 100}%`,
            '--to': `${target * 100}%`,
            animationDuration: `${pace.beatMs}ms`,
          } as CSSProperties;
          return (
            <li key={d.layoutId}>
              <BookCard copy={d} tag={toward(d)} onKill={killOf(killer, d)} compact />
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
              {/* When it will be ready, on the virtual clock (t): true at every moment, and while the
                  bar fills towards the next moment as it plays (a percentage stood still then). */}
              <span className="progress__text">{c ? `ready at ${NO_BREAK(ms(c.t + c.ms))}` : `${pct}% printed`}</span>
            </li>
          );
        })}
      </ul>
    </Station>
  );
}

export function Shelf({ world, things, killer }: RoomProps) {
  const slots = useMemo(() => shelfOf(world), [world]);
  // More than two books: each on one line, so a full shelf stays short.
  const compact = slots.length > 2;
  return (
    <Station
      id="shelf"
      title="The shelf"
      note="A pile: the last one put back is the first one out."
      quiet
      empty={`No ${things} on the shelf.`}
      count={slots.length}
    >
      <ol
        className="shelf"
        aria-label="The shelf, top first"
        data-shelf={world.pool.available.join(',')}
        data-compact={compact ? 'yes' : undefined}
      >
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
    </Station>
  );
}

export function Desk({ world, things, killer }: RoomProps) {
  const here = drawnAt(world, 'desk');
  return (
    <Station
      id="desk"
      title="Cleaning desk"
      note={`Resets ${things} that come back.`}
      quiet
      empty="Nothing to clean."
      count={here.length}
    >
      <ul className="room__list">
        {here.map((d) => (
          <li key={d.layoutId}>
            <BookCard
              copy={d}
              tag={toward(d)}
              work={d.place.at === 'desk' ? deskWork(d.place.work) : null}
              onKill={killOf(killer, d)}
              compact
            />
          </li>
        ))}
      </ul>
    </Station>
  );
}

export function Lost({ world, killer }: Omit<RoomProps, 'things'>) {
  const lost = drawnAt(world, 'lost');
  return (
    <Station
      id="lost"
      title="Lost"
      note="No reader holds these and the pool cannot reach them."
      quiet
      empty="Nothing lost."
      count={lost.length}
    >
      <ul className="room__list">
        {lost.map((d) => (
          <li key={d.layoutId}>
            <BookCard copy={d} tag="⚠ lost" onKill={killOf(killer, d)} compact />
          </li>
        ))}
      </ul>
    </Station>
  );
}

export function Bin({ world, things }: Omit<RoomProps, 'killer'>) {
  const bin = drawnAt(world, 'bin');
  return (
    <Station id="bin" title="Bin" note={`Closed ${things}.`} quiet empty="Empty." count={bin.length}>
      <ul className="room__list room__list--row">
        {bin.map((d) => (
          <li key={d.layoutId}>
            <BookCard copy={d} tag="closed" compact />
          </li>
        ))}
      </ul>
    </Station>
  );
}
