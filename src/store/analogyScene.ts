/**
 * The home page's two scenes, as far as they are known without running anything: the readers
 * field, the scene's shape (where the stations stand and where each reader waits in line) and the
 * first frame (t = 0: readers in line, the press idle, no book yet). Nothing here imports the
 * engine, so the page draws this frame at once; the run itself (analogy.ts) is loaded on Play.
 *
 * Positions are in scene units: `x` is a fraction of the scene's width (the book's centre), `y` is
 * rem from the scene's top. The run's frames use the same geometry, so a book is drawn where the
 * engine's world puts it, and the page only turns these numbers into a transform.
 */

/** Readers are named A to Z (the engine's MAX_READERS; a test holds the two equal). */
export const MAX_READERS = 26;
export const DEFAULT_READERS = 8;

export type SideKey = 'withoutPool' | 'withPool';
export const SIDES: readonly SideKey[] = ['withoutPool', 'withPool'];
export const TITLES: Readonly<Record<SideKey, string>> = { withoutPool: 'Without a pool', withPool: 'With a pool' };
export const HOW: Readonly<Record<SideKey, string>> = {
  withoutPool: 'The press prints a book for every reader, who reads it; then it goes to the bin.',
  withPool: 'Borrow a book from the shelf, read it, put it back. The press prints only when the shelf is empty.',
};

export type ReadersInput =
  { readonly ok: true; readonly readers: number } | { readonly ok: false; readonly message: string };

/** Check what was typed in the readers field. */
export function parseReaders(text: string): ReadersInput {
  const t = text.trim();
  if (t === '') return { ok: false, message: `Enter how many readers come, from 1 to ${MAX_READERS}.` };
  if (!/^[+-]?\d+(\.\d+)?$/.test(t))
    return {
      ok: false,
      message: `“${t.slice(0, 20)}” is not a number. Enter a whole number from 1 to ${MAX_READERS}.`,
    };
  const n = Number(t);
  if (!Number.isInteger(n))
    return { ok: false, message: `Readers come whole: enter a whole number from 1 to ${MAX_READERS}.` };
  if (n < 1) return { ok: false, message: `At least one reader has to come: enter a number from 1 to ${MAX_READERS}.` };
  if (n > MAX_READERS) return { ok: false, message: `At most ${MAX_READERS} readers (one for each letter, A to Z).` };
  return { ok: true, readers: n };
}

/** Where a drawn book is: the engine's place, said as the scene's station. */
export type Spot = 'press' | 'shelf' | 'counter' | 'hands' | 'bin' | 'desk' | 'lost';

/** What a reader is doing, in the analogy's words (from the engine's reader state). */
export type ReaderDoing = 'not-yet' | 'waiting' | 'reading' | 'returning' | 'done';

/** Slow work a book is under at this moment, in virtual ms (from the engine's events and steps). */
export interface Work {
  readonly kind: 'print' | 'read';
  readonly from: number;
  readonly until: number;
}

export interface DrawnBook {
  readonly id: number;
  readonly spot: Spot;
  /** The reader it is for (press, counter) or with (hands), else null. */
  readonly reader: string | null;
  readonly x: number;
  readonly y: number;
  /** The top of the shelf: what the pool hands out next. */
  readonly nextOut: boolean;
  readonly work: Work | null;
}

export interface ReaderFigure {
  readonly name: string;
  readonly doing: ReaderDoing;
  /** The book it holds, or null. */
  readonly holding: number | null;
  readonly x: number;
  readonly y: number;
}

export interface SceneFrame {
  /** Virtual ms. */
  readonly t: number;
  /** One sentence: what just happened (empty before anything has). */
  readonly caption: string;
  readonly books: readonly DrawnBook[];
  readonly readers: readonly ReaderFigure[];
  readonly printed: number;
  readonly onShelf: number;
  readonly burned: number;
}

