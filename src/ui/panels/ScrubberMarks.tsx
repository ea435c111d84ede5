/**
 * The warnings marked on the timeline: one mark per moment at which the monitor warned, placed
 * where that moment sits on the scrubber. Each mark is a button named by its warnings, in the
 * narration's words, that goes to that moment.
 */
import { useMemo } from 'react';
import { beatIndexOf } from '../../store/beats';
import { sentencesOf } from '../../store/narrated';
import { selectBeats, selectLastMoment, selectLevel, selectLineByLine, selectRun } from '../../store/selectors';
import { useLabActions, useLabStore } from '../hooks/labStore';

export function ScrubberMarks() {
  const warnings = useLabStore((s) => s.warnings);
  const run = useLabStore(selectRun);
  const beats = useLabStore(selectBeats);
  const lineByLine = useLabStore(selectLineByLine);
  const last = useLabStore(selectLastMoment);
  const level = useLabStore(selectLevel);
  const { seekMoment } = useLabActions();
  const marks = useMemo(() => {
    // The narration kept with the timeline (the same sentences the caption reads), per run: a run
    // grown by hand grows its arrays in place, so the run, not an array, says they changed.
    const sentences = sentencesOf(run.events, level);
    const out: { moment: number; text: string[] }[] = [];
    for (const w of warnings) {
      const moment = lineByLine ? w.index : beatIndexOf(beats, w.index);
      const text = (sentences[w.index] ?? w.message).replace(/^Warning: /, '');
      const prev = out.at(-1);
      if (prev?.moment === moment) prev.text.push(text);
      else out.push({ moment, text: [text] });
    }
    return out;
  }, [warnings, run, level, beats, lineByLine]);
  if (last <= 0 || marks.length === 0) return null;
  return (
    <ul className="scrubber__marks" aria-label="Warnings on the timeline">
      {marks.map((m) => (
        <li key={m.moment} className="scrubber__mark" style={{ left: `${(m.moment / last) * 100}%` }}>
          <button
            type="button"
            onClick={() => seekMoment(m.moment)}
            aria-label={`Go to moment ${m.moment}, a warning: ${m.text.join(' ')}`}
            title={m.text.join(' ')}
            data-moment={m.moment}
          >
            <span aria-hidden="true" />
          </button>
        </li>
      ))}
    </ul>
  );
}
