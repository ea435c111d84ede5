/**
 * The stage: the library at the cursor, drawn from the engine's world. The counts (the pool's own
 * counter beside what readers hold), the rooms (press, shelf, counter, desk, lost, bin: see
 * Rooms.tsx), the readers with their states, and the same as tables.
 */
import { useId, useMemo } from 'react';
import type { ObjectView } from '../../engine';
import { countsOf } from '../../store/counts';
import { wordsOf } from '../../store/levels';
import { killableOf } from '../../store/manual';
import { selectEvents, selectLevel, selectWorld } from '../../store/selectors';
import type { LabState } from '../../store/labStore';
import { useLabActions, useLabShallow, useLabStore } from '../hooks/labStore';
import { Counters } from './Counters';
import { Readers } from './Readers';
import { CounterAndDesk, LostAndBin, Press, Shelf, type Killer, type Pace } from './Rooms';
import { StageTable } from './StageTable';

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
  const kill = (o: ObjectView) => {
    actions.kill(o.id);
    onKilled?.();
  };
  const killer: Killer = (o) => (killable.has(o.id) ? kill : null);
  const counts = useMemo(() => countsOf(world, level), [world, level]);

  // Ids from useId, so that two stages can stand side by side (the production page compares two).
  const titleId = useId();
  const words = wordsOf(level);

  return (
    <section className="panel stage" aria-labelledby={titleId} data-t={world.t}>
      <div className="panel__head">
        <h2 id={titleId}>{title}</h2>
        <Counters counts={counts} words={words} />
      </div>
      {killMode && (
        <p className="stage__hint" role="status">
          Choose a {words.thing} to kill: it stays where it is, but is dead the next time anyone uses it.
        </p>
      )}
      <div className="stage__rooms">
        <Press world={world} events={events} things={words.things} killer={killer} pace={pace} />
        <Shelf world={world} things={words.things} killer={killer} />
        <CounterAndDesk world={world} things={words.things} killer={killer} />
        <LostAndBin world={world} things={words.things} killer={killer} />
      </div>
      <Readers world={world} level={level} killer={killer} />
      <StageTable world={world} level={level} counts={counts} />
    </section>
  );
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
