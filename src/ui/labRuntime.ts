/**
 * The lab as the pages that need it load it (lazily: the shell carries none of it): one lab store
 * for the app, its notices on the shell's board, and the address kept in step with it
 * (useUrlSync.ts). A page draws its first view from the store's default view of that page — the
 * same on the server that prerendered it and in the browser that hydrates it — and the link's
 * story, moment, file or switches are applied after hydration (`startLab`), as are the learner's
 * saved settings.
 */
import { createLabStore, type LabStore } from '../store/labStore';
import { STORIES } from '../stories';
import { syncAddress } from './hooks/useUrlSync';
import { lineByLineSaved } from './lib/lineByLine';
import { connectNotices } from './notices';
import { opened } from './opening';
import { routeById } from './routes';

let shared: LabStore | null = null;
let started = false;

function fresh(page: string): LabStore {
  const route = routeById(page);
  // A lab level's default view is the store's initial state: that is what React draws on the
  // server and while hydrating (zustand reads the initial state there), so the prerendered page
  // and the page once awake show the same run.
  const store = createLabStore({ stories: STORIES, ...(route?.kind === 'lab' ? { level: route.level } : {}) });
  if (route?.kind !== 'lab') store.getState().actions.showPage(route?.id ?? page);
  return store;
}

/**
 * The lab store, showing `page`'s default view until the link is applied. In the browser there is
 * one for the app; on the server (prerendering) each page gets its own.
 */
export function labStoreFor(page: string): LabStore {
  if (typeof window === 'undefined') return fresh(page);
  shared ??= fresh(page);
  return shared;
}

/** Once the page has hydrated: the saved settings, the link's view, the notices, the address kept in step. */
export function startLab(page: string): void {
  if (started) return;
  started = true;
  const store = labStoreFor(page);
  if (lineByLineSaved()) store.getState().actions.setLineByLine(true);
  connectNotices(
    () => store.getState().notices,
    (listener) => store.subscribe(listener),
    (id) => store.getState().actions.dismissNotice(id),
  );
  syncAddress(store);
  opened(); // the link's view is in the store now (opening.ts)
}
