/**
 * The monitor: one watcher over the event stream that notices the text's warnings coming true.
 * Every callout in the lab and every `warnings` entry of the CLI comes from here; no scenario
 * scripts its own. It reads each event and the runtime's record of objects and clients, and
 * emits a `monitor.warned` event right after the event that proved the problem.
 *
 * Warning kinds (see WARNINGS in types.ts):
 * - unbounded-growth   Level 1 made more objects than its initial size, or the production pool with
 *                      its maxSize fix off made more than maxSize: nothing bounds it.
 * - over-max           more objects open than maxSize.
 * - exhausted          the pool refused an acquire.
 * - dirty-object       an object was handed out still carrying a previous borrower's data.
 * - dirty-read         a reader read data that a previous borrower wrote.
 * - dead-handout       a dead object was handed out.
 * - dead-used          a reader used or read a dead object.
 * - double-shelved     one object stands on the shelf twice.
 * - shared-object      one object is held by two references at once.
 * - counter-negative   the borrowed counter went below zero.
 * - capacity-lost      a release failed (or was refused, and its reader let go): the object is
 *                      neither lent nor shelved, and never will be.
 * - leaked             a reader crashed holding an object: it will never come back.
 *                      These two are said exactly when an object becomes lost (unreachable: no reader
 *                      holds it, it is not on the shelf, no pool operation has it), not when the
 *                      failing reader's reference was only one of several (a double release).
 * - closed-with-borrowed  close() ran while objects were lent out; they stay open (not on the
 *                       production pool with cleanup on: it closes them when they come back).
 * - created-after-close   the pool created an object after close().
 * - timeout            an acquire gave up waiting (production level).
 * - leak-suspected     an object has been borrowed for leakThreshold (production level).
 * - waiting-forever    a reader was still waiting when nothing else could happen.
 * - open-after-close   objects were still open when everything had finished after close().
 */
import type { BoundKind, EventBody, LineId, WarningKind } from './types';
import type { Runtime } from './world';

const name = (id: number | null) => `object ${id ?? '?'}`;

/** The readers holding an object, in the order they came. */
function holdersOf(rt: Runtime, id: number): string[] {
  const who: string[] = [];
  for (const c of rt.clientList) if (c.holding.some((h) => h.id === id)) who.push(c.name);
  return who;
}

/** Who and what an event is about, and its line: what a warning about it is said with. */
interface About {
  client: string | null;
  object: number | null;
  line: LineId | null;
}

/** 1st, 2nd, 3rd, 4th, … 11th, 12th, 13th, … 21st. */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

export interface Monitor {
  /** Checks that can only be made when nothing is left to happen. */
  finish(): void;
  /** Whether `finish` would warn of anything, were everything to end now. */
  finishWarns(): boolean;
}

export interface MonitorOptions {
  readonly bound: number | null;
  /** What the bound is: Level 1's start-up `size` is no limit, so growing past it is unbounded growth. */
  readonly boundKind: BoundKind;
  /** Nothing bounds the pool (Level 1, or the production pool with its maxSize fix off). */
  readonly unbounded?: boolean;
  /** close() destroys borrowed objects when they come back (the production pool's cleanup). */
  readonly closesOnReturn?: boolean;
}

