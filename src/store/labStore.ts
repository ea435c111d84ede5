/**
 * The lab's store, made by a factory so every page and every test gets its own (as xyflow's
 * `createStore`): its first state from labState.ts, its actions from labActions.ts, manual.ts and
 * manualRun.ts (a run built by hand, from a link).
 * Panels read it through the selectors in `selectors.ts` and change it only through `actions`.
 * No React here.
 */
import { createStore } from 'zustand/vanilla';
import { createActions } from './labActions';
import { initialState, type ActionContext, type LabDeps, type LabState, type LabStore } from './labState';
import { createManualActions } from './manual';
import { createRunActions } from './manualRun';

export type { LabDeps, LabState, LabStore, WarningMark } from './labState';

/** The most notices shown at once; the oldest goes first. */
const MAX_NOTICES = 4;

export function createLabStore(deps: LabDeps = {}): LabStore {
  let noticeId = 0;
  return createStore<LabState>()((set, get) => {
    const notify = (text: string) => {
      const notice = { id: ++noticeId, text };
      set((s) => ({ notices: [...s.notices.filter((n) => n.text !== text), notice].slice(-MAX_NOTICES) }));
    };
    const context: ActionContext = { set, get, notify };
    return {
      ...initialState(deps),
      actions: {
        ...createActions(context, deps.stories ?? []),
        ...createManualActions(context),
        ...createRunActions(context, deps.stories ?? []),
        notify,
        dismissNotice(id) {
          set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
        },
      },
    };
  });
}
