/**
 * The scene: the library at the cursor as one picture, drawn from the engine's world. Readers
 * queue at the lending counter; behind it the shelf, a pile whose top is marked "next out"; the
 * press, the cleaning desk, the bin and the lost corner as stations around them; a virtual clock;
 * the caption (given by the page) on the scene itself; then the counts (the pool's own counter
 * beside what readers hold) and the same as tables. Objects travel between stations (one motion
 * `layoutId` per drawn copy), each move as long as travel.ts says.
 */
import { useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ObjectView } from '../../engine';
import { countsOf } from '../../store/counts';
import { wordsOf } from '../../store/levels';
import { killableOf } from '../../store/manual';
import { selectLevel, selectNow, selectRun, selectWorld } from '../../store/selectors';
import type { LabState } from '../../store/labStore';
import { useLabActions, useLabShallow, useLabStore } from '../hooks/labStore';
import { useHeightRatchet } from '../hooks/useHeightRatchet';
import { Clock } from './Clock';
import { Counters } from './Counters';
import { heightOf, useForeseenHeight } from './foresee';
import type { Killer, Pace } from './Rooms';
import { SceneMap } from './SceneMap';
import { StageTable, TableToggle } from './StageTable';
import { coveredOf, travelMs, travelTransition, TravelContext } from './travel';

export interface StageProps {
  /** When on, each live object is a button that kills it (manual mode). */
  readonly killMode?: boolean;
  readonly onKilled?: () => void;
  /** The stage's heading (two stages on one page need two names). */
  readonly title?: string;
  /** The caption, drawn on the scene under the picture (the page's narration). */
  readonly caption?: ReactNode;
  /** Controls for the scene itself, at its top right (the presentation-mode switch). */
  readonly tools?: ReactNode;
}

export function Stage({ killMode = false, onKilled, title = 'The library', caption, tools }: StageProps) {
  const world = useLabStore(selectWorld);
  const now = useLabStore(selectNow);
  const level = useLabStore(selectLevel);
  const run = useLabStore(selectRun);
  const pace = useLabShallow(paceOf);
  const moveMs = useLabStore((s) => travelMs(coveredOf(s), s.speed));
  const travel = useMemo(() => travelTransition(moveMs), [moveMs]);
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
  const [table, setTable] = useState(false);
  // The scene keeps the tallest height it has had in this run, so the transport under it stays put
  // while the learner steps (hooks/useHeightRatchet.ts); opening the table or the kill hint starts
  // it again, and so does closing them.
  // Before the learner steps, the map and the counts are drawn unseen at every moment of the run
  // (foresee.tsx): the scene holds the tallest of them from the start, so the transport does not
  // move the first time the press and the counter fill either.
  const mapRef = useRef<HTMLDivElement>(null);
  const foreseeRef = useRef<HTMLDivElement>(null);
  const countsRef = useRef<HTMLDivElement>(null);
  // The moments a step can stop at: every event line by line, else the beats' last events.
  const stops = useLabStore((s) => (s.lineByLine ? null : s.beats));
  const foreseen = useForeseenHeight(run, level, stops, mapRef, foreseeRef);
  const heldFor = useMemo(() => ({ run, table, killMode }), [run, table, killMode]);
  const sceneRef = useHeightRatchet<HTMLElement>(
    heldFor,
    () => {
      const map = mapRef.current;
      if (foreseen === null || map === null || table || killMode) return 0;
      if (map.getBoundingClientRect().width !== foreseen.width) return 0;
      return foreseen.height - heightOf(countsRef.current ? [map, countsRef.current] : [map]);
    },
    foreseen,
  );

  return (
    <section
      ref={sceneRef}
      className="panel stage scene"
      aria-labelledby={titleId}
      data-t={now}
      data-move-ms={moveMs}
      data-foreseen={foreseen === null ? 'no' : 'yes'}
    >
      <div className="scene__head">
        <h2 id={titleId}>{title}</h2>
        <div className="scene__tools">
          <Clock t={now} toward={pace.nextT} overMs={pace.beatMs} />
          <TableToggle shown={table} onToggle={() => setTable((v) => !v)} />
          {tools}
        </div>
      </div>
      {killMode && (
        <p className="stage__hint" role="status">
          Choose a {words.thing} to kill: it stays where it is, but is dead the next time anyone uses it.
        </p>
      )}
      <TravelContext value={travel}>
        <SceneMap ref={mapRef} world={world} now={now} run={run} level={level} killer={killer} pace={pace} />
      </TravelContext>
      <div ref={foreseeRef} className="scene__foresee" aria-hidden="true" inert />
      {caption && <div className="scene__caption">{caption}</div>}
      <Counters ref={countsRef} counts={counts} words={words} />
      <StageTable world={world} now={now} level={level} counts={counts} shown={table} />
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
