/**
 * One side of the analogy: its figures, and a step-through of what happened, one sentence a moment.
 */
import { useState } from 'react';
import type { AnalogySide } from '../../store/analogy';
import { ms } from '../../store/format';

export function AnalogySideView({ side }: { side: AnalogySide }) {
  const [moment, setMoment] = useState(0);
  const last = side.frames.length - 1;
  const frame = side.frames[Math.min(moment, last)];
  const headId = `analogy-${side.key}`;
  const short = side.key === 'withoutPool' ? 'without a pool' : 'with a pool';
  const go = (i: number) => setMoment(Math.max(0, Math.min(last, i)));

  return (
    <section className={`panel analogy__side analogy__side--${side.key}`} aria-labelledby={headId}>
      <h2 id={headId}>{side.title}</h2>
      <p className="analogy__how">{side.how}</p>
      <dl className="analogy__facts">
        <div className="metric">
          <dt>Readers’ time, added up</dt>
          <dd data-testid={`${side.key}-total`}>{ms(side.totalMs)}</dd>
        </div>
        <div className="metric">
          <dt>Books printed</dt>
          <dd>{side.printed}</dd>
        </div>
        <div className="metric">
          <dt>Borrowed from the shelf</dt>
          <dd>{side.reused}</dd>
        </div>
        <div className="metric">
          <dt>Last reader left at</dt>
          <dd>{ms(side.finishedAt)}</dd>
        </div>
      </dl>

      {frame && (
        <div className="analogy__steps" role="group" aria-label={`Step through ${short}`}>
          <p className="analogy__step-count">
            Moment {Math.min(moment, last) + 1} of {side.frames.length} · t = {ms(frame.t)}
          </p>
          <p className="analogy__step-text" aria-live="polite">
            {frame.text}
          </p>
          <p className="analogy__step-counts">
            Printed {frame.made} · on the shelf {frame.onShelf} · burned {frame.burned}
          </p>
          <div className="analogy__step-buttons">
            <button type="button" className="button button--small" onClick={() => go(0)} disabled={moment === 0}>
              <span aria-hidden="true">«</span> First<span className="sr-only"> moment, {short}</span>
            </button>
            <button
              type="button"
              className="button button--small"
              onClick={() => go(moment - 1)}
              disabled={moment === 0}
            >
              <span aria-hidden="true">◀</span> Previous<span className="sr-only"> moment, {short}</span>
            </button>
            <button
              type="button"
              className="button button--small"
              onClick={() => go(moment + 1)}
              disabled={moment >= last}
            >
              Next<span className="sr-only"> moment, {short}</span> <span aria-hidden="true">▶</span>
            </button>
            <button type="button" className="button button--small" onClick={() => go(last)} disabled={moment >= last}>
              Last<span className="sr-only"> moment, {short}</span> <span aria-hidden="true">»</span>
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
