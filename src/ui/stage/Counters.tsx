/**
 * The counts, in the words the chart and the table use too (store/counts.ts): on the shelf, the
 * pool's own counter ("the pool thinks 2 are out") beside what readers hold ("readers hold 0"),
 * the difference named for what it is (the leak, objects on their way, a wrong count), what was
 * created, and the maximum.
 */
import type { Ref } from 'react';
import type { ThingWords } from '../../engine';
import { countedAround, countWords, type Counts } from '../../store/counts';

export function Counters({ counts, words, ref }: { counts: Counts; words: ThingWords; ref?: Ref<HTMLDivElement> }) {
  const { onShelf, counted, held, created, atPress, shared, maxSize, startSize } = counts;
  const said = countWords(counts, words);
  // The count's own words, with the number drawn bold between them.
  const around = counted === null ? null : countedAround(counted);
  // More open than the maximum (closed ones no longer count).
  const over = maxSize !== null && counts.open > maxSize;
  const wrong = said.bad;
  return (
    <div ref={ref} className="counters-box">
      <ul className="counters" aria-label="Counts">
        <li className="counter">
          On the shelf <strong data-counter="on-shelf">{onShelf}</strong>
        </li>
        <li
          className={`counter${wrong ? ' counter--bad' : ''}`}
          title={counted === null ? 'This level keeps no count of what it lends' : 'The pool’s own in-use counter'}
        >
          {counted === null || around === null ? (
            <span data-counter="pool-count">{said.counted}</span>
          ) : (
            <>
              {around[0]}
              <strong data-counter="pool-count">{counted}</strong>
              {around[1]}
              {(counted < 0 || said.should !== null) && (
                <span className="counter__flag" data-counter="should">
                  {' '}
                  ⚠{' '}
                  {[counted < 0 ? 'below zero' : '', said.should === null ? '' : `should be ${said.should}`]
                    .filter(Boolean)
                    .join(', ')}
                </span>
              )}
            </>
          )}
        </li>
        <li
          className={`counter${wrong || shared > 0 ? ' counter--bad' : ''}`}
          title="Loans in readers’ hands: one object two readers hold counts twice"
        >
          Readers hold <strong data-counter="held">{held}</strong>
          {/* One object in several readers' hands counts once per reader: say so, it is the bug on screen. */}
          {shared > 0 && (
            <span className="counter__flag" data-counter="shared">
              {' '}
              ⚠ {shared === 1 ? `1 ${words.thing}` : `${shared} ${words.things}`} in more than one reader’s hands
            </span>
          )}
        </li>
        <li className="counter">
          Created <strong data-counter="created">{created}</strong>
          {/* Counted from the moment its making begins: say so while one is still being made. */}
          {atPress > 0 && (
            <span className="counter__sub" data-counter="at-press">
              {' '}
              ({atPress} still at the press)
            </span>
          )}
        </li>
        <li className={`counter${over ? ' counter--bad' : ''}`}>
          Max size{' '}
          <strong data-counter="max">
            {maxSize === null ? (
              <>
                none <span className="counter__sub">({startSize ?? 0} made at start)</span>
              </>
            ) : (
              <>
                {maxSize}
                {over && <span className="counter__flag"> ⚠ {counts.open} open</span>}
              </>
            )}
          </strong>
        </li>
        {/* The fact only: what a closed pool still does is the level's (the database's close() leaves
            it lending, and loans coming back fill its shelf again; that is its story's lesson). */}
        {counts.closed && (
          <li className="counter" data-counter="closed">
            <strong>Closed:</strong> close() has run
          </li>
        )}
      </ul>
      {said.gap && (
        <p className={`counters__gap${wrong ? ' counters__gap--bad' : ''}`} data-counter="gap">
          {wrong && <span aria-hidden="true">⚠ </span>}
          {said.gap}
        </p>
      )}
    </div>
  );
}
