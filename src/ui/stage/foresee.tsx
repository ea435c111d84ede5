/**
 * The tallest the scene's map and its counts will be in a run, known before the learner gets there.
 * The map changes height as the press, the counter and the readers' cards fill, and the counts take
 * a second or third line to say what is on its way; the scene holding its tallest height so far
 * (useHeightRatchet) still moved the transport down the first time each grew — five times in
 * thirteen presses of Step forward in "Four readers at once", under the learner's pointer.
 *
 * So the map and the counts are drawn once more, unseen, at each moment of the run where what they
 * draw changed: the same components as the live ones (SceneMap, Counters), in a second React root
 * inside the scene (the same width, the same styles and container queries), static (no motion:
 * nothing animates and no `layoutId` meets the live ones), in slices of a few milliseconds so the
 * page stays responsive, and empty between slices. Their tallest height at this width is the
 * answer, measured again when the width changes. A run of more than `MOST` such moments (a long
 * manual session) is not foreseen: the ratchet alone holds it, as before.
 */
import { MotionConfig } from 'motion/react';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { LevelId, RunResult, World } from '../../engine';
import type { Beat } from '../../store/beats';
import { countsOf } from '../../store/counts';
import { wordsOf } from '../../store/levels';
import { Counters } from './Counters';
import { SceneMap } from './SceneMap';

export interface Foreseen {
  /** The map's width it was measured at, in CSS px. */
  readonly width: number;
  /** The tallest the map and the counts under it are together, over the run, at that width. */
  readonly height: number;
}

/** The most moments drawn unseen for one run. */
const MOST = 400;
/** Drawing is done in slices this long (ms), each in a task of its own. */
const SLICE_MS = 8;
const NO_KILL = () => null;

/** The map's and the counts' heights together (what the scene grows by; the gap between them stays). */
export function heightOf(parts: Iterable<Element>): number {
  let height = 0;
  for (const part of parts) height += part.getBoundingClientRect().height;
  return height;
}

type Moment = { readonly world: World; readonly t: number; readonly cursor: number };

/**
 * The moments of `events` from `from` on that the learner can be shown — every event line by line,
 * else only the moments the steps stop at (`shown`, the beats' last events) — and whose world
 * differs from the one before (`last`): its objects, its readers or the pool's own view, which the
 * counts read (a world shares what did not change with the one before).
 */
export function momentsToDraw(
  events: RunResult['events'],
  shown: ReadonlySet<number> | null = null,
  from = 0,
  last?: World,
): Moment[] {
  const moments: Moment[] = [];
  for (let cursor = from; cursor < events.length; cursor++) {
    if (shown !== null && !shown.has(cursor)) continue;
    const e = events[cursor]!;
    const world = e.world;
    if (world === undefined) continue;
    if (
      last !== undefined &&
      world.objects === last.objects &&
      world.clients === last.clients &&
      world.pool === last.pool
    )
      continue;
    last = world;
    moments.push({ world, t: e.t, cursor });
  }
  return moments;
}

/** How far the foreseeing went: a run grown in place (the manual panel) is foreseen from there on. */
interface Seen {
  readonly events: RunResult['events'];
  readonly lineByLine: boolean;
  readonly upTo: number;
  readonly last: World | undefined;
  readonly count: number;
  readonly tallest: Foreseen;
}

/**
 * The tallest the map and the counts are together over `run`, drawn unseen into `host` (an empty
 * element in the scene) at the live map's width, at the moments the steps stop at (`beats`; null:
 * line by line, every event); null until known, and for a run too long to foresee.
 */
export function useForeseenHeight(
  run: RunResult,
  level: LevelId,
  beats: readonly Beat[] | null,
  map: RefObject<HTMLElement | null>,
  host: RefObject<HTMLElement | null>,
): Foreseen | null {
  const [tallest, setTallest] = useState<Foreseen | null>(null);
  const seen = useRef<Seen | null>(null);
  useEffect(() => {
    const live = map.current;
    const into = host.current;
    if (live === null || into === null || typeof ResizeObserver === 'undefined') return;
    // A container of its own for each run: the last run's root is let go of later, not in this commit.
    const box = into.appendChild(document.createElement('div'));
    const root = createRoot(box, { identifierPrefix: 'foreseen-' });
    let timer: ReturnType<typeof setTimeout> | undefined;
    let width = -1;
    // Set by the clean-up, which can run inside a slice: a `flushSync` also commits the page's own
    // pending updates, and with them this effect's clean-up.
    let over = false;

    const draw = (moments: readonly Moment[], from: number, atWidth: number, height: number, count: number): void => {
      const start = performance.now();
      let i = from;
      let most = height;
      while (!over && i < moments.length && performance.now() - start < SLICE_MS) {
        const { world, t, cursor } = moments[i]!;
        flushSync(() =>
          root.render(
            <MotionConfig isStatic>
              <SceneMap
                world={world}
                now={t}
                run={run}
                level={level}
                killer={NO_KILL}
                pace={{ cursor, nextT: null, beatMs: 0 }}
              />
              <Counters counts={countsOf(world, level)} words={wordsOf(level)} />
            </MotionConfig>,
          ),
        );
        most = Math.max(most, heightOf(box.children));
        i++;
      }
      // Nothing is left drawn between slices: no second press or shelf for anyone to find on the page.
      flushSync(() => root.render(null));
      if (over) return;
      if (i < moments.length) {
        timer = setTimeout(() => draw(moments, i, atWidth, most, count), 0);
        return;
      }
      const found = { width: atWidth, height: most };
      const events = run.events;
      seen.current = {
        events,
        lineByLine: beats === null,
        upTo: events.length,
        last: moments.at(-1)?.world ?? seen.current?.last,
        count,
        tallest: found,
      };
      setTallest(found);
    };

    const foresee = (atWidth: number): void => {
      // The same events grown in place, at the same width: only what came since.
      const before = seen.current;
      const lineByLine = beats === null;
      const grown =
        before !== null &&
        before.events === run.events &&
        before.lineByLine === lineByLine &&
        before.tallest.width === atWidth;
      const shown = beats === null ? null : new Set(beats.map((b) => b.last));
      const moments = grown
        ? momentsToDraw(run.events, shown, before.upTo, before.last)
        : momentsToDraw(run.events, shown);
      const count = (grown ? before.count : 0) + moments.length;
      if (count === 0 || count > MOST) {
        setTallest(null);
        return;
      }
      if (!grown) setTallest(null);
      timer = setTimeout(() => draw(moments, 0, atWidth, grown ? before.tallest.height : 0, count), 0);
    };

    const observer = new ResizeObserver(() => {
      const now = live.getBoundingClientRect().width;
      if (now === width) return;
      width = now;
      clearTimeout(timer);
      box.style.width = `${now}px`;
      foresee(now);
    });
    observer.observe(live);
    return () => {
      over = true;
      observer.disconnect();
      clearTimeout(timer);
      // Not while React is committing this tree: the unseen root is let go of just after.
      setTimeout(() => {
        root.unmount();
        box.remove();
      }, 0);
    };
  }, [run, level, beats, map, host]);
  return tallest;
}
