/**
 * Playback of the two scenes: a position in 1× real ms on the shared schedule, moved by real time ×
 * speed while playing (requestAnimationFrame: real time enters here and nowhere else), by Step to
 * the next moment, by Restart back to the start. Everything drawn is derived from the position.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { momentIndexAt, type Schedule, type Speed } from '../../store/analogyPlay';

export function usePlayback(schedule: Schedule | null) {
  const [position, setPosition] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<Speed>(1);
  const pos = useRef(0);

  const moveTo = useCallback((p: number) => {
    pos.current = p;
    setPosition(p);
  }, []);

  useEffect(() => {
    if (!playing || !schedule) return;
    let raf = 0;
    let last: number | null = null;
    const tick = (now: number) => {
      const dt = last === null ? 0 : now - last;
      last = now;
      const next = Math.min(schedule.end, pos.current + dt * speed);
      moveTo(next);
      if (next >= schedule.end) setPlaying(false);
      else raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [playing, schedule, speed, moveTo]);

  const finished = schedule !== null && position >= schedule.end;

  return {
    position,
    playing,
    speed,
    finished,
    setSpeed,
    /** Play from where it is (from the start once finished). */
    play: () => {
      if (finished) moveTo(0);
      setPlaying(true);
    },
    pause: () => setPlaying(false),
    restart: () => {
      setPlaying(false);
      moveTo(0);
    },
    /** One moment forward, paused there (the last moment's dwell ends the run). */
    step: (s: Schedule) => {
      setPlaying(false);
      const i = momentIndexAt(s, pos.current);
      const next = s.moments[i + 1];
      moveTo(next ? next.at : s.end);
    },
    toEnd: (s: Schedule) => {
      setPlaying(false);
      moveTo(s.end);
    },
  };
}
