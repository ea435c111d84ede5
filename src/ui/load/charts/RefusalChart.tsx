/** P(refused) — or P(wait), or P(gave up) — against pool size: the formula's curve and measured points. */
import { erlangB, erlangC, impatientSystem } from '../../../store/load';
import { num, percent } from '../format';
import { Chart, MeasuredPoint, pathOf } from './Chart';

export interface SizePoint {
  readonly c: number;
  readonly value: number;
  readonly lo: number;
  readonly hi: number;
}

export type ChartMode = 'refuse' | 'wait' | 'timeout';

interface Props {
  readonly mode: ChartMode;
  /** Offered load in Erlangs. */
  readonly offered: number;
  readonly rate: number;
  readonly holdMs: number;
  /** The acquire timeout, for mode "timeout". */
  readonly patienceMs: number;
  readonly current: number;
  readonly points: readonly SizePoint[];
}

/** The pool sizes the chart shows (and a sweep measures): from 1 to a little past the load. */
export function sizeRange(offered: number, current: number): [number, number] {
  const hi = Math.min(200, Math.max(current + 3, Math.ceil(offered * 1.6) + 3, 6));
  return [1, hi];
}

const LABELS: Record<ChartMode, { what: string; axis: string; formula: string }> = {
  refuse: { what: 'refused', axis: 'Refused', formula: 'Erlang B' },
  wait: { what: 'who wait', axis: 'Had to wait', formula: 'Erlang C' },
  timeout: { what: 'who give up', axis: 'Gave up', formula: 'M/M/c+D' },
};

export function RefusalChart({ mode, offered, rate, holdMs, patienceMs, current, points }: Props) {
  const [lo, hi] = sizeRange(offered, current);
  const f = (c: number) =>
    mode === 'refuse'
      ? erlangB(offered, c)
      : mode === 'wait'
        ? erlangC(offered, c)
        : impatientSystem(rate, holdMs, c, patienceMs).timedOut;
  const sizes = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  const theory = sizes.map((c) => [c, f(c)] as const);
  const { what, formula } = LABELS[mode];
  return (
    <div>
      <Chart
        title={`Share of callers ${what} against pool size`}
        description={`${formula} for ${num(offered)} Erlangs of offered load, pool sizes ${lo} to ${hi}, with ${points.length} measured points.`}
        xLabel="Pool size (objects)"
        yLabel={LABELS[mode].axis}
        x={[lo - 0.5, hi + 0.5]}
        y={[0, 1]}
        yFmt={(v) => `${Math.round(v * 100)} %`}
        legend={
          <>
            <span className="load-key load-key-theory">— {formula} (theory)</span>{' '}
            <span className="load-key load-key-measured">● measured, with its 95 % interval</span>{' '}
            <span className="load-key load-key-current">▲ your pool size</span>
          </>
        }
      >
        {(x, y) => (
          <>
            <path className="load-theory" d={pathOf(theory.map(([c, p]) => [x(c), y(p)]))} />
            {theory.map(([c, p]) => (
              <rect key={c} className="load-theory-dot" x={x(c) - 2} y={y(p) - 2} width={4} height={4} />
            ))}
            <path className="load-current" d={`M${x(current)},${y(0) + 2} l-5,9 h10 z`} />
            {points.map((pt) => (
              <MeasuredPoint
                key={pt.c}
                cx={x(pt.c)}
                cy={y(pt.value)}
                lo={y(Math.max(0, pt.lo))}
                hi={y(Math.min(1, pt.hi))}
                label={`pool ${pt.c}: measured ${percent(pt.value)}, theory ${percent(f(pt.c))}`}
              />
            ))}
          </>
        )}
      </Chart>
      <details className="load-numbers">
        <summary>Show the numbers</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Pool size</th>
              <th scope="col">{formula}</th>
              <th scope="col">Measured</th>
            </tr>
          </thead>
          <tbody>
            {theory.map(([c, p]) => {
              const m = points.find((pt) => pt.c === c);
              return (
                <tr key={c}>
                  <th scope="row">{c}</th>
                  <td>{percent(p)}</td>
                  <td>{m ? percent(m.value) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </details>
    </div>
  );
}
