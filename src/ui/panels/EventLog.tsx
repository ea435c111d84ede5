/**
 * The log of moments up to the one in view, newest first (so the current moment is always in view
 * with no scrolling to manage), with virtual times: one entry per beat, or line by line one per
 * event, each the narration's sentence; choosing an entry moves the cursor there.
 */
import { memo } from 'react';
import { selectBeats, selectLineByLine, selectMoment, selectRun } from '../../store/selectors';
import { useLabActions, useLabStore } from '../hooks/labStore';
import { ms } from '../../store/format';
import { useBeatNarration, useNarration } from './Narration';

/** Entries drawn at most; older ones are reached with the timeline. */
const SHOWN = 40;

export function EventLog() {
  const { events } = useLabStore(selectRun);
  const beats = useLabStore(selectBeats);
  const lineByLine = useLabStore(selectLineByLine);
  const cursor = useLabStore(selectMoment);
  const perEvent = useNarration();
  const perBeat = useBeatNarration();
  const sentences = lineByLine ? perEvent : perBeat;
  const { seekMoment } = useLabActions();
  const from = Math.max(0, cursor - SHOWN + 1);
  const rows = [];
  for (let i = cursor; i >= from; i--) {
    const beat = lineByLine ? undefined : beats[i];
    const e = events[beat ? beat.first : i];
    if (!e) continue;
    rows.push(
      <Entry
        key={i}
        index={i}
        t={e.t}
        text={sentences[i] ?? ''}
        warned={beat ? beat.warned : e.type === 'monitor.warned'}
        current={i === cursor}
        onSeek={seekMoment}
      />,
    );
  }
  return (
    <section className="panel log" aria-labelledby="log-title">
      <div className="panel__head">
        <h2 id="log-title">Event log</h2>
        <span className="panel__sub">newest first · choose an entry to go back to it</span>
      </div>
      <ol className="log__list" reversed start={cursor}>
        {rows}
      </ol>
      {from > 0 && (
        <p className="log__more">
          …and {from} earlier {lineByLine ? 'events' : 'moments'}: use the timeline to reach them.
        </p>
      )}
    </section>
  );
}

const Entry = memo(function Entry({
  index,
  t,
  text,
  warned,
  current,
  onSeek,
}: {
  index: number;
  t: number;
  text: string;
  warned: boolean;
  current: boolean;
  onSeek: (i: number) => void;
}) {
  return (
    <li className={`log__entry${current ? ' log__entry--now' : ''}${warned ? ' log__entry--warn' : ''}`}>
      <button type="button" onClick={() => onSeek(index)} aria-current={current ? 'step' : undefined}>
        <span className="log__t">{ms(t)}</span>
        <span className="log__text">
          {warned && <span aria-hidden="true">⚠ </span>}
          {text}
        </span>
      </button>
    </li>
  );
});
