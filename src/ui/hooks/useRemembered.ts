/**
 * A small setting kept in this browser (localStorage), shared by every component that reads the
 * same key and kept in step across tabs; when storage refuses, it holds for this page only.
 */
import { useCallback, useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
const fallback = new Map<string, string>();

function read(key: string): string | null {
  if (fallback.has(key)) return fallback.get(key)!;
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function remember(key: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    fallback.set(key, value);
  }
  for (const notify of listeners) notify();
}

function subscribe(notify: () => void): () => void {
  listeners.add(notify);
  window.addEventListener('storage', notify);
  return () => {
    listeners.delete(notify);
    window.removeEventListener('storage', notify);
  };
}

/** The value under `key` (null when none), and a setter that keeps it. */
export function useRemembered(key: string): [string | null, (value: string) => void] {
  const value = useSyncExternalStore(
    subscribe,
    () => read(key),
    () => null,
  );
  const set = useCallback((v: string) => remember(key, v), [key]);
  return [value, set];
}
