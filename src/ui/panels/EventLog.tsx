/**
 * The event log up to the cursor, with virtual times; choosing an entry moves the cursor there.
 */
import { memo, useEffect, useRef } from 'react';
import { selectCursor, selectEvents } from '../../store/selectors';
import { useLabActions, useLabStore } from '../hooks/labStore';
import { formatMs, useNarration } from './Narration';

/** Entries drawn at most; older ones are reached with the timeline. */
const SHOWN = 60;

export function EventLog() {
  const events = useLabStore(selectEvents);
  const cursor = useLabStore(selectCursor);
  const sentences = useNarration();
  const { seek } = useLabActions();
  const list = useRef<HTMLOListElement>(null);
  const from = Math.max(0, cursor - SHOWN + 1);

  useEffect(() => {
    const box = list.current;
    if (box) box.scrollTop = box.scrollHeight;
  }, [cursor, events]);

  const rows = [];
  for (let i = from; i <= cursor && i < events.length; i++) {
    rows.push(<Entry key={i} index={i} t={events[i]!.t} text={sentences[i] ?? ''} warned={events[i]!.type === 'monitor.warned'} current={i === cursor} onSeek={seek} />);
  }
  return (
    <section className="panel log" aria-labelledby="log-title">
      <div className="panel__head">
        <h2 id="log-title">Event log</h2>
        <span className="panel__sub">choose an entry to go back to it</span>
      </div>
      {from > 0 && <p className="log__more">{from} earlier events: use the timeline to reach them.</p>}
      <ol className="log__list" ref={list} start={from}>
        {rows}
      </ol>
    </section>
  );
}

const Entry = memo(function Entry({ index, t, text, warned, current, onSeek }: { index: number; t: number; text: string; warned: boolean; current: boolean; onSeek: (i: number) => void }) {
  return (
    <li className={`log__entry${current ? ' log__entry--now' : ''}${warned ? ' log__entry--warn' : ''}`}>
      <button type="button" onClick={() => onSeek(index)} aria-current={current ? 'step' : undefined}>
        <span className="log__t">{formatMs(t)}</span>
        <span className="log__text">
          {warned && <span aria-hidden="true">⚠ </span>}
          {text}
        </span>
      </button>
    </li>
  );
});
