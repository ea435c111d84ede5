/**
 * What is happening, in one plain sentence (announced to screen readers when it changes while
 * stepping; silent while playing, so a reader is not flooded), and where we are in time.
 */
import { useMemo } from 'react';
import { ms } from '../../store/format';
import { narrateAll } from '../../store/narrate';
import { selectCursor, selectEvents, selectLastIndex, selectLevel, selectPlaying } from '../../store/selectors';
import { useLabStore } from '../hooks/labStore';

export function useNarration(): readonly string[] {
  const events = useLabStore(selectEvents);
  const level = useLabStore(selectLevel);
  return useMemo(() => narrateAll(events, level), [events, level]);
}

export function Narration() {
  const sentences = useNarration();
  const cursor = useLabStore(selectCursor);
  const last = useLabStore(selectLastIndex);
  const playing = useLabStore(selectPlaying);
  const t = useLabStore((s) => s.run.events[s.cursor]?.t ?? 0);
  return (
    <section className="panel narration" aria-labelledby="narration-title">
      <h2 id="narration-title" className="sr-only">
        What is happening
      </h2>
      <p className="narration__meta">
        Moment {cursor} of {last} · t = {ms(t)} <span className="narration__virtual">(virtual time)</span>
      </p>
      <p className="narration__text" aria-live={playing ? 'off' : 'polite'} aria-atomic="true" data-testid="narration">
        {sentences[cursor] ?? ''}
      </p>
    </section>
  );
}
