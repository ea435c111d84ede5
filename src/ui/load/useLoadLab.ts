/**
 * The load lab page's store: one per page, made when the page mounts, read with selectors.
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { LoadLabState, LoadLabStore } from '../../store/load';

export const LoadLabContext = createContext<LoadLabStore | null>(null);

function useApi(): LoadLabStore {
  const store = useContext(LoadLabContext);
  if (!store) throw new Error('the load lab’s parts need the page’s store above them');
  return store;
}

export function useLoadLab<T>(selector: (s: LoadLabState) => T): T {
  return useStore(useApi(), selector);
}

export function useLoadLabShallow<T>(selector: (s: LoadLabState) => T): T {
  return useStore(useApi(), useShallow(selector));
}

export function useLoadLabActions(): LoadLabState['actions'] {
  return useStore(useApi(), (s) => s.actions);
}
