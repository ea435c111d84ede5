import type { Counters as CountersData } from '../../store/selectors';

/** The live counters: on the shelf, borrowed (the level's own counter), created, the maximum. */
export function Counters({ counters, things }: { counters: CountersData; things: string }) {
  const { onShelf, borrowed, created, maxSize, startSize } = counters;
  const negative = borrowed !== null && borrowed < 0;
  // More open than the maximum (closed ones no longer count).
  const over = maxSize !== null && counters.open > maxSize;
  return (
    <dl className="counters" aria-label="Counters">
      <div className="counter">
        <dt>On shelf</dt>
        <dd data-counter="on-shelf">{onShelf}</dd>
      </div>
      <div className={`counter${negative ? ' counter--bad' : ''}`}>
        <dt>Borrowed</dt>
        <dd
          data-counter="borrowed"
          title={borrowed === null ? 'Level 1 keeps no count of what it lends' : 'The level’s own in-use counter'}
        >
          {borrowed === null ? '—' : borrowed}
          {negative && <span className="counter__flag"> ⚠ below zero</span>}
          {borrowed === null && <span className="sr-only"> (this level keeps no count)</span>}
        </dd>
      </div>
      <div className="counter">
        <dt>Created</dt>
        <dd data-counter="created">{created}</dd>
      </div>
      <div className={`counter${over ? ' counter--bad' : ''}`}>
        <dt>Max size</dt>
        <dd data-counter="max">
          {maxSize === null ? (
            <>
              none{' '}
              <span className="counter__sub">
                (started with {startSize ?? 0} {startSize === 1 ? things.replace(/s$/, '') : things})
              </span>
            </>
          ) : (
            <>
              {maxSize}
              {over && <span className="counter__flag"> ⚠ {counters.open} open</span>}
            </>
          )}
        </dd>
      </div>
    </dl>
  );
}
