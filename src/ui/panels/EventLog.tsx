/**
 * The event log up to the cursor, newest first (so the current moment is always in view with no
 * scrolling to manage), with virtual times; choosing an entry moves the cursor there.
 */
import { memo } from 'react';
import { selectCursor, selectEvents } from '../../store/selectors';
import { useLabActions, useLabStore } from '../hooks/labStore';
import { ms } from '../../store/format';
import { useNarration } from './Narration';

/** Entries drawn at most; older ones are reached with the timeline. */
const SHOWN = 40;

export function EventLog() {
  const events = useLabStore(selectEvents);
  const cursor = useLabStore(selectCursor);
  const sentences = useNarration();
  const { seek } = useLabActions();
  const from = Math.max(0, cursor - SHOWN + 1);
  const rows = [];
  for (let i = Math.min(cursor, events.length - 1); i >= from; i--) {
    rows.push(
      <Entry
        key={i}
        index={i}
        t={events[i]!.t}
        text={sentences[i] ?? ''}
        warned={events[i]!.type === 'monitor.warned'}
        current={i === cursor}
        onSeek={seek}
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
      {from > 0 && <p className="log__more">…and {from} earlier events: use the timeline to reach them.</p>}
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
