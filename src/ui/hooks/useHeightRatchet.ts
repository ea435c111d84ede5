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
 */
import { useCallback, type RefCallback } from 'react';

export function useHeightRatchet<T extends HTMLElement>(key: unknown): RefCallback<T> {
  // A new callback for a new key: React lets the old one go (its clean-up) and calls the new one.
  return useCallback(
    (element: T | null) => {
      if (element === null || typeof ResizeObserver === 'undefined') return;
      void key; // read only so that a new key makes a new callback
      const style = element.style;
      let width = -1;
      let tallest = 0;
      const measure = () => {
        const box = element.getBoundingClientRect();
        if (box.width !== width) {
          // Another width: the element's own height now, not the tallest at the old width.
          width = box.width;
          style.minHeight = '';
          tallest = element.getBoundingClientRect().height;
        } else {
          tallest = Math.max(tallest, box.height);
        }
        const below = element.nextElementSibling?.getBoundingClientRect().height ?? 0;
        const fits = box.top + window.scrollY + tallest + below <= window.innerHeight;
        const hold = fits && tallest > 0 ? `${tallest}px` : '';
        if (style.minHeight !== hold) style.minHeight = hold;
      };
      style.minHeight = '';
      const observer = new ResizeObserver(measure);
      observer.observe(element);
      return () => {
        observer.disconnect();
        style.minHeight = '';
      };
    },
    [key],
  );
}
