/**
 * Narration: one plain sentence per event, in the level's words, for the live region and the
 * event log. It reads the event, the world snapshot recorded with it, and — for a whole timeline
 * (`narrateAll`) — what earlier events said about the same object, so that no sentence contradicts
 * one before it (a connection handed straight to a waiting reader is not later said to come from
 * the shelf).
 *
 * The switch over event types is exhaustive: adding an event type to the engine without a
 * sentence here fails the type check.
 */
import { LEVELS } from '../engine';
import type { Lends, LevelId, ObjectView, PoolEvent, World } from '../engine';
import { operationOf } from './beats';
import { andList, ms } from './format';
import { alsoHeld, count, finished, firstLoan, objectView, started, who, type Telling } from './narrateSteps';
import { placeWords } from './stage';
import { inPageWords } from './words';

export { count } from './narrateSteps';

type Kind = Lends;

/**
 * What earlier events of the same timeline said that a sentence must agree with: objects handed
 * straight from a returning reader to a waiting one (by object id), until the waiter has it.
 */
export interface Told {
  readonly handedOff: Map<number, { readonly to: string; readonly from: string | null }>;
  /** Whom the pool last took each object off the shelf for, since it was last put there. */
  readonly takenFor: Map<number, string | null>;
}

export const freshTold = (): Told => ({ handedOff: new Map(), takenFor: new Map() });

/** Every event of a timeline narrated in order, each sentence knowing what the ones before said. */
export function narrateAll(events: readonly PoolEvent[], level?: LevelId): string[] {
  const told = freshTold();
  return events.map((e) => {
    const text = narrate(e, level, told);
    remember(e, told);
    return text;
  });
}

/** What `e` tells the sentences after it (`told` updated in place). */
export function remember(e: PoolEvent, told: Told): void {
  if (e.object === null) return;
  if (e.type === 'object.handedoff') told.handedOff.set(e.object, { to: e.to, from: e.client });
  else if (e.type === 'object.acquired' || e.type === 'object.shelved') told.handedOff.delete(e.object);
  if (e.type === 'object.taken') told.takenFor.set(e.object, e.client);
  else if (e.type === 'object.shelved') told.takenFor.delete(e.object);
}

const capital = (s: string) => (s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1));
const quote = (s: string) => `“${s}”`;

/** What the pool lends here: the level's registry entry decides; without a level, the event's own object, then the world. */
function kindOf(e: PoolEvent, level: LevelId | undefined): Kind {
  if (level !== undefined) return LEVELS[level].lends;
  const own = objectView(e.world, e.object);
  if (own) return own.kind;
  return e.world?.objects[0]?.kind ?? 'book';
}

/** "Connection 2", "Connections 1 and 2", "Connections 1, 2 and 3". */
function namesOf(Noun: string, ids: readonly number[]): string {
  return ids.length === 1 ? `${Noun} ${ids[0]}` : `${Noun}s ${andList(ids.map(String))}`;
}

/** ", though the pool is closed": a closed pool still lending to a reader (the database's close() bug). */
function closedYet(e: PoolEvent): string {
  return e.client !== null && e.world?.pool.closed === true ? ', though the pool is closed' : '';
}

/**
 * How a loan from the shelf went, after "got Book 2 from the shelf — ". A dead one is handed out as
 * if it were fine, and one another reader holds too (after a double release, or a race) as if it
 * were free: the words say what the reader got. One another holds is not called reused, or a first
 * loan: it is the other's loan, shared.
 */
function fromShelf(e: Extract<PoolEvent, { type: 'object.acquired' }>): string {
  const also = alsoHeld(e);
  const loan = also !== '' ? '' : firstLoan(e, e.object) ? 'made in advance, its first loan, ' : 'reused, ';
  const dead = objectView(e.world, e.object)?.alive === false ? ', but it is dead' : '';
  return `${loan}ready in ${ms(e.waited)}, nothing made${dead}${also}`;
}

/**
 * " from the shelf", or, where another reader's call took it off the shelf (the race without the
 * lock: this reader's check found it on top, and the other's call took it first), ", which the pool
 * took off the shelf for Reader A": this reader is handed it all the same.
 */
function offTheShelf(e: PoolEvent, told: Told): string {
  const other = takenForAnother(e, told);
  return other === null ? ' from the shelf' : `, which the pool took off the shelf for Reader ${other}`;
}

/** The other reader the pool took the event's object off the shelf for, if it did (see `Told.takenFor`). */
function takenForAnother(e: PoolEvent, told: Told): string | null {
  const other = e.object === null ? undefined : told.takenFor.get(e.object);
  return other === undefined || other === null || other === e.client ? null : other;
}

