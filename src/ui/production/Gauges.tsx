/**
 * Two numbers the table's rows are about: how many connections are open (the memory they take —
 * past maxSize when nothing bounds the pool), and, once the pool is closed, how many handles are
 * still open (zero when cleanup did its work).
 */
import { optionFields } from '../../store/options';
import { selectLevel, selectWorld } from '../../store/selectors';
import { useLabStore } from '../hooks/labStore';

export function Gauges() {
  const world = useLabStore(selectWorld);
  const { open, maxSize, closed, created } = world.pool;
  const level = useLabStore(selectLevel);
  // A run always reports its maxSize; the level's default stands in should one not.
  const max = maxSize ?? optionFields(level).find((f) => f.name === 'maxSize')?.defaultValue ?? 0;
  const scale = Math.max(max * 2, open, 1);
  const over = open > max;
  return (
    <div className="prod-gauges" data-open={open} data-closed={closed ? 'yes' : 'no'}>
      <div className={`prod-gauge${over ? ' prod-gauge--over' : ''}`}>
        <span className="prod-gauge__label" id={undefined}>
          Memory: {open} open connection{open === 1 ? '' : 's'} (maxSize {max})
        </span>
        <div
          className="prod-gauge__bar"
          role="meter"
          aria-label="Open connections (memory)"
          aria-valuemin={0}
          aria-valuemax={scale}
          aria-valuenow={open}
          aria-valuetext={`${open} open, maxSize ${max}`}
        >
          <span className="prod-gauge__fill" style={{ width: `${(open / scale) * 100}%` }} />
          <span className="prod-gauge__max" style={{ left: `${(max / scale) * 100}%` }} aria-hidden="true" />
        </div>
        {over && <span className="prod-gauge__warn">{open - max} past the maximum: nothing stops it.</span>}
      </div>
      <p className="prod-handles" data-handles={open}>
        {closed ? (
          open === 0 ? (
            <>Pool closed · open handles: 0 — every one of the {created} created was closed.</>
          ) : (
            <>
              Pool closed · <strong className="prod-handles__bad">open handles: {open}</strong> — not back to 0.
            </>
          )
        ) : (
          <>
            Open handles: {open} · created so far: {created}
          </>
        )}
      </p>
    </div>
  );
}
