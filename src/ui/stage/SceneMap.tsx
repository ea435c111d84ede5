/**
 * The picture at one moment: the stations around the counter and the readers, drawn from the world
 * alone — on the stage, and unseen at every moment of a run to foresee its tallest (foresee.tsx).
 */
import { useMemo, type Ref } from 'react';
import type { LevelId, RunResult, World } from '../../engine';
import { wordsOf } from '../../store/levels';
import { Counter } from './Counter';
import { opOfReader, type Op } from './ops';
import { Readers } from './Readers';
import { Bin, Desk, Lost, Press, Shelf, type Killer, type Pace } from './Rooms';

export interface SceneMapProps {
  readonly world: World;
  readonly now: number;
  readonly run: RunResult;
  readonly level: LevelId;
  readonly killer: Killer;
  readonly pace: Pace;
  readonly ref?: Ref<HTMLDivElement>;
}

export function SceneMap({ world, now, run, level, killer, pace, ref }: SceneMapProps) {
  const words = wordsOf(level);
  const busy = useMemo(() => new Set(world.clients.map(opOfReader).filter((op): op is Op => op !== null)), [world]);
  return (
    <div ref={ref} className="scene__map">
      <Press world={world} now={now} run={run} killer={killer} pace={pace} />
      <Desk world={world} things={words.things} killer={killer} />
      <Lost world={world} killer={killer} />
      <Bin world={world} things={words.things} />
      <Shelf world={world} things={words.things} killer={killer} />
      <Counter world={world} things={words.things} killer={killer} busy={busy} />
      <Readers world={world} level={level} final={run.final} killer={killer} pace={pace} />
    </div>
  );
}
