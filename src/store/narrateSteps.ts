/**
 * Narration of a scenario step starting and finishing (`step.started`, `step.finished`): what a
 * reader sets out to do, and what it came to. The rest of the events are told in narrate.ts.
 */
import type { LevelId, ObjectView, PoolEvent, StepKind, StepOutcome, World } from '../engine';
import { andList } from './format';

const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** "two books", "one book", "no books". */
export function count(n: number, noun: string): string {
  const word = n >= 0 && n < WORDS.length ? WORDS[n]! : String(n);
  return `${word} ${noun}${n === 1 ? '' : 's'}`;
}

/** A sentence's subject: "Reader A", or "the pool" when no reader is acting. */
export function who(e: PoolEvent): string {
  return e.client === null ? 'The pool' : `Reader ${e.client}`;
}

/**
 * Whether the object the event hands out is lent for the first time: made in advance (at start-up,
 * or by the pool's own refill) and never lent before, so not "reused" — nobody had it before.
 */
export function firstLoan(e: PoolEvent, id: number | null): boolean {
  return objectView(e.world, id)?.lends === 1;
}

/** " — and Reader B holds it too": the others with the object in hand, when the event's reader shares it. */
export function alsoHeld(e: PoolEvent, id: number | null = e.object): string {
  const others = (objectView(e.world, id)?.holders ?? []).filter((name) => name !== e.client);
  if (others.length === 0) return '';
  return ` — and ${andList(others.map((name) => `Reader ${name}`))} ${others.length === 1 ? 'holds' : 'hold'} it too`;
}

/** The object `id` as the world shows it, if it has one by that id. */
export function objectView(world: World | undefined, id: number | null): ObjectView | undefined {
  return id === null ? undefined : world?.objects.find((o) => o.id === id);
}

/** What a step's sentence is told with. */
export interface Telling {
  readonly e: PoolEvent;
  readonly level: LevelId | undefined;
  /** "book" or "connection". */
  readonly noun: string;
  /** "Book 2", or "the book" when the id is not known. */
  obj(id?: number | null): string;
}

export function started(step: StepKind, t: Telling): string {
  const { e, noun, obj } = t;
  const shelf = e.available.length;
  const held = heldBy(e);
  switch (step) {
    case 'acquire':
      return `${who(e)} asks for a ${noun}; ${shelf === 0 ? 'the shelf is empty' : `the shelf has ${count(shelf, noun)}`}.`;
    case 'release':
      if (e.client === null) return `Someone returns ${obj()}.`;
      // A release of what the reader does not hold (returned already, or never its own) is the bug
      // the double-release story shows: said, not told as an ordinary return.
      if (e.object !== null && !holds(e, e.object))
        return `${who(e)} returns ${obj(e.object)}, which it does not hold.`;
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

export function finished(step: StepKind, out: StepOutcome, t: Telling): string {
  const { e, noun, obj } = t;
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
      // One another reader holds too is the other's loan, shared: said so, not "reused".
      const also = alsoHeld(e, out.object ?? null);
      const how =
        out.source === 'created'
          ? ', newly made'
          : also !== ''
            ? also
            : firstLoan(e, out.object ?? null)
              ? ', made in advance'
              : ', reused';
      return `${subject} now holds ${obj(out.object ?? null)}${how}${thrown}.`;
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
      // The stage crosses it out at once; what nobody sees yet is the pool's side.
      return `${obj(out.object ?? null)} stays where it is, dead; the pool has not noticed.`;
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
/** Whether the event's reader holds the object, in the world the event was recorded with (unknown: yes). */
function holds(e: PoolEvent, id: number): boolean {
  const reader = e.world?.clients.find((c) => c.name === e.client);
  return reader === undefined || reader.holding.includes(id);
}

function heldBy(e: PoolEvent): number | null {
  if (e.client === null) return null;
  return e.world?.clients.find((c) => c.name === e.client)?.holding.at(-1) ?? null;
}
