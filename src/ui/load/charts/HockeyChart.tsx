/**
 * Mean wait against the share of the pool away from the shelf, for one pool size: Erlang C's
 * hockey stick. Flat for most of the way, then it shoots up as the pool nears 100 % busy — why a
 * pool run "fully used" is slow. The x-axis is the same figure as the results' "Pool away from the
 * shelf" row: on the textbook pool the curve and the sweep assume, an object is away only while a
 * caller holds it, so it is Erlang C's utilization too; with costs on, the learner's own load sits
 * further right than its holds alone would put it.
 */
import { meanWaitMs } from '../../../store/load';
import { ms, num, percent } from '../format';
import { Chart, MeasuredPoint, pathOf } from './Chart';

export interface LoadPoint {
  /** Measured share of the pool away from the shelf (the run's `awayFromShelf`). */
  readonly away: number;
  readonly waitMs: number;
  readonly lo: number;
  readonly hi: number;
}

/** The page's own load on the x-axis: the last run's measured share, or the engine's estimate. */
export interface CurrentLoad {
  readonly away: number;
  readonly measured: boolean;
}

interface Props {
  readonly poolSize: number;
  readonly holdMs: number;
  readonly points: readonly LoadPoint[];
  /** The page's own load (marked on the axis), when it is below the whole pool. */
  readonly current: CurrentLoad | null;
}

/** Shares away from the shelf a sweep aims at (textbook pools, so the held share). */
export const SWEEP_UTILIZATIONS = [0.3, 0.5, 0.7, 0.8, 0.9, 0.95] as const;

const AWAY = 'of the pool away from the shelf';

export function currentLabel(current: CurrentLoad): string {
  return current.measured
    ? `▲ your run: ${percent(current.away)} ${AWAY} (measured)`
    : `▲ your load: about ${percent(current.away)} ${AWAY} (estimated, costs included)`;
}

export function HockeyChart({ poolSize, holdMs, points, current }: Props) {
  const wait = (rho: number) => meanWaitMs((rho * poolSize * 1000) / holdMs, holdMs, poolSize);
  const curve = Array.from({ length: 97 }, (_, i) => (i + 1) / 100).map((rho) => [rho, wait(rho)] as const);
  const top = Math.max(wait(0.95) * 1.15, ...points.map((p) => Math.min(p.hi, wait(0.97))), 1e-3);
  const clip = (v: number) => Math.min(v, top);
  const shown = current !== null && current.away < 1 ? current : null;
  return (
    <Chart
      title={`Mean wait against the share ${AWAY}, pool of ${poolSize}`}
      description={`Erlang C's mean wait for a textbook pool of ${poolSize} with ${holdMs} ms holds: ${ms(wait(0.5))} with 50 % ${AWAY}, ${ms(wait(0.8))} at 80 %, ${ms(wait(0.95))} at 95 %. ${points.length} measured points.`}
      xLabel="Away from the shelf: held, handed over, checked or reset"
      yLabel="Mean wait (ms)"
      x={[0, 1]}
      y={[0, top]}
      xFmt={(v) => `${Math.round(v * 100)} %`}
      yFmt={num}
      legend={
        <>
          <span className="load-key load-key-theory">— Erlang C (textbook pool: away only while held)</span>{' '}
          <span className="load-key load-key-measured">● measured, with its 95 % interval</span>
          {shown !== null && (
            <>
              {' '}
              <span className="load-key load-key-current" data-testid="hockey-current">
                {currentLabel(shown)}
              </span>
            </>
          )}
        </>
      }
    >
      {(x, y) => (
        <>
          <path className="load-theory" d={pathOf(curve.filter(([, w]) => w <= top).map(([r, w]) => [x(r), y(w)]))} />
          {shown !== null && <path className="load-current" d={`M${x(shown.away)},${y(0) + 2} l-5,9 h10 z`} />}
          {points.map((p) => (
            <MeasuredPoint
              key={p.away}
              cx={x(p.away)}
              cy={y(clip(p.waitMs))}
              lo={y(clip(Math.max(0, p.lo)))}
              hi={y(clip(p.hi))}
              label={`${percent(p.away)} ${AWAY}: measured ${ms(p.waitMs)}, theory ${ms(wait(p.away))}`}
            />
          ))}
        </>
      )}
    </Chart>
  );
}