export function createMonitor(rt: Runtime, opts: MonitorOptions): Monitor {
  let lastInUse: number | null = null;
  let highWater = opts.bound ?? Number.POSITIVE_INFINITY;
  /** Objects said to be lost (leaked, capacity-lost) and not seen on the shelf or lent since. */
  const lost = new Set<number>();
  /** The run keeps its events: a warning's words are read (a run that keeps none only counts its kinds). */
  const keeps = rt.record;
  /** Said right after the event that proved it, about the same reader and object, at the same line. */
  const warn = (warning: WarningKind, message: string, at: About) => {
    if ((warning === 'leaked' || warning === 'capacity-lost') && at.object !== null) lost.add(at.object);
    rt.emit({ type: 'monitor.warned', warning, message }, at);
  };

  /** The loans (leases) of objects dead when handed out: a failed use of one says it came dead, not that it died held. */
  const handedDead = new Set<number>();
  /** The reader's newest loan of the object. */
  const leaseOf = ({ client, object }: About): number | undefined => {
    const holding = client === null ? undefined : rt.clients.get(client)?.holding;
    if (holding !== undefined)
      for (let k = holding.length - 1; k >= 0; k--) if (holding[k]!.id === object) return holding[k]!.lease;
    return undefined;
  };
  /** Objects whose release was refused, by the reader whose step or block is yet to end. */
  const refused = new Map<number, string>();
  // Who and what the event being read is about: one record, filled per event (a warning is said
  // before the next event is read, and the monitor does not read its own warnings).
  const at: About = { client: null, object: null, line: null };
  const countsSaid = rt.countsWatched;
  const watch = (e: EventBody, client: string | null, object: number | null, line: LineId | null): void => {
    if (e.type === 'monitor.warned') return;
    at.client = client;
    at.object = object;
    at.line = line;
    // A level's own counter, watched (`countMoves`), moves only where it says so: its `pool.counted`
    // is the first event after each move, so it is read there (the same warnings, at the same events).
    if (!countsSaid || e.type === 'pool.counted') {
      const inUse = rt.inUse();
      if (inUse !== null && inUse < 0 && (lastInUse === null || lastInUse >= 0)) {
        warn('counter-negative', `the borrowed counter is ${inUse}: more releases than acquires`, at);
      }
      lastInUse = inUse;
    }
    const obj = object === null ? undefined : rt.object(object);
    switch (e.type) {
      case 'object.creating': {
        let open = 0;
        for (const o of rt.objects) if (!o.closed) open++;
        if (open > highWater) {
          highWater = open;
          // Said as it starts being made, in words that stay true after (the callout quotes it later).
          const sent = `the ${ordinal(open)} object went to the press`;
          if (opts.boundKind === 'size')
            warn(
              'unbounded-growth',
              `${sent}, more than the ${opts.bound} it started with, and nothing stops more`,
              at,
            );
          else if (opts.unbounded)
            warn('unbounded-growth', `${sent}, past maxSize ${opts.bound}: nothing checks the limit`, at);
          else warn('over-max', `${sent}, more than maxSize ${opts.bound}`, at);
        }
        if (rt.poolState().closed) warn('created-after-close', `the pool created ${name(object)} after close()`, at);
        break;
      }
      case 'object.shelved': {
        if (object !== null) lost.delete(object);
        let copies = 0;
        for (const o of rt.poolState().available) if (o.id === object) copies++;
        if (copies > 1) warn('double-shelved', `${name(object)} is on the shelf ${copies} times`, at);
        break;
      }
      case 'object.acquired': {
        if (object !== null) lost.delete(object);
        if (!obj) break;
        if (!obj.alive) {
          const lease = leaseOf(at);
          if (lease !== undefined) handedDead.add(lease);
          warn('dead-handout', `${client} was handed ${name(object)}, which is dead`, at);
        }
        let refs = 0;
        for (const c of rt.clientList) for (const h of c.holding) if (h.id === obj.id) refs++;
        if (refs > 1) {
          const who = holdersOf(rt, obj.id);
          warn('shared-object', `${name(object)} is held by ${who.join(' and ')} at once`, at);
        } else if (obj.running.length > 0) {
          // Handed out while another reader's call still works on it (a release cleaning it, an
          // acquire checking it): both have it at once. The acquirer's own work has ended by now.
          warn(
            'shared-object',
            `${client} was handed ${name(object)} while ${obj.running.join(' and ')} was still running on it for another reader`,
            at,
          );
        }
        // (Its words are made only for a run that keeps them: Level 1 warns of a dirty book at every borrow.)
        if (obj.state !== null)
          warn(
            'dirty-object',
            keeps ? `${client} got ${name(object)} still holding "${obj.state}" from an earlier borrower` : '',
            at,
          );
        break;
      }
      case 'object.read': {
        if (!obj || e.sees === null || client === null) break;
        if (obj.writtenBy === leaseOf(at)) break;
        // The writer may hold it still, at the same time (two readers handed one object), or have had it before.
        if (!keeps) {
          warn('dirty-read', '', at);
          break;
        }
        let writer: string | null = null;
        for (const c of rt.clientList)
          if (c.name !== client)
            for (const h of c.holding) if (h.id === obj.id && h.lease === obj.writtenBy) writer = c.name;
        warn(
          'dirty-read',
          writer === null
            ? `${client} read "${e.sees}", written by an earlier borrower`
            : `${client} read "${e.sees}", written by ${writer}, who holds the same object at the same time`,
          at,
        );
        break;
      }
      case 'use.failed':
        warn(
          'dead-used',
          handedDead.has(leaseOf(at) ?? -1)
            ? `${client} tried to use ${name(object)}, which was already dead when the pool handed it over`
            : `${client} tried to use ${name(object)}, which is dead`,
          at,
        );
        break;
      case 'client.crashed':
        // Lost only if nothing else can reach it (after a double release it may still be on the
        // shelf, or in another reader's hands): the reader's reference is gone, not the object.
        if (obj && rt.unreachable(obj))
          warn('leaked', `${client} crashed holding ${name(object)}; it will never be returned`, at);
        break;
      case 'pool.exhausted':
        warn('exhausted', `the pool refused ${client ?? 'a reader'}: ${e.message}`, at);
        break;
      case 'release.refused':
        // A refused release loses the object only if, once its reader lets go of it (now, or at the
        // end of the step or block), nothing can reach it: a race can leave it neither lent nor shelved.
        // (One said to be lost already, a crashed reader's, is not lost again.)
        if (obj && client !== null && !lost.has(obj.id)) refused.set(obj.id, client);
        break;
      case 'block.exited':
      case 'step.finished':
        if (obj && client !== null && refused.get(obj.id) === client) {
          refused.delete(obj.id);
          if (rt.unreachable(obj))
            warn(
              'capacity-lost',
              `releasing ${name(object)} was refused, and no one holds it and it is not on the shelf: it will never be lent again`,
              at,
            );
        }
        break;
      case 'release.failed':
        if (obj && !rt.unreachable(obj)) break; // still on the shelf (a double release) or in other hands
        warn(
          'capacity-lost',
          `releasing ${name(object)} failed (${e.message}); it is still counted as lent and will never be shelved`,
          at,
        );
        break;
      case 'pool.closed':
        // The production pool closes borrowed objects as they come back; if one never does, the
        // end-of-run check (open-after-close) says so.
        if (e.borrowed > 0 && !opts.closesOnReturn)
          warn('closed-with-borrowed', `close() left ${e.borrowed} borrowed object(s) open`, at);
        break;
      case 'acquire.timedout':
        warn('timeout', `${client} gave up waiting: ${e.message}`, at);
        break;
      case 'leak.suspected':
        warn('leak-suspected', `${name(object)} has been borrowed by ${client} since ${e.since} ms`, at);
        break;
      default:
        break;
    }
  };
  rt.listeners.push(watch);

  return {
    finishWarns() {
      const state = rt.poolState();
      return state.waiting.length > 0 || (state.closed && rt.objects.some((o) => !o.closed));
    },
    finish() {
      const state = rt.poolState();
      for (const { client, since } of state.waiting) {
        rt.emit(
          {
            type: 'monitor.warned',
            warning: 'waiting-forever',
            message: `${client} has been waiting since ${since} ms, and nothing will ever come`,
          },
          { client, object: null, line: null },
        );
      }
      if (state.closed) {
        const open = rt.objects.filter((o) => !o.closed).map((o) => o.id);
        if (open.length > 0) {
          rt.emit(
            {
              type: 'monitor.warned',
              warning: 'open-after-close',
              message: `after close(), ${open.length} object(s) were never closed: ${open.join(', ')}`,
            },
            { client: null, object: null, line: null },
          );
        }
      }
    },
  };
}
