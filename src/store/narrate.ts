/**
 * Narration: one plain sentence per event, in the library's words, for the live region and the
 * event log. It reads the event and the world snapshot recorded with it; nothing else.
 *
 * The switch over event types is exhaustive: adding an event type to the engine without a
 * sentence here fails the type check.
 */
import { LEVELS } from '../engine';
import type { Lends, LevelId, ObjectView, PoolEvent, StepKind, StepOutcome, World } from '../engine';
import { ms } from './format';

type Kind = Lends;

const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** "two books", "one book", "no books". */
export function count(n: number, noun: string): string {
  const word = n >= 0 && n < WORDS.length ? WORDS[n]! : String(n);
  return `${word} ${noun}${n === 1 ? '' : 's'}`;
}

const capital = (s: string) => (s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1));
const quote = (s: string) => `“${s}”`;

function objectView(world: World | undefined, id: number | null): ObjectView | undefined {
  return id === null ? undefined : world?.objects.find((o) => o.id === id);
}

/** What the pool lends here: the event's own object decides, then the world, then the level's registry entry. */
function kindOf(e: PoolEvent, level: LevelId | undefined): Kind {
  const own = objectView(e.world, e.object);
  if (own) return own.kind;
  const any = e.world?.objects[0];
  if (any) return any.kind;
  return level === undefined ? 'book' : LEVELS[level].lends;
}

/** A sentence's subject: "Reader A", or "the pool" when no reader is acting. */
function who(e: PoolEvent): string {
  return e.client === null ? 'The pool' : `Reader ${e.client}`;
}

function forWhom(e: PoolEvent): string {
  return e.client === null ? '' : ` for Reader ${e.client}`;
}

/**
 * Narrate one event. `level` is an optional hint for the rare event that comes before any object
 * exists (it decides between "book" and "connection").
 */
export function narrate(e: PoolEvent, level?: LevelId): string {
  // Messages quoted from the engine may bring their own full stop.
  return sentence(e, level).replace(/([.!?])\.$/, '$1');
}

function sentence(e: PoolEvent, level: LevelId | undefined): string {
  const kind = kindOf(e, level);
  const Noun = kind === 'book' ? 'Book' : 'Connection';
  const noun = kind;
  const obj = (id: number | null = e.object) => (id === null ? `the ${noun}` : `${Noun} ${id}`);
  const shelf = e.available.length;
  const shelfText = shelf === 0 ? 'the shelf is empty' : `the shelf holds ${count(shelf, noun)}`;
  const isDb = kind === 'connection';

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
      return started(e.do, e, noun, obj, shelf);
    case 'step.finished':
      return finished(e.do, e.outcome, e, noun, obj);
    case 'object.creating':
      return isDb
        ? `Opening ${obj()}${forWhom(e)}: the handshake with the database takes ${ms(e.ms)}.`
        : `The press starts printing ${obj()}${forWhom(e)}; it takes ${ms(e.ms)}.`;
    case 'object.created':
      return isDb ? `${obj()} is open and ready.` : `${obj()} comes off the press.`;
    case 'object.taken':
      return `The pool takes ${obj()} off the top of the shelf${forWhom(e)}; ${shelfText}.`;
    case 'object.shelved': {
      const copies = e.available.filter((id) => id === e.object).length;
      return copies > 1
        ? `${obj()} goes on top of the shelf — where it already stood: it is on the shelf ${count(copies, 'time')} now.`
        : `${obj()} goes on top of the shelf; ${shelfText}.`;
    }
    case 'object.acquired':
      if (e.source === 'created')
        return `${who(e)} got ${obj()}, brand new, after waiting ${ms(e.waited)} for it to be made.`;
      return `${who(e)} got ${obj()} from the shelf — reused, ready in ${ms(e.waited)}, nothing made.`;
    case 'object.released':
      return `${obj()} is back with the pool: ${who(e)} has returned it.`;
    case 'object.resetting':
      return `${obj()} goes to the cleaning desk to wipe what its reader wrote (${ms(e.ms)}).`;
    case 'object.reset':
      return `${obj()} is clean again.`;
    case 'statement.started':
      return `${capital(statementOwner(e, obj()))} runs ${e.sql}${statementPurpose(e.sql)}.`;
    case 'statement.finished':
      if (!e.ok) return `${e.sql} failed on ${obj()}: ${e.error ?? 'no answer'}.`;
      return e.sql === 'SELECT 1'
        ? `The database answered SELECT 1 on ${obj()}: it is alive.`
        : `${e.sql} succeeded on ${obj()}.`;
    case 'object.validated':
      return e.ok
        ? `${obj()} passed the check, so it can be lent.`
        : `${obj()} failed the check: it is dead, so the pool closes it and tries the next one.`;
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
      return isDb ? `${obj()} dies${where}: the network dropped it.` : `${obj()} falls apart${where}.`;
    }
    case 'server.restarted':
      return e.killed.length === 0
        ? 'The database restarts; no connection was open.'
        : `The database restarts and cuts off every open connection (${e.killed.map((id) => `${Noun} ${id}`).join(', ')}).`;
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
      return `${obj()} has been out${e.client === null ? '' : ` with ${who(e)}`} since ${ms(e.since)}: longer than the leak threshold.`;
    case 'leak.returned':
      return `${obj()}, suspected lost, came back after ${ms(e.heldMs)}.`;
    case 'monitor.warned':
      // The monitor says "object 2"; the learner is looking at Book 2 or Connection 2.
      return `Warning: ${e.message.replace(/\bobject (\d+)/g, `${Noun} $1`)}.`;
    default:
      return unreachable(e);
  }
}