/**
 * ", but it is no longer on the shelf: …": an object that passed its check for one reader after
 * the pool took it off the shelf for another (the race without the lock: both checked the top of
 * the shelf, and the other's call took it first). The pool does not look again, and lends it to both.
 */
function takenAlready(e: PoolEvent, told: Told): string {
  const other = takenForAnother(e, told);
  if (other === null) return '';
  return `, but it is no longer on the shelf: the pool took it for Reader ${other} a moment ago, and nothing looks again`;
}

/**
 * "; it stays on top of the shelf while the check runs, …": the pool checks the object at the top of
 * the shelf without taking it first (the production pool without its lock), so the picture shows it
 * on the shelf and at the counter at once; said with the other readers' checks already running on it.
 * (A connection shelved twice, by a double release, is still there after the pool took one copy.)
 */
function leftOnShelf(e: PoolEvent, told: Told): string {
  if (e.object === null || !e.available.includes(e.object) || told.takenFor.get(e.object) === e.client) return '';
  const others: string[] = [];
  for (const p of objectView(e.world, e.object)?.places ?? [])
    if (p.at === 'counter' && p.way === 'out' && p.reader !== null && p.reader !== e.client)
      others.push(`Reader ${p.reader}`);
  return others.length === 0
    ? `; it stays on top of the shelf while the check runs, so another reader who asks now can find it there too`
    : `: the pool found it still on top of the shelf, where it stays while the check for ${andList(others)} goes on`;
}

function forWhom(e: PoolEvent): string {
  return e.client === null ? '' : ` for Reader ${e.client}`;
}

/**
 * Narrate one event. `level` says what the pool lends ("book" or "connection", from the registry);
 * without it, the objects in the event's world decide. `told` is what earlier events of the same
 * timeline said (see narrateAll); without it, the event is told on its own.
 */
export function narrate(e: PoolEvent, level?: LevelId, told: Told = freshTold()): string {
  // Messages quoted from the engine may bring their own full stop.
  return sentence(e, level, told).replace(/([.!?])\.$/, '$1');
}

