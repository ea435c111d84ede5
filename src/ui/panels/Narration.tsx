/**
 * What is happening, in one plain sentence (announced to screen readers when it changes while
 * stepping; silent while playing, so a reader is not flooded), and where we are in time. Stepping
 * by beats, the sentence is the beat's; line by line, the event's.
 */
import { useMemo } from 'react';
import type { LevelId } from '../../engine';
import { ms } from '../../store/format';
import { beatSentencesOf, sentencesOf } from '../../store/narrated';
import {
  selectBeats,
  selectCodeSteps,
  selectLastMoment,
  selectLevel,
  selectLineByLine,
  selectMoment,
  selectPlaying,
  selectRun,
} from '../../store/selectors';
import { useLabShallow, useLabStore } from '../hooks/labStore';
import { lastLineRun, parseSource } from '../lib/source';
import { sourceOf } from '../lib/sources';

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
  /**
   * The level whose code the moment ran: the caption then ends with its last line run, for a
   * screen where the code panel is far below the scene (shown by scene.css under 68rem).
   */
  readonly codeOf?: LevelId | undefined;
}

export function Narration({ of, codeOf }: NarrationProps = {}) {
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
      {codeOf && <LastLineRun level={codeOf} />}
    </section>
  );
}

/**
 * The last line of the level's code the moment ran, with its number, as the code panel lights it
 * (its last step's last line), or that it ran none. Drawn only where the code panel is far below
 * the scene: in one column (scene.css).
 */
function LastLineRun({ level }: { level: LevelId }) {
  const steps = useLabShallow(selectCodeSteps);
  const lines = useMemo(() => parseSource(sourceOf(level) ?? ''), [level]);
  const line = lastLineRun(lines, steps);
  // Always a row, a line or none: a moment that ran no line keeps it, so what is under the caption
  // does not move up and down from moment to moment.
  return (
    <p className="narration__code" data-line={line?.n}>
      {line === null ? (
        'Outside the pool’s code.'
      ) : (
        <>
          <span className="narration__code-label">Line {line.n}:</span> <code>{line.text.trim()}</code>
        </>
      )}
    </p>
  );
}
