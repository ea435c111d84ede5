/**
 * What is happening, in one plain sentence (announced to screen readers when it changes while
 * stepping; silent while playing, so a reader is not flooded), and where we are in time. Stepping
 * by beats, the sentence is the beat's; line by line, the event's.
 */
import { useMemo } from 'react';
import { ms } from '../../store/format';
import { beatSentencesOf, sentencesOf } from '../../store/narrated';
import {
  selectBeats,
  selectLastMoment,
  selectLevel,
  selectLineByLine,
  selectMoment,
  selectPlaying,
  selectRun,
} from '../../store/selectors';
import { useLabStore } from '../hooks/labStore';

/**
 * One sentence per event of the timeline on stage: an array kept with the timeline and grown with
 * it (narrated.ts), new content with every run — key on the run, not on the array.
 */
export function useNarration(): readonly string[] {
  const run = useLabStore(selectRun);
  const level = useLabStore(selectLevel);
  return useMemo(() => sentencesOf(run.events, level), [run, level]);
}

/** One sentence per beat of the timeline on stage (kept and grown as `useNarration`'s). */
export function useBeatNarration(): readonly string[] {
  const run = useLabStore(selectRun);
  const beats = useLabStore(selectBeats);
  const level = useLabStore(selectLevel);
  return useMemo(() => beatSentencesOf(run.events, beats, level), [run, beats, level]);
}

export interface NarrationProps {
  /** Names the panel's heading when two runs are on one page (the production side by side): "Reset fix on". */
  readonly of?: string | undefined;
}

export function Narration({ of }: NarrationProps = {}) {
  const perEvent = useNarration();
  const perBeat = useBeatNarration();
  const lineByLine = useLabStore(selectLineByLine);
  const moment = useLabStore(selectMoment);
  const last = useLabStore(selectLastMoment);
  const playing = useLabStore(selectPlaying);
  const t = useLabStore((s) => s.run.events[s.cursor]?.t ?? 0);
  const sentences = lineByLine ? perEvent : perBeat;
  const titleId = of ? `narration-title-${of.toLowerCase().replace(/\W+/g, '-')}` : 'narration-title';
  return (
    <section className="panel narration" aria-labelledby={titleId}>
      <h2 id={titleId} className="sr-only">
        What is happening{of ? ` (${of})` : ''}
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
