/**
 * The playback loop: the one place real time enters the lab. While the store says "playing", each
 * animation frame tells the store how many real milliseconds passed; the store moves its playhead
 * through the schedule at the chosen speed and sets the cursor. Pausing stops the loop.
 */
import { useEffect } from 'react';
import { useLabApi, useLabStore } from './labStore';

/** A frame longer than this (a background tab, a debugger) counts as this long. */
const MAX_FRAME_MS = 100;

export function usePlayback(): void {
  const store = useLabApi();
  const playing = useLabStore((s) => s.playing);
  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let last: number | null = null;
    const tick = (now: number) => {
      if (last !== null) store.getState().actions.advance(Math.min(MAX_FRAME_MS, now - last));
      last = now;
      if (store.getState().playing) frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, store]);
}
