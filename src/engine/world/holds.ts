/**
 * Which pool operation holds which object right now: the counter, the desk and the press of the
 * world's places (DESIGN.md "Places and readers"). A hold belongs to the task whose pool call has
 * the object in hand — taking it off the shelf, making it, checking it, handing it over, or taking
 * it back and cleaning it — and ends when that call puts it somewhere (the shelf, a reader's hands,
 * a waiter, the bin) or when the call itself ends. An object no reader holds, not on the shelf and
 * held by no operation is unreachable: lost.
 *
 * Holds are read off the engine's own events (`note`), plus the two moments a call takes an object
 * back that no event marks: a release begins, and a guaranteed-release block lets go of its object.
 */
import type { Task } from '../core';
import type { EventBody } from '../types';
import { removeAt } from './lists';

/** One pool operation's hold on one object. */
export interface Hold {
  readonly task: Task | null;
  /** The reader it is on its way to ('out') or back from ('back'); null for the pool's own work. */
  reader: string | null;
  way: 'out' | 'back';
  /** Being made (the press). */
  making: boolean;
  /** The reset it is undergoing at the desk ('reset', 'ROLLBACK', …), or null. */
  work: string | null;
  /** The statement this call runs on it at the counter (its check, 'SELECT 1'), or null. */
  check: string | null;
}

const RESETS = new Set(['ROLLBACK', 'DISCARD ALL', 'COMMIT']);

/** Where `task`'s hold is in a list of holds, or -1. */
function indexOf(list: readonly Hold[], task: Task | null): number {
  for (let k = 0; k < list.length; k++) if (list[k]!.task === task) return k;
  return -1;
}
const NONE: readonly Hold[] = [];

/** A hold made with `new`: every borrow and return makes one or two. */
class HoldRecord implements Hold {
  reader: string | null;
  way: Hold['way'];
  making = false;
  work: string | null = null;
  check: string | null = null;
  constructor(
    readonly task: Task | null,
    reader: string | null,
    way: Hold['way'],
  ) {
    this.reader = reader;
    this.way = way;
  }
}

export class Holds {
  /** Each object's holds, by its id (kept when emptied: an object is taken and let go again and again). */
  private readonly lists: (Hold[] | undefined)[] = [];
  /**
   * The ids of the objects some operation holds right now (a handful), in the order they came to be
   * held: a task's holds are found by looking through these, rather than kept per task.
   */
  private readonly held: number[] = [];

  /**
   * @param changed told the id of every object whose holds changed (its view must be rebuilt)
   * @param taskOf the task that plays a reader's current step (a waiter handed an object)
   */
  constructor(
    private readonly changed: (id: number) => void,
    private readonly taskOf: (reader: string) => Task | null,
  ) {}

  /** The holds on an object, oldest first. */
  of(id: number): readonly Hold[] {
    const list = this.lists[id];
    return list === undefined || list.length === 0 ? NONE : list;
  }

  /** `task`'s call has the object in hand, on its way out to or back from `reader`. */
  take(id: number, task: Task | null, reader: string | null, way: Hold['way']): Hold {
    this.changed(id);
    let list = this.lists[id];
    if (list === undefined) this.lists[id] = list = [];
    const k = indexOf(list, task);
    if (k >= 0) {
      const held = list[k]!;
      held.reader = reader;
      held.way = way;
      return held;
    }
    const hold = new HoldRecord(task, reader, way);
    if (list.length === 0) this.held.push(id);
    list.push(hold);
    return hold;
  }

  /** `task`'s call put the object somewhere (or it was taken from it). */
  drop(id: number, task: Task | null): void {
    const list = this.lists[id];
    const k = list === undefined ? -1 : indexOf(list, task);
    if (k < 0) return;
    this.changed(id);
    removeAt(list!, k);
    if (list!.length === 0) removeAt(this.held, this.held.indexOf(id));
  }

  /** Closed or destroyed: no operation holds it any more. */
  dropAll(id: number): void {
    for (const hold of [...this.of(id)]) this.drop(id, hold.task);
  }

  /** An object `task`'s call has in hand (the first found), or null. */
  inHand(task: Task | null): number | null {
    for (const id of this.held) if (indexOf(this.lists[id]!, task) >= 0) return id;
    return null;
  }

  /** `task`'s call has ended: whatever it still held and did not put anywhere is let go. */
  end(task: Task | null): void {
    const held = this.held;
    for (let i = 0; i < held.length;) {
      const id = held[i]!;
      if (indexOf(this.lists[id]!, task) >= 0) this.drop(id, task);
      // Dropping its last hold took the id out of the list: the next id is at i now.
      if (held[i] === id) i++;
    }
  }

  /** Read one event (its body, and the object it is about), emitted by `task`'s code. */
  note(e: EventBody, id: number | null, task: Task | null): void {
    if (id === null) return;
    const reader = task?.client ?? null;
    switch (e.type) {
      case 'object.creating':
        this.take(id, task, reader, 'out').making = true;
        break;
      case 'object.created':
        this.take(id, task, reader, 'out').making = false;
        break;
      case 'object.taken':
        this.take(id, task, reader, 'out');
        break;
      case 'statement.started':
        // The pool's own check of a connection on its way out (a reader's own query is not one).
        if (e.sql === 'SELECT 1' && task?.op()?.startsWith('validate')) {
          this.checking(this.heldBy(id, task) ?? this.take(id, task, reader, 'out'), id, e.sql);
        } else if (RESETS.has(e.sql)) {
          this.atDesk(id, task, e.sql);
        }
        break;
      case 'statement.finished':
        if (RESETS.has(e.sql)) this.atDesk(id, task, null);
        else {
          const hold = this.heldBy(id, task);
          if (hold?.check === e.sql) this.checking(hold, id, null);
        }
        break;
      case 'object.resetting':
        this.atDesk(id, task, 'reset');
        break;
      case 'object.reset':
        this.atDesk(id, task, null);
        break;
      case 'object.shelved':
      case 'object.acquired':
        this.drop(id, task);
        break;
      case 'object.handedoff':
        this.drop(id, task);
        this.take(id, this.taskOf(e.to), e.to, 'out');
        break;
      case 'object.closed':
      case 'object.destroyed':
        this.dropAll(id);
        break;
      default:
        break;
    }
  }

  private heldBy(id: number, task: Task | null): Hold | undefined {
    const list = this.lists[id];
    const k = list === undefined ? -1 : indexOf(list, task);
    return k < 0 ? undefined : list![k];
  }

  /** The call holding it at the counter starts (or ends) its check. */
  private checking(hold: Hold, id: number, check: string | null): void {
    hold.check = check;
    this.changed(id);
  }

  /** A reset runs (or ends) on an object the calling release has taken back. */
  private atDesk(id: number, task: Task | null, work: string | null): void {
    const hold =
      this.heldBy(id, task) ?? (work === null ? undefined : this.take(id, task, task?.client ?? null, 'back'));
    if (!hold || hold.work === work) return;
    hold.work = work;
    this.changed(id);
  }
}
