/**
 * Beats: the timeline as a learner steps through it. The engine's events are fine-grained (a
 * return is "returns", "goes on top", "is back with the pool", "is done" — four events at one
 * instant), which the code panel needs and the eye does not. A beat groups the events that make one
 * change a learner can see: one reader's action (or the pool's own work on one object) at one
 * instant, within one of the three operations — ACQUIRE, USE, RELEASE.
 *
 * A pure function of the events, so every layer that steps through a timeline agrees on it. The
 * facts (time, reader, object, which operation an event belongs to) all come from the engine's
 * events; nothing here looks at the page.
 *
 * The rules, in order — a new beat starts at an event when:
 * 1. it is the first event;
 * 2. it is a `monitor.warned` at a new instant (at the same instant a warning always joins the beat
 *    of the event that raised it, whoever it names);
 * 3. its virtual time differs from the beat's, or its reader differs (the pool's own work counts as
 *    a reader of its own);
 * 4. it starts a scenario step (`step.started`): one step of the file is one action;
 * 5. it belongs to another operation than the beat's (a guaranteed-return block acquires, uses and
 *    releases at one instant: three beats);
 * 6. for the pool's own work outside any step (opening, background clean-up), it concerns another
 *    object than the beat's (each book made at start-up is its own move, press to shelf).
 */
import { innermostLine, type PoolEvent } from '../engine';

/** The three operations of the guide, the ones the scene, the code and the log colour alike. */
export type Operation = 'acquire' | 'use' | 'release';

export interface Beat {
  /** Index of its first event in the timeline. */
  readonly first: number;
  /** Index of its last event: the moment the beat shows (its world is the world after this event). */
  readonly last: number;
  /** The virtual time of its events. */
  readonly t: number;
  /** The reader acting, or null for the pool's own work. */
  readonly client: string | null;
  /** The operation its events belong to, if any (a kill, a restart or the pool opening have none). */
  readonly op: Operation | null;
  /** Whether the monitor raised a warning in it. */
  readonly warned: boolean;
}

const OPERATION_OF: Partial<Record<PoolEvent['type'], Operation>> = {
  'object.creating': 'acquire',
  'object.created': 'acquire',
  'object.taken': 'acquire',
  'object.acquired': 'acquire',
  'object.validated': 'acquire',
  'acquire.queued': 'acquire',
  'acquire.timedout': 'acquire',
  'acquire.rejected': 'acquire',
  'pool.exhausted': 'acquire',
  'block.entered': 'use',
  'object.written': 'use',
  'object.read': 'use',
  'use.failed': 'use',
  'block.failed': 'use',
  'object.released': 'release',
  'object.shelved': 'release',
  'object.resetting': 'release',
  'object.reset': 'release',
  'release.failed': 'release',
  'release.refused': 'release',
  'object.handedoff': 'release',
  'block.exited': 'release',
};

/**
 * The operation an event of a reader belongs to; null for the pool's own work and for events that
 * belong to none (a step starting or finishing, a crash, a kill, a warning).
 */
export function operationOf(e: PoolEvent): Operation | null {
  if (e.client === null) return null;
  if (e.type === 'statement.started' || e.type === 'statement.finished') {
    // The pool's check on the way out, its clean-up on the way back; any other statement is the
    // reader's own (a SET it writes, the SHOW ALL of its read), inside its use.
    if (e.sql === 'SELECT 1' && e.line !== null && innermostLine(e.line).startsWith('validate')) return 'acquire';
    if (e.sql === 'ROLLBACK' || e.sql === 'DISCARD ALL' || e.sql === 'COMMIT') return 'release';
    return 'use';
  }
  // The borrowed counter goes up as an object is lent, down as one comes back.
  if (e.type === 'pool.counted') return e.by > 0 ? 'acquire' : 'release';
  return OPERATION_OF[e.type] ?? null;
}

interface Open {
  first: number;
  t: number;
  client: string | null;
  op: Operation | null;
  warned: boolean;
  /** Whether the beat began with a scenario step starting. */
  step: boolean;
  object: number | null;
}

function startsBeat(e: PoolEvent, open: Open): boolean {
  if (e.type === 'monitor.warned') return e.t !== open.t;
  if (e.t !== open.t || e.client !== open.client || e.type === 'step.started') return true;
  const op = operationOf(e);
  if (op !== null && open.op !== null && op !== open.op) return true;
  return !open.step && e.client === null && e.object !== null && open.object !== null && e.object !== open.object;
}

/** The timeline's beats, in order: every event in exactly one, none empty. */
export function beatsOf(events: readonly PoolEvent[]): Beat[] {
  const out: Beat[] = [];
  let open: Open | null = null;
  const close = (last: number) => {
    if (open) out.push({ first: open.first, last, t: open.t, client: open.client, op: open.op, warned: open.warned });
  };
  events.forEach((e, i) => {
    if (open === null || startsBeat(e, open)) {
      close(i - 1);
      open = {
        first: i,
        t: e.t,
        client: e.client,
        op: null,
        warned: false,
        step: e.type === 'step.started',
        object: null,
      };
    }
    open.op ??= operationOf(e);
    open.object ??= e.type === 'monitor.warned' ? null : e.object;
    if (e.type === 'monitor.warned') open.warned = true;
  });
  close(events.length - 1);
  return out;
}

/** The index of the beat holding event `index` (clamped to the timeline). */
export function beatIndexOf(beats: readonly Beat[], index: number): number {
  let lo = 0;
  let hi = beats.length - 1;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (beats[mid]!.first <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Where the cursor goes to show event `index`: in beats, the last event of its beat (the beat's
 * world is the one after all its events); line by line, the event itself. A link's `step` (an
 * event index, as links have always counted) is opened through this, so an old link opens the beat
 * that contains its event.
 */
export function momentOf(beats: readonly Beat[], index: number, lineByLine: boolean): number {
  if (lineByLine || beats.length === 0) return index;
  return beats[beatIndexOf(beats, index)]!.last;
}
