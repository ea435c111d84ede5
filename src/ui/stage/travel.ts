/**
 * How long an object takes to travel between two places on the scene. A move lasts in proportion
 * to the virtual time it covers (from the moment before to this one) at the chosen speed, so a
 * book that comes off the press after a 190 ms print run travels slowly and a book taken off the
 * shelf in the same instant is handed over quickly — but never quicker than a floor (an instant
 * hand-over must still be seen) nor slower than a ceiling (a slow print must not stall the story).
 * With reduced motion, MotionConfig (App.tsx) makes every move a cut.
 */
import { createContext, useContext } from 'react';
import type { Transition } from 'motion/react';
import type { LabState } from '../../store/labStore';

/** Real ms of travel per virtual ms, at 1×. */
export const TRAVEL_MS_PER_VIRTUAL_MS = 4;
/** The shortest move, in real ms (an instant hand-over). */
export const TRAVEL_FLOOR_MS = 250;
/** The longest move, in real ms. */
export const TRAVEL_CEILING_MS = 1200;

/** Real ms of a move that covers `virtualMs` of virtual time at `speed`. */
export function travelMs(virtualMs: number, speed: number): number {
  const ms = (Math.max(0, virtualMs) * TRAVEL_MS_PER_VIRTUAL_MS) / Math.max(0.01, speed);
  return Math.round(Math.min(TRAVEL_CEILING_MS, Math.max(TRAVEL_FLOOR_MS, ms)));
}

/** The virtual time the moment in view covers: from the moment before it to this one. */
export function coveredOf(s: LabState): number {
  const now = s.run.events[s.cursor];
  const before = s.run.events[s.cursor - 1];
  return now && before ? now.t - before.t : 0;
}

/** A move of `ms` real milliseconds: eases in and out, like a hand carrying a book. */
export const travelTransition = (ms: number): Transition => ({ duration: ms / 1000, ease: [0.45, 0, 0.25, 1] });

/** The transition of every move on one scene (Stage provides it; BookCard reads it). */
export const TravelContext = createContext<Transition>(travelTransition(TRAVEL_FLOOR_MS));

export const useTravel = (): Transition => useContext(TravelContext);