function unreachable(e: never): string {
  return `Something happened (${(e as { type: string }).type}).`;
}

function started(
  step: StepKind,
  e: PoolEvent,
  noun: string,
  obj: (id?: number | null) => string,
  shelf: number,
): string {
  const held = heldBy(e);
  switch (step) {
    case 'acquire':
      return `${who(e)} asks for a ${noun}; ${shelf === 0 ? 'the shelf is empty' : `the shelf has ${count(shelf, noun)}`}.`;
    case 'release':
      if (e.client === null) return `Someone returns ${obj()}.`;
      return `${who(e)} returns ${obj(e.object ?? held)}.`;
    case 'use':
      return `${who(e)} starts using ${obj(held)}.`;
    case 'read':
      return `${who(e)} opens ${obj(held)} to read it.`;
    case 'fail':
      return `${who(e)} runs into an error before returning ${obj(held)}.`;
    case 'with':
      return `${who(e)} borrows a ${noun} through the guaranteed-return block.`;
    case 'kill':
      return noun === 'connection'
        ? `${obj()} is about to lose its link to the database.`
        : `${obj()} is about to fall apart.`;
    case 'restart':
      return 'The database server is about to restart.';
    case 'close':
      return 'The application shuts down and closes the pool.';
    default:
      return unreachableStep(step);
  }
}

function finished(
  step: StepKind,
  out: StepOutcome,
  e: PoolEvent,
  noun: string,
  obj: (id?: number | null) => string,
): string {
  const subject = who(e);
  if (out.error === 'exhausted') return `${subject} leaves without a ${noun}: the pool refused.`;
  if (out.error === 'timeout') return `${subject} leaves without a ${noun}: it waited too long.`;
  if (out.error === 'closed') return `${subject} leaves without a ${noun}: the pool is closed.`;
  if (out.error === 'not-borrowed')
    return `${subject} could not return ${obj(out.object ?? null)}: it was not on loan.`;
  if (out.pending) return `${subject} is still waiting for a ${noun}.`;
  switch (step) {
    case 'acquire': {
      const thrown =
        out.discarded && out.discarded.length > 0
          ? `, after throwing away ${out.discarded.map((id) => obj(id)).join(' and ')}`
          : '';
      return `${subject} now holds ${obj(out.object ?? null)}${out.source === 'created' ? ', newly made' : ', reused'}${thrown}.`;
    }
    case 'release':
      return out.error === 'dead'
        ? `${subject} is done, but ${obj(out.object ?? null)} never made it back.`
        : `${subject} is done with ${obj(out.object ?? null)}.`;
    case 'use':
    case 'read':
      return out.error === 'dead'
        ? `${subject} could not use ${obj(out.object ?? null)}: it is dead.`
        : `${subject} is done with ${obj(out.object ?? null)} for now.`;
    case 'fail':
      return `${subject} is gone; ${obj(out.object ?? null)} is lost with it.`;
    case 'with':
      if (out.releaseError) return `${subject}’s block is over, but ${obj(out.object ?? null)} could not be returned.`;
      return `${subject}’s block is over and ${obj(out.object ?? null)} is back${out.bodyFailed ? ', despite the error' : ''}.`;
    case 'kill':
      return `${obj(out.object ?? null)} is dead now, though nothing shows it yet.`;
    case 'restart':
      return 'The database is back up; every connection made before the restart is dead.';
    case 'close':
      return 'The pool is closed.';
    default:
      return unreachableStep(step);
  }
}

function unreachableStep(step: never): string {
  return `A step (${String(step)}) ran.`;
}

/** The newest object the event's client holds, from the world snapshot. */
function heldBy(e: PoolEvent): number | null {
  if (e.client === null) return null;
  return e.world?.clients.find((c) => c.name === e.client)?.holding.at(-1) ?? null;
}

function statementOwner(e: PoolEvent, conn: string): string {
  return e.client === null ? conn : `Reader ${e.client} on ${conn}`;
}

function statementPurpose(sql: string): string {
  if (sql === 'SELECT 1') return ' to check it is still alive';
  if (sql === 'ROLLBACK') return ' to undo anything left uncommitted';
  if (sql === 'DISCARD ALL') return ' to forget every session setting';
  if (sql === 'COMMIT') return ' to end the transaction cleanly';
  return '';
}

function placeOf(o: ObjectView | undefined): string {
  if (!o) return '';
  switch (o.place) {
    case 'shelf':
      return ' on the shelf';
    case 'held':
      return ` in Reader ${o.holders[0] ?? '?'}’s hands`;
    default:
      return '';
  }
}

function maxText(world: World | undefined): string {
  const max = world?.pool.maxSize;
  return max === null || max === undefined ? '' : ` (the most it may hold is ${max})`;
}

function ordinal(n: number): string {
  const word = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'][n - 1];
  return word === undefined ? `number ${n}` : `${word} in line`;
}
