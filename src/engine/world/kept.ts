import type { LineId } from '../types';

/**
 * One of each: values kept by a hash of their content, so that a recorded run holds a value that
 * comes back again and again (a reader's view, the shelf's order, the pool's figures) once. The
 * hash only narrows the search; values with the same hash are compared by the caller's `same`.
 */
export class KeptOnce<T> {
  private readonly byHash = new Map<number, T[]>();
  /** How many are kept (each kept value may be numbered by it). */
  size = 0;

  /** The kept value that is `same` as `probe`, if any. */
  find<P>(hash: number, probe: P, same: (kept: T, probe: P) => boolean): T | undefined {
    const bucket = this.byHash.get(hash);
    if (bucket !== undefined) for (const kept of bucket) if (same(kept, probe)) return kept;
    return undefined;
  }

  /** Keep `value` (the caller found none equal to it). */
  keep(hash: number, value: T): T {
    const bucket = this.byHash.get(hash);
    if (bucket === undefined) this.byHash.set(hash, [value]);
    else bucket.push(value);
    this.size++;
    return value;
  }
}

/** Fold a small integer (an id, a number given to a kept value, a code for a word) into a hash. */
export const mix = (h: number, n: number): number => (Math.imul(h, 31) + n) | 0;

const lineIds = new Map<string, Map<string, LineId>>();

/**
 * A code line's id, `method.kind`, made once: a recorded run keeps the line of most of its events,
 * and a string built for each (`${method}.${kind}` is two joined strings, 64 bytes) costs more than
 * the event's other fields together. The ids are few (a level's `// @step` lines).
 */
export function lineId(method: string, kind: string): LineId {
  let byKind = lineIds.get(method);
  if (byKind === undefined) lineIds.set(method, (byKind = new Map()));
  let id = byKind.get(kind);
  if (id === undefined) byKind.set(kind, (id = `${method}.${kind}`));
  return id;
}

/**
 * Where one method of a level calls another, the line that calls it, by `caller>callee` (Level 4's
 * `get>acquire` is `get.acquire`). A level names them in its registry record (`LevelInfo.calls`).
 */
export type CallLines = Readonly<Record<string, LineId>>;

/** Between a line and the line it called, in a line id that names both. */
const CALLED = '>';
const chains = new Map<LineId, Map<LineId, LineId>>();
const chainParts = new Map<LineId, readonly LineId[]>();

/** One id for a line and the lines that called it, outermost first, made once (`get.acquire>acquire.create`). */
export function callChain(lines: readonly LineId[]): LineId {
  let id = lines[0]!;
  for (let i = 1; i < lines.length; i++) id = calledFrom(id, lines[i]!);
  return id;
}

/**
 * The id of `line` run from `outer` (a line, or a chain of them): made once, and found again with
 * no string built — a recorded run asks for it at every event inside a call.
 */
export function calledFrom(outer: LineId, line: LineId): LineId {
  let byLine = chains.get(outer);
  if (byLine === undefined) chains.set(outer, (byLine = new Map()));
  let id = byLine.get(line);
  if (id === undefined) byLine.set(line, (id = `${outer}${CALLED}${line}` as LineId));
  return id;
}

/** The lines an event's line id names: the lines that called, outermost first, then the one that ran. */
export function linesOf(line: LineId): readonly LineId[] {
  let parts = chainParts.get(line);
  if (parts === undefined) chainParts.set(line, (parts = line.split(CALLED) as LineId[]));
  return parts;
}

/** The line that ran, without the lines that called it. */
export function innermostLine(line: LineId): LineId {
  const parts = linesOf(line);
  return parts[parts.length - 1]!;
}