function sentence(e: PoolEvent, level: LevelId | undefined, told: Told): string {
  const kind = kindOf(e, level);
  const Noun = kind === 'book' ? 'Book' : 'Connection';
  const noun = kind;
  const obj = (id: number | null = e.object) => (id === null ? `the ${noun}` : `${Noun} ${id}`);
  const shelf = e.available.length;
  const shelfText = shelf === 0 ? 'the shelf is empty' : `the shelf holds ${count(shelf, noun)}`;
  const isDb = kind === 'connection';
  const telling: Telling = { e, level, noun, obj };
  const handed = e.object === null ? undefined : told.handedOff.get(e.object);

  switch (e.type) {
    case 'pool.opening':
      return isDb
        ? 'The pool opens and starts connecting to the database.'
        : 'The library opens: the pool sets up its shelf.';
    case 'pool.opened':
      return shelf === 0
        ? `The pool is ready with an empty shelf: each ${noun} will be made when first asked for.`
        : `The pool is ready: ${count(shelf, noun)} on the shelf, made in advance.`;
    case 'step.started':
      return started(e.do, telling);
    case 'step.finished':
      return finished(e.do, e.outcome, telling);
    case 'object.creating':
      return isDb
        ? `Opening ${obj()}${forWhom(e)}${closedYet(e)}: the handshake with the database takes ${ms(e.ms)}.`
        : `The press starts printing ${obj()}${forWhom(e)}${closedYet(e)}; it takes ${ms(e.ms)}.`;
    case 'object.created':
      return isDb ? `${obj()} is open and ready.` : `${obj()} comes off the press.`;
    case 'object.taken':
      return `The pool takes ${obj()} off the top of the shelf${forWhom(e)}${closedYet(e)}; ${shelfText}.`;
    case 'object.shelved': {
      const copies = e.available.filter((id) => id === e.object).length;
      return copies > 1
        ? `${obj()} goes on top of the shelf — where it already stood: it is on the shelf ${count(copies, 'time')} now.`
        : `${obj()} goes on top of the shelf; ${shelfText}.`;
    }
    case 'object.acquired':
      if (e.source === 'created') {
        // Made from when it went to the press (`createdAt`) until now; a wait that began before
        // that (a check of the shelf's one that failed, a turn in line) is said apart.
        const made = objectView(e.world, e.object);
        const making = made === undefined ? e.waited : e.t - made.createdAt;
        return making < e.waited
          ? `${who(e)} got ${obj()}, brand new, after waiting ${ms(e.waited)} in all, ${ms(making)} of it for it to be made.`
          : `${who(e)} got ${obj()}, brand new, after waiting ${ms(e.waited)} for it to be made.`;
      }
      if (handed && handed.to === e.client)
        return `${who(e)} got ${obj()}, passed on from ${handed.from === null ? 'a returning reader' : `Reader ${handed.from}`} after waiting ${ms(e.waited)} in line — reused, nothing made.`;
      return `${who(e)} got ${obj()}${offTheShelf(e, told)} — ${fromShelf(e)}.`;
    case 'object.released':
      if (handed && handed.from === e.client)
        return `${who(e)} has given ${obj()} back, and the pool has passed it on to Reader ${handed.to}.`;
      return `${obj()} is back with the pool: ${who(e)} has returned it.`;
    case 'object.resetting':
      // (Cleaned whether or not anything was written in it: the level cleans every book it gets back.)
      return objectView(e.world, e.object)?.state == null
        ? `${obj()} goes to the cleaning desk to be wiped (${ms(e.ms)}), though nothing was written in it.`
        : `${obj()} goes to the cleaning desk to wipe what its reader wrote (${ms(e.ms)}).`;
    case 'object.reset':
      return `${obj()} is clean again.`;
    case 'statement.started':
      // Whose statement it is: the pool's check on the way out, the cleaning desk's reset on the way
      // back (inside the reader's call, but not the reader's doing), or the reader's own query.
      switch (operationOf(e)) {
        case 'acquire':
          return `The pool runs ${e.sql} on ${obj()}${forWhom(e)}${statementPurpose(e)}${leftOnShelf(e, told)}.`;
        case 'release':
          return `${e.sql} runs on ${obj()} at the cleaning desk${statementPurpose(e)}.`;
        default:
          return `${capital(statementOwner(e, obj()))} runs ${e.sql}${statementPurpose(e)}.`;
      }
    case 'statement.finished':
      if (!e.ok) return `${e.sql} failed on ${obj()}: ${e.error ?? 'no answer'}.`;
      return e.sql === 'SELECT 1'
        ? `The database answered SELECT 1 on ${obj()}: it is alive.`
        : `${e.sql} succeeded on ${obj()}.`;
    case 'object.validated':
      return e.ok
        ? `${obj()} passed the check${e.client === null ? '' : ` for Reader ${e.client}`}, so it can be lent${takenAlready(e, told)}.`
        : e.available.length > 0
          ? `${obj()} failed the check: it is dead, so the pool closes it and tries the next one on the shelf.`
          : `${obj()} failed the check: it is dead, so the pool closes it, and the shelf is empty.`;
    case 'pool.counted': {
      const now = `inUseCount is ${e.inUse} now`;
      if (e.of === 'returned') return `The pool counts ${obj()} back in: ${now}.`;
      if (e.of === 'made') return `The pool counts one more ${noun} as lent before it is made: ${now}.`;
      return e.object === null
        ? `The pool counts one more ${noun} as lent before it takes one off the shelf: ${now}.`
        : `The pool counts ${obj()} as lent: ${now}.`;
    }
    case 'object.closed':
      return `${obj()} is closed and goes to the bin.`;
    case 'object.destroyed':
      return `${obj()} is destroyed and goes to the bin (${e.reason}).`;
    case 'object.written':
      return isDb
        ? `${who(e)} set ${e.value} on ${obj()}; the setting stays with the session until DISCARD ALL.`
        : `${who(e)} wrote ${quote(e.value)} in ${obj()}.`;
    case 'object.read':
      return e.sees === null
        ? `${who(e)} reads ${obj()}: ${isDb ? 'no session settings' : 'it is blank'}.`
        : `${who(e)} reads ${obj()} and finds ${quote(e.sees)}.`;
    case 'object.killed': {
      const where = placeOf(objectView(e.world, e.object));
      return isDb
        ? `${obj()} dies${where}: the network dropped it, and it is dead now.`
        : `${obj()} falls apart${where}: it is dead now.`;
    }
    case 'server.restarted':
      return e.killed.length === 0
        ? 'The database restarts; no connection was open.'
        : `The database restarts and cuts off every open connection: ${namesOf(Noun, e.killed)} ${e.killed.length === 1 ? 'is' : 'are'} dead now.`;
    case 'client.crashed':
      return `${who(e)} crashes holding ${obj()}; it will never be returned.`;
    case 'use.failed':
      return `${who(e)} tried to use ${obj()}, but it is dead: ${e.message}.`;
    case 'pool.exhausted':
      return `The pool refuses ${e.client === null ? 'the request' : `Reader ${e.client}`}: nothing on the shelf and no room to make another${maxText(e.world)}.`;
    case 'release.failed':
      return `Returning ${obj()} failed (${e.message}): it never reaches the shelf, and the pool still counts it as lent.`;
    case 'release.refused':
      return `The pool refuses to take back ${obj()}: ${e.message}.`;
    case 'block.entered':
      return `${who(e)} enters the guaranteed-return block with ${obj()}.`;
    case 'block.failed':
      return `Something goes wrong inside ${e.client === null ? 'the' : `${who(e)}’s`} block with ${obj()} — the return will happen anyway.`;
    case 'block.exited':
      return e.object === null
        ? `${who(e)} leaves the block.`
        : `${who(e)} leaves the block; ${obj()} has been given back.`;
    case 'pool.closed': {
      const shut =
        e.closed.length === 0
          ? `it closes no ${noun}s`
          : `it closes ${e.closed.map((id) => `${Noun} ${id}`).join(', ')}`;
      const out =
        e.borrowed === 0 ? '' : `; ${count(e.borrowed, noun)} out on loan ${e.borrowed === 1 ? 'stays' : 'stay'} open`;
      return `The pool closes: ${shut}${out}.`;
    }
    case 'acquire.queued':
      return `${who(e)} finds nothing free and queues for a ${noun}, ${ordinal(e.position)}.`;
    case 'acquire.timedout':
      return `${who(e)} gives up waiting: ${e.message}.`;
    case 'acquire.rejected':
      return `The pool turns ${e.client === null ? 'a reader' : who(e)} away: ${e.message}.`;
    case 'object.handedoff':
      return `${obj()} goes straight to Reader ${e.to}, first in line, without touching the shelf.`;
    case 'leak.suspected':
      return `${obj()} has been out${e.client === null ? '' : ` with ${who(e)}`} since ${ms(e.since)}: it has reached the leak threshold.`;
    case 'leak.returned':
      return `${obj()}, suspected lost, came back after ${ms(e.heldMs)}.`;
    case 'monitor.warned':
      // The monitor says "object 2" and "B"; the learner is looking at Connection 2 and Reader B.
      return `Warning: ${inPageWords(e.message, { thing: noun, Thing: Noun }, readersOf(e.world))}.`;
    default:
      return unreachable(e);
  }
}

