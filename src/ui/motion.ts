/**
 * Motion presets, in one place: how objects move between the press, the shelf, the readers, the
 * desk and the bin. With reduced motion (the system setting, or tests) MotionConfig makes every
 * move instant; nothing is ever shown by motion alone.
 */
import type { Transition } from 'motion/react';

/** An object moving from one place to another (the layoutId move). */
export const MOVE: Transition = { type: 'spring', stiffness: 420, damping: 38, mass: 0.9 };

/** Appearing and disappearing (a copy on the shelf, a new reader). */
export const FADE: Transition = { duration: 0.18, ease: 'easeOut' };

/**
 * The learner's first move of the pointer, touch, key or focus on the page: before it nothing on a
 * page opened at its default view moves (the page opens paused), and the features arrive before the
 * press that starts something.
 */
const firstInput =
  typeof window === 'undefined'
    ? new Promise<void>(() => {})
    : new Promise<void>((resolve) => {
        for (const type of ['pointermove', 'pointerdown', 'touchstart', 'keydown', 'focusin'])
          window.addEventListener(type, () => resolve(), { once: true, capture: true, passive: true });
      });

/**
 * The motion features (layout, layoutId, exit…; domMax), fetched at the learner's first input or
 * when `moved` settles (the view on stage changed: a link's moment, a story), whichever comes
 * first — not with the page, whose first view stands still.
 */
export const motionFeaturesWhen = (moved: Promise<void>) => () =>
  Promise.race([firstInput, moved])
    .then(() => import('./motionFeatures'))
    .then((m) => m.default);

/** The motion features, fetched now. */
export const loadMotionFeatures = () => import('./motionFeatures').then((m) => m.default);
