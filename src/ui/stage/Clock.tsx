/**
 * The scene's virtual clock: a dial whose hand goes round once per virtual second, and the time in
 * words. It shows the engine's time at the cursor. While a story plays, it runs on towards the next
 * moment's time over the real time that moment lasts on screen, as the press's bar fills towards
 * it: virtual time passing between two events, never past the next one (and not at all with
 * reduced motion, where the bar stands still too).
 */
import { useReducedMotionConfig } from 'motion/react';
import { useEffect, useState } from 'react';
import { ms } from '../../store/format';

export interface ClockProps {
  /** The engine's time at the cursor. */
  readonly t: number;
  /** While playing: the next moment's time, or null (paused, at the end). */
  readonly toward?: number | null;
  /** Real ms until the next moment is shown. */
  readonly overMs?: number;
}

export function Clock({ t, toward = null, overMs = 0 }: ClockProps) {
  const shown = useRunningTime(t, toward, overMs);
  const turn = ((shown % 1000) / 1000) * 360;
  return (
    <p className="clock" data-clock={t}>
      <svg className="clock__dial" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
        <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" strokeWidth="2" />
        <line
          x1="12"
          y1="12"
          x2="12"
          y2="4.5"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          transform={`rotate(${turn} 12 12)`}
        />
      </svg>
      <span className="clock__label">virtual clock</span> <strong className="clock__t">t = {ms(shown)}</strong>
    </p>
  );
}

/** `t`, running on to `toward` over `overMs` of real time (frame by frame), when there is one. */
function useRunningTime(t: number, toward: number | null, overMs: number): number {
  const still = useReducedMotionConfig() === true;
  const runs = !still && toward !== null && toward > t && overMs > 0;
  const [shown, setShown] = useState(t);
  useEffect(() => {
    setShown(t);
    if (!runs) return;
    const from = performance.now();
    let frame = requestAnimationFrame(function tick(now) {
      const done = Math.min(1, (now - from) / overMs);
      // Whole virtual ms while it runs: a tenth flickering by says nothing.
      setShown(done < 1 ? Math.floor(t + (toward - t) * done) : toward);
      if (done < 1) frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [t, toward, overMs, runs]);
  return runs ? Math.max(shown, t) : t;
}