function unreachable(e: never): string {
  return `Something happened (${(e as { type: string }).type}).`;
}

function statementOwner(e: PoolEvent, conn: string): string {
  return e.client === null ? conn : `Reader ${e.client} on ${conn}`;
}

function statementPurpose(e: PoolEvent & { sql: string }): string {
  const sql = e.sql;
  // The pool's check on the way out, or a reader's own query (part of its use, beats.ts); a
  // reader's `read` is SHOW ALL.
  if (sql === 'SELECT 1') return operationOf(e) === 'use' ? ', its own query' : ' to check it is still alive';
  if (sql === 'SHOW ALL') return ' to read the session’s settings';
  if (sql === 'ROLLBACK') return ' to undo anything left uncommitted';
  if (sql === 'DISCARD ALL') return ' to forget every session setting';
  // The text's reset ends with COMMIT "to end the transaction", but it comes after the ROLLBACK,
  // and no reader here opens a transaction: there is none left to end.
  if (sql === 'COMMIT') return '; after the ROLLBACK no transaction is open, so it changes nothing';
  return '';
}

/** " on the shelf", " in Reader A’s hands": where the world has the object (its first place). */
function placeOf(o: ObjectView | undefined): string {
  const first = o?.places[0];
  if (!first || first.at === 'lost' || first.at === 'bin') return '';
  return ` ${placeWords(first)}`;
}

function readersOf(world: World | undefined): string[] {
  return world?.clients.map((c) => c.name) ?? [];
}

/**
 * Why there is no room: the most the pool may hold and, where it keeps a count, what it counts as
 * out — and what readers really hold, when that is less (a leak: the refusal is the lost ones').
 */
function maxText(world: World | undefined): string {
  const max = world?.pool.maxSize;
  if (max === null || max === undefined) return '';
  const { inUse, held } = world!.pool;
  if (inUse === null) return ` (the most it may hold is ${max})`;
  const only = held >= inUse ? '' : held === 0 ? '; readers hold none' : `; readers hold only ${held}`;
  return ` (it counts ${inUse} out, and the most it may hold is ${max}${only})`;
}

function ordinal(n: number): string {
  const word = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'][n - 1];
  return word === undefined ? `number ${n}` : `${word} in line`;
}
