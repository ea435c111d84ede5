/**
 * A prerendered page that wakes when the learner starts something. A lab level's first view is its
 * prerendered HTML: readable and laid out, but inert until its code (the engine, the lab's store,
 * the scene) has loaded and hydrated it. That code is not fetched with the page. It is fetched
 * when the learner starts something: a press, a key, a focus, or the pointer coming over one of the
 * page's controls (a head start on the press that usually follows). A reader who only reads
 * fetches none of it.
 *
 * A press that lands before the code does is not lost: the last press made inside the sleeping
 * page is held (so a link there does not leave the page) and made again once the page is awake.
 * Hydration keeps the very elements of the prerendered HTML, so it lands where it was aimed. A key
 * that woke the page away from any control (a shortcut: Space, an arrow) is pressed again too.
 * <html data-asleep> marks the page while it waits, <html data-waking> while its code is on the
 * way (a busy cursor).
 */

const STARTS = ['pointerdown', 'keydown', 'focusin', 'touchstart'] as const;
const CONTROLS = 'a[href], button, input, select, textarea, summary, [tabindex]';

let started: Promise<void> | undefined;
let held: HTMLElement | null = null;
let heldKey: { target: EventTarget; init: KeyboardEventInit } | null = null;
let stopHolding: (() => void) | null = null;

/**
 * Resolves when the learner starts something on the page, while `asleep` (the part of the page
 * its code has not taken over) holds its presses until `wake`. The same promise for every call.
 */
export function untilStarted(asleep: () => Element | null): Promise<void> {
  started ??= new Promise<void>((resolve) => {
    const html = document.documentElement;
    html.dataset.asleep = '';
    const inside = (e: Event): HTMLElement | null => {
      const target = e.target instanceof HTMLElement ? e.target : null;
      return target && asleep()?.contains(target) ? target : null;
    };
    const start = (e: Event) => {
      // A shortcut's key (none of a control's own): kept, to be pressed again once awake.
      if (e instanceof KeyboardEvent && e.target && !(e.target instanceof Element && e.target.closest(CONTROLS)))
        heldKey = {
          target: e.target,
          init: { key: e.key, code: e.code, shiftKey: e.shiftKey, bubbles: true, cancelable: true },
        };
      for (const type of STARTS) window.removeEventListener(type, start, true);
      window.removeEventListener('pointermove', approach, true);
      delete html.dataset.asleep;
      html.dataset.waking = '';
      resolve();
    };
    const approach = (e: Event) => {
      if (inside(e)?.closest(CONTROLS)) start(e);
    };
    const hold = (e: MouseEvent) => {
      const target = inside(e);
      if (!target) return;
      e.preventDefault();
      e.stopPropagation();
      held = target;
    };
    for (const type of STARTS) window.addEventListener(type, start, { capture: true, passive: true });
    window.addEventListener('pointermove', approach, { capture: true, passive: true });
    document.addEventListener('click', hold, true);
    stopHolding = () => document.removeEventListener('click', hold, true);
  });
  return started;
}

/** The page is awake (its code has hydrated it): stop holding, and make the held press (or key) again. */
export function wake(): void {
  stopHolding?.();
  stopHolding = null;
  delete document.documentElement.dataset.waking;
  const target = held;
  const key = heldKey;
  held = null;
  heldKey = null;
  if (target?.isConnected) target.click();
  else if (key) key.target.dispatchEvent(new KeyboardEvent('keydown', key.init));
}
