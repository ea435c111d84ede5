/**
 * An element that never gets shorter while the learner walks through one run: its `min-height`
 * follows the tallest it has been. The scene changes height from beat to beat (a reader card
 * appears, the shelf fills, a caption takes a second line); without this, everything under it —
 * the transport the learner is clicking — jumped up and down. Now it moves down the first time the
 * scene grows, and never back up: stepping back, or forward again over moments already seen, leaves
 * the transport where it is.
 *
 * Only while the tallest height still fits the window with what follows the element (the
 * transport) in view: a phone, where the scene is taller than the screen anyway, would otherwise
 * keep the transport below the fold at moments where it could be seen.
 *
 * It starts again from the element's own height when `key` changes (another run on the stage) and
 * when its width changes (a resized window, where the tallest moment is another height).
 *
 * `ahead`, when given, says how much taller than now the element will be at the tallest moment still
 * to come (the stage foresees its map's, foresee.tsx): held from the start, so nothing under it moves
 * the first time it grows either. It is asked whenever the element is measured, and when
 * `lookAgain` changes (the foreseen height has come), which keeps the tallest already held.
 */
import { useCallback, useLayoutEffect, useRef, type RefCallback } from 'react';

export function useHeightRatchet<T extends HTMLElement>(
  key: unknown,
  ahead?: (element: T) => number,
  lookAgain?: unknown,
): RefCallback<T> {
  const aheadRef = useRef(ahead);
  const measureRef = useRef<(() => void) | null>(null);
  useLayoutEffect(() => {
    aheadRef.current = ahead;
  });
  useLayoutEffect(() => {
    void lookAgain; // read only so that a new value measures again
    measureRef.current?.();
  }, [lookAgain]);
  // A new callback for a new key: React lets the old one go (its clean-up) and calls the new one.
  return useCallback(
    (element: T | null) => {
      if (element === null || typeof ResizeObserver === 'undefined') return;
      void key; // read only so that a new key makes a new callback
      const style = element.style;
      let width = -1;
      let tallest = 0;
      const measure = () => {
        // Its own height, without the hold: what it needs at this moment.
        const held = style.minHeight;
        style.minHeight = '';
        const box = element.getBoundingClientRect();
        style.minHeight = held;
        // Another width: the tallest at the old width no longer counts.
        if (box.width !== width) tallest = 0;
        width = box.width;
        tallest = Math.max(tallest, box.height + Math.max(0, aheadRef.current?.(element) ?? 0));
        const below = element.nextElementSibling?.getBoundingClientRect().height ?? 0;
        const fits = box.top + window.scrollY + tallest + below <= window.innerHeight;
        const hold = fits && tallest > 0 ? `${tallest}px` : '';
        if (style.minHeight !== hold) style.minHeight = hold;
      };
      style.minHeight = '';
      measureRef.current = measure;
      const observer = new ResizeObserver(measure);
      observer.observe(element);
      return () => {
        measureRef.current = null;
        observer.disconnect();
        style.minHeight = '';
      };
    },
    [key],
  );
}