/** Readers stand in rows of this many, in order of arrival. */
export const LINE_COLUMNS = 8;
/** rem: where the readers' line starts, and the height of one row of it (a book above a reader). */
export const LINE_TOP = 10.5;
export const LINE_ROW = 5;
/** rem: a reader's figure stands this far below its row's top; a book in its hands sits above its head. */
const FIGURE = 2;

/** The stations' centres (x) and where their books sit (y, rem). */
export const STATIONS = {
  press: { x: 0.25, top: 2.6 },
  right: { x: 0.75, top: 2.8 },
  counter: { x: 0.62, y: 8.9 },
} as const;

const PRESS_COLUMNS = 3;
const SLOT_WIDTH = 0.105;
const PRESS_WIDTH = 0.13;
const SHELF_PER_COLUMN = 4;
const SHELF_STEP = 1.35;
const BIN_COLUMNS = 4;

export const readerName = (i: number): string => String.fromCharCode(65 + i);

/** The height of a scene (rem) for this many readers. */
export function sceneHeight(readers: number): number {
  return LINE_TOP + Math.ceil(readers / LINE_COLUMNS) * LINE_ROW;
}

/** Where reader `i` (0 = A) stands in line: its figure. */
export function readerSpot(i: number): { x: number; y: number } {
  const col = i % LINE_COLUMNS;
  const row = Math.floor(i / LINE_COLUMNS);
  return { x: (col + 0.5) / LINE_COLUMNS, y: LINE_TOP + row * LINE_ROW + FIGURE };
}

/** Where a book in reader `i`'s hands is drawn: just above its head. */
export function handsSpot(i: number): { x: number; y: number } {
  const { x, y } = readerSpot(i);
  return { x, y: y - FIGURE };
}

/** The k-th book at the press (printing at once): a grid in the press's half; past six, a pile on it. */
export function pressSpot(k: number): { x: number; y: number } {
  const col = k % PRESS_COLUMNS;
  const row = Math.floor(k / PRESS_COLUMNS) % 2;
  const layer = Math.floor(k / (PRESS_COLUMNS * 2));
  return {
    x: STATIONS.press.x + (col - (PRESS_COLUMNS - 1) / 2) * PRESS_WIDTH + layer * 0.02,
    y: STATIONS.press.top + row * 2.9 + layer * 0.3,
  };
}

/** Shelf slot `s` (0 = bottom): a stack, its top nearest the ceiling; past four, another stack beside it. */
export function shelfSpot(s: number): { x: number; y: number } {
  const stack = Math.floor(s / SHELF_PER_COLUMN);
  const side = [0, 1, -1][stack % 3]!;
  const layer = Math.floor(stack / 3);
  const row = s % SHELF_PER_COLUMN;
  return {
    x: STATIONS.right.x + side * SLOT_WIDTH * 1.2 + layer * 0.02,
    y: STATIONS.right.top + (SHELF_PER_COLUMN - 1 - row) * SHELF_STEP + layer * 0.3,
  };
}

/** The k-th book in the bin: a pile that grows upward. */
export function binSpot(k: number): { x: number; y: number } {
  const col = k % BIN_COLUMNS;
  const row = Math.floor(k / BIN_COLUMNS);
  return {
    x: STATIONS.right.x + (col - (BIN_COLUMNS - 1) / 2) * SLOT_WIDTH * 0.8,
    y: STATIONS.right.top + 4 - Math.min(row, 7) * 0.5,
  };
}

/** The scene before anything has happened: every reader in line, not here yet; no book. */
export function firstFrame(readers: number): SceneFrame {
  return {
    t: 0,
    caption: '',
    books: [],
    readers: Array.from({ length: readers }, (_, i) => ({
      name: readerName(i),
      doing: 'not-yet' as const,
      holding: null,
      ...readerSpot(i),
    })),
    printed: 0,
    onShelf: 0,
    burned: 0,
  };
}

/** The clock's words: virtual ms as the lab writes them (store/format's `ms`; a test holds them equal). */
export function clockText(t: number): string {
  return `t = ${Math.round(t * 10) / 10} ms`;
}
