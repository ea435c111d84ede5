/**
 * The readers' views for a snapshot, shared with earlier snapshots wherever they say the same.
 *
 * A reader goes round the same few states again and again (idle, in acquire, holding Book 3, …),
 * and so does the room as a whole, while a recorded run keeps a view and a list of views for every
 * change. So a view or a list seen before is shared: one of each, found by a number made from what
 * it holds. A view with an error or a place in line is its own (its message and its time are), and
 * so is a list that holds one. Shared lists are never written: a change makes or finds another.
 */
import type { ClientView } from '../types';
import { KeptOnce, mix } from './kept';
import { sameItems } from './places';

/** A list of views as `put` looks for it: `from` with `view` at slot `i` (one probe, reused). */
interface Put {
  from: readonly ClientView[];
  i: number;
  view: ClientView | null;
}

export class Room {
  /** The shared views, and each one's number (from 1). */
  private readonly sharedViews = new KeptOnce<ClientView>();
  private readonly viewNumbers = new Map<ClientView, number>();
  /** The shared lists, each with its hash: the sum of its views' numbers, each times its slot's weight. */
  private readonly sharedLists = new KeptOnce<readonly ClientView[]>();
  private readonly listHashes = new Map<readonly ClientView[], number>();
  private readonly probe: Put = { from: [], i: 0, view: null };
  /** A small number for each word in a view (names, states, step kinds), for a view's hash. */
  private readonly codes = new Map<string | null, number>();

  /** The list being made for this snapshot. */
  views: readonly ClientView[] = [];
  /** `views` is a copy made for this snapshot that nothing else holds yet (it may be written). */
  private own = false;

  /** Start a snapshot's list from the last snapshot's. */
  begin(last: readonly ClientView[]): void {
    this.views = last;
    this.own = false;
  }

  /** The snapshot's list, or an equal one seen before. */
  end(): readonly ClientView[] {
    if (this.own) this.views = this.sharedList(this.views as ClientView[]);
    return this.views;
  }

  /** The view that says what `view` says: one seen before, else `view` (shared from now on if it can be). */
  seenBefore(view: ClientView): ClientView {
    if (view.error !== null || view.waitingSince !== null) return view;
    let h = mix(
      mix(mix(this.codeOf(view.name), this.codeOf(view.status)), this.codeOf(view.state)),
      this.codeOf(view.doing),
    );
    h = mix(mix(h, view.position ?? -1), view.crashed ? 1 : 0);
    for (const id of view.holding) h = mix(h, id);
    const seen = this.sharedViews.find(h, view, sameView);
    if (seen !== undefined) return seen;
    this.viewNumbers.set(view, this.sharedViews.size + 1);
    return this.sharedViews.keep(h, view);
  }

  /** Put `view` at slot `i` (the end, for a new reader): in place in an own copy, else the shared list it makes. */
  put(i: number, view: ClientView): void {
    const from = this.views;
    if (this.own) {
      (from as ClientView[])[i] = view;
      return;
    }
    const fromHash = this.listHashes.get(from);
    const number = this.viewNumbers.get(view);
    const old = i < from.length ? this.viewNumbers.get(from[i]!) : 0;
    if (fromHash !== undefined && number !== undefined && old !== undefined) {
      const hash = (fromHash + Math.imul(number - old, slotWeight(i))) | 0;
      const probe = this.probe;
      probe.from = from;
      probe.i = i;
      probe.view = view;
      const seen = this.sharedLists.find(hash, probe, isPut);
      probe.from = NO_VIEWS;
      probe.view = null;
      this.views = seen ?? this.share(copyWith(from, i, view), hash);
      return;
    }
    this.views = copyWith(from, i, view);
    this.own = true;
  }

  private sharedList(list: ClientView[]): readonly ClientView[] {
    let hash = 0;
    for (let i = 0; i < list.length; i++) {
      const number = this.viewNumbers.get(list[i]!);
      if (number === undefined) return list;
      hash = (hash + Math.imul(number, slotWeight(i))) | 0;
    }
    return this.sharedLists.find(hash, list, sameItems) ?? this.share(list, hash);
  }

  private share(list: readonly ClientView[], hash: number): readonly ClientView[] {
    this.listHashes.set(list, hash);
    return this.sharedLists.keep(hash, list);
  }

  private codeOf(word: string | null): number {
    let code = this.codes.get(word);
    if (code === undefined) this.codes.set(word, (code = this.codes.size));
    return code;
  }
}

/** 31 to the power `slot`, as 32-bit integer arithmetic gives it: a slot's weight in a list's hash. */
const weights: number[] = [1];
function slotWeight(slot: number): number {
  while (weights.length <= slot) weights.push(Math.imul(weights[weights.length - 1]!, 31));
  return weights[slot]!;
}

function copyWith(list: readonly ClientView[], i: number, view: ClientView): ClientView[] {
  const copy = list.slice();
  copy[i] = view;
  return copy;
}

const NO_VIEWS: readonly ClientView[] = [];

/** `list` is `from` with `view` put at slot `i`. */
function isPut(list: readonly ClientView[], { from, i, view }: Put): boolean {
  if (list.length !== Math.max(from.length, i + 1) || list[i] !== view) return false;
  for (let k = 0; k < from.length; k++) if (k !== i && list[k] !== from[k]) return false;
  return true;
}

function sameView(a: ClientView, b: ClientView): boolean {
  return (
    a.name === b.name &&
    a.status === b.status &&
    a.state === b.state &&
    a.crashed === b.crashed &&
    a.doing === b.doing &&
    a.position === b.position &&
    a.error === b.error &&
    a.waitingSince === b.waitingSince &&
    sameItems(a.holding, b.holding)
  );
}
