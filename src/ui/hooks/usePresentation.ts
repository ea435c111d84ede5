/**
 * Presentation mode, for a projector: the scene, its caption and the transport only, in large
 * type. A button and the key P turn it on and off (P is one of the single-key shortcuts, so it
 * obeys their switch: useShortcutSetting.ts); Escape leaves it. The mode is marked on <html>
 * (data-present) so the site's header and footer step aside too; it is not remembered. Leaving
 * the page leaves the mode, unless the clicker walked on to the next lesson (`presentOnNextPage`).
 */
import { useEffect, useSyncExternalStore } from 'react';
import { ownKey, typingIn } from './useShortcuts';
import { shortcutsOn } from './useShortcutSetting';

let on = false;
/** The page is being left by the clicker, which keeps the mode on for the next one. */
let carry = false;
const listeners = new Set<() => void>();

export function setPresenting(next: boolean): void {
  on = next;
  document.documentElement.toggleAttribute('data-present', next);
  for (const notify of listeners) notify();
}

/** Keep presentation mode on across the next change of page (the clicker walking to the next lesson). */
export function presentOnNextPage(): void {
  carry = on;
}

function subscribe(notify: () => void): () => void {
  listeners.add(notify);
  return () => listeners.delete(notify);
}

/** Whether presentation mode is on; while `enabled`, P toggles it and Escape leaves it. */
export function usePresentation(enabled = true): boolean {
  const presenting = useSyncExternalStore(
    subscribe,
    () => on,
    () => false,
  );
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || typingIn(e.target)) return;
      if (e.key === 'Escape' && on) {
        setPresenting(false);
        e.preventDefault();
      } else if ((e.key === 'p' || e.key === 'P') && shortcutsOn() && !ownKey(e.target, e.key)) {
        setPresenting(!on);
        e.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      // Leaving the page leaves the mode (the next page is drawn in full), unless the clicker went on.
      if (carry) carry = false;
      else setPresenting(false);
    };
  }, [enabled]);
  return presenting;
}
