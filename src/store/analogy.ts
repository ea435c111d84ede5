/**
 * The home page's run: the engine's two runs of one stream of readers (no pool, and Level 1),
 * turned into what the two scenes draw. A scene's moment is one reader's action at one instant
 * (the engine's events grouped by time and reader); its frame says where every book is — at the
 * place the engine's world puts it, in the scene's geometry (analogyScene.ts) — what each reader
 * is doing, and one sentence. The totals come from the same runs.
 *
 * The page loads this module on Play (it brings the engine); its first frame needs none of it.
 */
import { runAnalogy, READ_MS } from '../engine';
import type { Arrival, PoolEvent, RunResult, World } from '../engine';
import { captionOf } from './analogyCaptions';
import {
  binSpot,
  firstFrame,
  handsSpot,
  HOW,
  pressSpot,
  readerSpot,
  shelfSpot,
  STATIONS,
  TITLES,
  type DrawnBook,
  type ReaderDoing,
  type ReaderFigure,
  type SceneFrame,
  type SideKey,
} from './analogyScene';

export const ANALOGY_SEED = 7;

export interface AnalogySide {
  readonly key: SideKey;
  readonly title: string;
  readonly how: string;
  /** Frame 0 is the scene before anything happened; then one per moment. */
  readonly frames: readonly SceneFrame[];
  /** Virtual ms the readers spent from arriving to leaving, added up. */
  readonly totalMs: number;
  /** Virtual ms the readers waited for a book, added up. */
  readonly waitMs: number;
  /** Virtual ms when the last reader left. */
  readonly finishedAt: number;
  readonly printed: number;
  readonly reused: number;
}

export interface AnalogyView {
  readonly readers: number;
  /** Virtual ms a read takes (the engine's `useMs` for the analogy). */
  readonly readMs: number;
  readonly arrivals: readonly Arrival[];
  readonly sides: readonly [AnalogySide, AnalogySide];
  /** How many times less the readers waited with the pool (≥ 1), to one decimal. */
  readonly lessWaiting: number;
}

/** The engine's events, cut into moments: a new one at each new instant or new reader. */
export function momentsOf(events: readonly PoolEvent[]): { first: number; last: number }[] {
  const out: { first: number; last: number }[] = [];
  // The pool opening (before any reader) is frame 0, not a moment.
  let i = events.findIndex((e) => e.client !== null);
  if (i < 0) return out;
  let first = i;
  for (i = first + 1; i <= events.length; i++) {
    const e = events[i];
    const open = events[first]!;
    if (!e || e.t !== open.t || (e.client !== null && e.client !== open.client)) {
      out.push({ first, last: i - 1 });
      first = i;
    }
  }
  return out;
}

/** Keeps a book in one slot of a station while it stays there (the lowest free slot on arrival). */
class Slots {
  private readonly taken = new Map<number, number>();
  at(ids: readonly number[]): Map<number, number> {
    for (const id of [...this.taken.keys()]) if (!ids.includes(id)) this.taken.delete(id);
    for (const id of ids) {
      if (this.taken.has(id)) continue;
      const used = new Set(this.taken.values());
      let k = 0;
      while (used.has(k)) k++;
      this.taken.set(id, k);
    }
    return this.taken;
  }
}

function readerDoing(world: World, name: string): { doing: ReaderDoing; holding: number | null } {
  const c = world.clients.find((x) => x.name === name);
  if (!c) return { doing: 'not-yet', holding: null };
  const holding = c.holding.at(-1) ?? null;
  switch (c.state) {
    case 'asking':
    case 'waiting':
      return { doing: 'waiting', holding };
    case 'holding':
      return { doing: c.doing === 'read' ? 'reading' : 'returning', holding };
    case 'returning':
      return { doing: 'returning', holding };
    default:
      return { doing: holding === null ? 'done' : 'returning', holding };
  }
}

