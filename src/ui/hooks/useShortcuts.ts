/**
 * Keyboard shortcuts for the timeline: Space play/pause, ← → step, Home End jump, + − speed.
 * They never fire while the learner types in a field, and Space/Enter on a button keep their
 * native meaning (pressing that button).
 */
import { useEffect } from 'react';
import { useLabApi } from './labStore';

export const SHORTCUTS: readonly { keys: string; does: string }[] = [
  { keys: 'Space', does: 'play or pause' },
  { keys: '← →', does: 'step back / forward' },
  { keys: 'Home End', does: 'jump to start / end' },
  { keys: '+ −', does: 'faster / slower' },
];

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

function activates(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.closest('button, a[href], summary, [role="tab"], [role="button"]') !== null;
}

export function useShortcuts(enabled: boolean): void {
  const store = useLabApi();
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || typingIn(e.target)) return;
      const a = store.getState().actions;
      switch (e.key) {
        case ' ':
        case 'Spacebar':
          if (activates(e.target)) return;
          a.togglePlay();
          break;
        case 'ArrowRight':
          if ((e.target as HTMLElement | null)?.closest?.('[role="tablist"]')) return;
          a.stepForward();
          break;
        case 'ArrowLeft':
          if ((e.target as HTMLElement | null)?.closest?.('[role="tablist"]')) return;
          a.stepBack();
          break;
        case 'Home':
          a.jumpStart();
          break;
        case 'End':
          a.jumpEnd();
          break;
        case '+':
        case '=':
          a.faster();
          break;
        case '-':
        case '_':
          a.slower();
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, store]);
}
