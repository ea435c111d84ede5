/**
 * The analogy, first stop on the path: the same readers served without a pool (print a book, read
 * it, burn it) and with one (borrow, read, return), side by side, with the virtual time each way
 * cost and a step-through of each.
 */
import { useId, useMemo, useState } from 'react';
import { analogyView, DEFAULT_READERS, MAX_READERS, parseReaders } from '../../store/analogy';
import { ms } from '../../store/format';
import { LessonPath } from '../lesson/LessonPath';
import { AnalogySideView } from './AnalogySide';
import './analogy.css';

export default function AnalogyPage() {
  const fieldId = useId();
  const [text, setText] = useState(String(DEFAULT_READERS));
  const [readers, setReaders] = useState(DEFAULT_READERS);
  const parsed = parseReaders(text);
  const view = useMemo(() => analogyView(readers), [readers]);
  const [without, withPool] = view.sides;
  const longest = Math.max(without.totalMs, withPool.totalMs, 1);

  const change = (value: string) => {
    setText(value);
    const p = parseReaders(value);
    if (p.ok) setReaders(p.readers);
  };

  return (
    <article className="analogy">
      <header className="analogy__head">
        <h1 tabIndex={-1}>The library analogy</h1>
        <p>
          Making some things is slow — printing a book, opening a database connection — and using one is quick. Here the
          same readers come to a library run two ways. Without a pool every reader has a book printed, reads it and
          burns it. With a pool a reader borrows a book from the shelf and puts it back, and only an empty shelf sends
          anyone to the press.
        </p>
        <LessonPath />
      </header>

      <form className="analogy__form" onSubmit={(e) => e.preventDefault()} noValidate>
        <div className={`field${parsed.ok ? '' : ' field--bad'}`}>
          <label htmlFor={fieldId}>How many readers come</label>
          <input
            id={fieldId}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={text}
            onChange={(e) => change(e.target.value)}
            aria-invalid={!parsed.ok}
            aria-describedby={`${fieldId}-hint${parsed.ok ? '' : ` ${fieldId}-error`}`}
          />
          <span id={`${fieldId}-hint`} className="field__hint">
            From 1 to {MAX_READERS}. They arrive a few virtual milliseconds apart, sometimes together.
          </span>
          {!parsed.ok && (
            <p id={`${fieldId}-error`} className="field__error" role="alert">
              {parsed.message} Still showing {readers} {readers === 1 ? 'reader' : 'readers'}.
            </p>
          )}
        </div>
      </form>

      <section className="panel analogy__totals" aria-labelledby="analogy-totals">
        <h2 id="analogy-totals">Time the readers spent</h2>
        <p className="analogy__verdict" aria-live="polite" data-testid="analogy-verdict">
          Without a pool: <strong>{ms(without.totalMs)}</strong>, with a pool: <strong>{ms(withPool.totalMs)}</strong>
          {view.speedup > 1
            ? ` — ${view.speedup}× less waiting.`
            : ' — the same: a lone reader has to wait for a print either way.'}
        </p>
        <p className="analogy__note">
          Each reader’s time runs from arriving to leaving with the book returned; the figures add them up for{' '}
          {view.readers} {view.readers === 1 ? 'reader' : 'readers'}.
        </p>
        <div className="analogy__bars" aria-hidden="true">
          {view.sides.map((s) => (
            <div key={s.key} className={`analogy__bar-row analogy__bar-row--${s.key}`}>
              <span className="analogy__bar-name">{s.title}</span>
              <span className="analogy__bar" style={{ width: `${Math.max(1, (s.totalMs / longest) * 100)}%` }} />
              <span className="analogy__bar-value">{ms(s.totalMs)}</span>
            </div>
          ))}
        </div>
        <p className="analogy__arrivals">
          <span className="analogy__arrivals-label">Arrivals:</span>{' '}
          {view.arrivals.map((a) => `${a.reader} at ${ms(a.at)}`).join(', ')}.
        </p>
      </section>

      <div className="analogy__sides">
        {view.sides.map((s) => (
          <AnalogySideView key={`${view.readers}-${s.key}`} side={s} />
        ))}
      </div>
    </article>
  );
}
