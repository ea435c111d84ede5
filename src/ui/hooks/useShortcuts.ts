/**
 * Keyboard shortcuts for the timeline: Space play/pause, ← → step, Home End jump, + − speed
 * (and P, presentation mode, on the pages that have it: usePresentation.ts).
 *
 * They work wherever the focus is on the page, with two exceptions: never while the learner types
 * in a text field, and never for a key the focused control uses itself — Space presses the focused
 * button or ticks the focused box, the arrows move within the focused tab list, slider or menu.
 * They can be turned off (WCAG 2.1.4), a setting remembered in the browser: see
 * useShortcutSetting.ts.
 */
import { useEffect } from 'react';
import type { LabStore } from '../../store/labStore';
import { shortcutsOn } from './useShortcutSetting';

export const SHORTCUTS: readonly { keys: string; does: string }[] = [
  { keys: 'Space', does: 'play / pause' },
  { keys: '← →', does: 'step' },
  { keys: 'Home End', does: 'start / end' },
  { keys: '+ −', does: 'speed' },
  { keys: 'P', does: 'presentation mode' },
];

/** Input types whose keys type text. */
const TEXT_INPUTS = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'time']);

/** Whether the learner is typing in a text field (no shortcut fires there). */
export function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && TEXT_INPUTS.has(target.type);
}

/** Controls that Space (or Enter) presses, toggles or opens. */
const PRESSED =
  'button, a[href], summary, select, input[type="checkbox"], input[type="radio"], input[type="button"], input[type="submit"], [role="button"], [role="tab"], [role="switch"], [role="checkbox"], [role="radio"], [role="menuitem"], [role="option"]';
/** Controls that move within themselves with the arrows (and Home / End). */
const STEERED =
  'select, input[type="range"], input[type="radio"], [role="tablist"], [role="slider"], [role="radiogroup"], [role="listbox"], [role="menu"]';

/** Whether the focused control has its own meaning for this key (then it keeps it). */
export function ownKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof Element)) return false;
  if (key === ' ' || key === 'Spacebar' || key === 'Enter') return target.closest(PRESSED) !== null;
  if (key.startsWith('Arrow') || key === 'Home' || key === 'End') return target.closest(STEERED) !== null;
  return false;
}

/** The shortcuts, on the given lab store (the page's timeline); none when it is null. */
export function useShortcuts(store: LabStore | null): void {
  useEffect(() => {
    if (!store) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || !shortcutsOn()) return;
      if (typingIn(e.target) || ownKey(e.target, e.key)) return;
      const a = store.getState().actions;
      switch (e.key) {
        case ' ':
        case 'Spacebar':
          a.togglePlay();
          break;
        case 'ArrowRight':
          a.stepForward();
          break;
        case 'ArrowLeft':
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
  }, [store]);
}
