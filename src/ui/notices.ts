/**
 * The notices the shell shows above every page: what a link asked for and did not get, a step that
 * could not run. The lab store keeps them (its `notify`); this board mirrors them for the shell,
 * which does not load the store until a page needs it (`connectNotices`, from labRuntime.ts).
 */
export interface Notice {
  readonly id: number;
  readonly text: string;
}

const NONE: readonly Notice[] = [];
let shown: readonly Notice[] = NONE;
let dismissOne: (id: number) => void = () => {};
const listeners = new Set<() => void>();

export const noticeBoard = {
  get: (): readonly Notice[] => shown,
  getServer: (): readonly Notice[] => NONE,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  dismiss: (id: number): void => dismissOne(id),
};

/** Show a source's notices on the board (the lab store's), and dismiss through it. */
export function connectNotices(
  read: () => readonly Notice[],
  subscribe: (listener: () => void) => () => void,
  dismiss: (id: number) => void,
): () => void {
  dismissOne = dismiss;
  const update = () => {
    const next = read();
    if (next === shown) return;
    shown = next;
    for (const listener of listeners) listener();
  };
  update();
  return subscribe(update);
}