function sceneOf(run: RunResult, arrivals: readonly Arrival[], pool: boolean): SceneFrame[] {
  const events = run.events;
  const readMs = new Map<string, number>();
  const reads = new Map<string, { from: number; until: number }>();
  for (const s of run.steps) {
    if (s.step.do !== 'read' || s.step.client === undefined || s.startedAt === null || s.endedAt === null) continue;
    readMs.set(s.step.client, s.endedAt - s.startedAt);
    reads.set(s.step.client, { from: s.startedAt, until: s.endedAt });
  }
  const prints = new Map<number, { from: number; until: number }>();
  const line = new Map(arrivals.map((a, i) => [a.reader, i]));
  const press = new Slots();
  const bin = new Slots();
  const frames: SceneFrame[] = [firstFrame(arrivals.length)];
  let seen = 0;
  for (const m of momentsOf(events)) {
    for (; seen <= m.last; seen++) {
      const e = events[seen]!;
      if (e.type === 'object.creating' && e.object !== null) prints.set(e.object, { from: e.t, until: e.t + e.ms });
    }
    const world = events[m.last]!.world!;
    const atPress = world.objects.filter((o) => o.places.some((p) => p.at === 'press')).map((o) => o.id);
    const inBin = world.objects.filter((o) => o.places.some((p) => p.at === 'bin')).map((o) => o.id);
    const pressSlots = press.at(atPress);
    const binSlots = bin.at(inBin);
    const top = world.pool.available.length - 1;
    const drawn: DrawnBook[] = [];
    for (const o of world.objects) {
      for (const p of o.places) {
        const base = { id: o.id, nextOut: false, work: null, reader: null };
        switch (p.at) {
          case 'press':
            drawn.push({
              ...base,
              spot: 'press',
              reader: p.for,
              ...pressSpot(pressSlots.get(o.id)!),
              work: { kind: 'print', ...prints.get(o.id)! },
            });
            break;
          case 'shelf':
            drawn.push({ ...base, spot: 'shelf', nextOut: p.slot === top, ...shelfSpot(p.slot) });
            break;
          case 'hands': {
            const who = p.readers[0]!;
            const reading = readerDoing(world, who).doing === 'reading' ? reads.get(who) : undefined;
            drawn.push({
              ...base,
              spot: 'hands',
              reader: who,
              ...handsSpot(line.get(who)!),
              work: reading ? { kind: 'read', ...reading } : null,
            });
            break;
          }
          case 'bin':
            drawn.push({ ...base, spot: 'bin', ...binSpot(binSlots.get(o.id)!) });
            break;
          case 'counter':
          case 'desk':
            drawn.push({ ...base, spot: p.at, reader: p.reader, x: STATIONS.counter.x, y: STATIONS.counter.y });
            break;
          case 'lost':
            drawn.push({ ...base, spot: 'lost', x: STATIONS.counter.x, y: STATIONS.counter.y });
            break;
        }
      }
    }
    const readers: ReaderFigure[] = arrivals.map((a, i) => ({
      name: a.reader,
      ...readerDoing(world, a.reader),
      ...readerSpot(i),
    }));
    const onShelf = world.pool.available.length;
    frames.push({
      t: events[m.last]!.t,
      caption: captionOf({ events: events.slice(m.first, m.last + 1), readMs, onShelf, pool }),
      books: drawn,
      readers,
      printed: world.pool.created,
      onShelf,
      burned: inBin.length,
    });
  }
  return frames;
}

function side(
  key: SideKey,
  run: RunResult,
  arrivals: readonly Arrival[],
  totalMs: number,
  waitMs: number,
): AnalogySide {
  const pool = key === 'withPool';
  return {
    key,
    title: TITLES[key],
    how: HOW[key],
    frames: sceneOf(run, arrivals, pool),
    totalMs,
    waitMs,
    finishedAt: run.time,
    printed: run.final.pool.created,
    reused: run.steps.filter((s) => s.step.do === 'acquire' && s.outcome.source === 'shelf').length,
  };
}

export function analogyView(readers: number, seed = ANALOGY_SEED): AnalogyView {
  const a = runAnalogy({ readers, seed });
  const without = side('withoutPool', a.withoutPool, a.arrivals, a.totals.withoutPool, a.waits.withoutPool);
  const withPool = side('withPool', a.withPool, a.arrivals, a.totals.withPool, a.waits.withPool);
  return {
    readers,
    readMs: READ_MS,
    arrivals: a.arrivals,
    sides: [without, withPool],
    lessWaiting: Math.round((a.waits.withoutPool / Math.max(a.waits.withPool, 0.5)) * 10) / 10,
  };
}
