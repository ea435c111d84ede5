/**
 * The thin React binding over the vanilla lab store: one store per app (made by the caller and
 * provided here), read with selectors. Use `useLabStore(selector)` for values and
 * `useLabShallow(selector)` for selectors that build arrays or objects.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
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

export function useLabStore<T>(selector: (s: LabState) => T): T {
  return useStore(useLabApi(), selector);
}

export function useLabShallow<T>(selector: (s: LabState) => T): T {
  return useStore(useLabApi(), useShallow(selector));
}

export function useLabActions(): LabState['actions'] {
  return useStore(useLabApi(), (s) => s.actions);
}
