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

/** The motion features (layout, layoutId, exit…), fetched after the first paint. */
export const loadMotionFeatures = () => import('./motionFeatures').then((m) => m.default);
