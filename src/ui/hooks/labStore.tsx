/**
 * The thin React binding over the vanilla lab store: one store per app (made by the caller and
 * provided here), read with selectors. Use `useLabStore(selector)` for values and
 * `useLabShallow(selector)` for selectors that build arrays or objects.
 */
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { LabState, LabStore } from '../../store/labStore';

const LabStoreContext = createContext<LabStore | null>(null);

export function LabStoreProvider({ store, children }: { store: LabStore; children: ReactNode }) {
  return <LabStoreContext.Provider value={store}>{children}</LabStoreContext.Provider>;
}

export function useLabApi(): LabStore {
  const store = useContext(LabStoreContext);
  if (!store) throw new Error('useLabStore needs a <LabStoreProvider> above it');
  return store;
}

/**
 * A value of a lab store, kept in step with it. On the server and while hydrating, React reads the
 * store as it stands — zustand's own `useStore` would read the state the store was made with, so a
 * page that puts its default view on stage before drawing (a lab level, the production page's
 * story) would be prerendered, and hydrated, as an empty pool, and change under the reader after.
 */
export function useStoreValue<T>(store: LabStore, selector: (s: LabState) => T): T {
  const read = () => selector(store.getState());
  return useSyncExternalStore(store.subscribe, read, read);
}

/** A value of the provided store (see `useStoreValue`). */
export function useLabStore<T>(selector: (s: LabState) => T): T {
  return useStoreValue(useLabApi(), selector);
}

export function useLabShallow<T>(selector: (s: LabState) => T): T {
  return useLabStore(useShallow(selector));
}

export function useLabActions(): LabState['actions'] {
  return useLabStore(selectActions);
}

const selectActions = (s: LabState) => s.actions;
