/**
 * An element that never gets shorter while the learner walks through one run: its `min-height`
 * follows the tallest it has been. The scene changes height from beat to beat (a reader card
 * appears, the shelf fills, a caption takes a second line); without this, everything under it —
 * the transport the learner is clicking — jumped up and down, and Step forward moved away from
 * under the pointer. Now the page moves only the first time the scene grows, never back.
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
          // Another width: the part's own height now, not the tallest at the old width.
          width = box.width;
          style.minHeight = '';
          tallest = element.getBoundingClientRect().height;
        } else {
          tallest = Math.max(tallest, box.height);
        }
        if (tallest > 0) style.minHeight = `${tallest}px`;
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
