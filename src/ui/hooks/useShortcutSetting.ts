/**
 * Whether the single-key shortcuts are on (WCAG 2.1.4: a learner who speaks to the page, or types
 * with a switch, must be able to turn keys that act on a single press off). On by default,
 * remembered in this browser, and the same for every page and tab.
 */
import { useSyncExternalStore } from 'react';

const KEY = 'pool-lab:shortcuts';
const listeners = new Set<() => void>();
/** Used only when storage refuses to keep the setting. */
let fallback: boolean | null = null;

/** Whether the shortcuts are on (a browser that keeps nothing keeps them on). */
export function shortcutsOn(): boolean {
  if (fallback !== null) return fallback;
  try {
    return globalThis.localStorage?.getItem(KEY) !== 'off';
  } catch {
    return true;
  }
}

export function setShortcutsOn(on: boolean): void {
  try {
    globalThis.localStorage?.setItem(KEY, on ? 'on' : 'off');
  } catch {
    // Storage refused (private mode, a full disk): the setting holds for this page only.
    fallback = on;
  }
  for (const notify of listeners) notify();
}

function subscribe(notify: () => void): () => void {
  listeners.add(notify);
  // Another tab changed it.
  const onStorage = (e: StorageEvent) => {
    if (e.key === KEY) notify();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(notify);
    window.removeEventListener('storage', onStorage);
  };
}

/** The setting, kept in sync with every place that changes it. */
export function useShortcutSetting(): boolean {
  return useSyncExternalStore(subscribe, shortcutsOn, () => true);
}
