/**
 * What is happening, in one plain sentence (announced to screen readers when it changes while
 * stepping; silent while playing, so a reader is not flooded), and where we are in time. Stepping
 * by beats, the sentence is the beat's; line by line, the event's.
 */
import { useMemo } from 'react';
import { ms } from '../../store/format';
import { narrateAll } from '../../store/narrate';
import { narrateBeats } from '../../store/narrateBeats';
import {
  selectBeats,
  selectEvents,
  selectLastMoment,
  selectLevel,
  selectLineByLine,
  selectMoment,
  selectPlaying,
} from '../../store/selectors';
import { useLabStore } from '../hooks/labStore';

/** One sentence per event of the timeline on stage. */
export function useNarration(): readonly string[] {
  const events = useLabStore(selectEvents);
  const level = useLabStore(selectLevel);
  return useMemo(() => narrateAll(events, level), [events, level]);
}

/** One sentence per beat of the timeline on stage. */
export function useBeatNarration(): readonly string[] {
  const events = useLabStore(selectEvents);
  const beats = useLabStore(selectBeats);
  const level = useLabStore(selectLevel);
  return useMemo(() => narrateBeats(events, beats, level), [events, beats, level]);
}

export function Narration() {
  const perEvent = useNarration();
  const perBeat = useBeatNarration();
  const lineByLine = useLabStore(selectLineByLine);
  const moment = useLabStore(selectMoment);
  const last = useLabStore(selectLastMoment);
  const playing = useLabStore(selectPlaying);
  const t = useLabStore((s) => s.run.events[s.cursor]?.t ?? 0);
  const sentences = lineByLine ? perEvent : perBeat;
  return (
    <section className="panel narration" aria-labelledby="narration-title">
      <h2 id="narration-title" className="sr-only">
        What is happening
      </h2>
      <p className="narration__meta">
        Moment {moment} of {last}
        {lineByLine ? ' (line by line)' : ''} · t = {ms(t)} <span className="narration__virtual">(virtual time)</span>
      </p>
      <p
        className="narration__text"
        aria-live={playing ? 'off' : 'polite'}
        aria-atomic="true"
        data-testid="narration"
        data-moment={moment}
      >
        {sentences[moment] ?? ''}
      </p>
    </section>
  );
}
