/**
 * Mean wait against utilization for one pool size: Erlang C's hockey stick. Flat for most of the
 * way, then it shoots up as the pool nears 100 % busy — why a pool run "fully used" is slow.
 */
import { meanWaitMs } from '../../../store/load';
import { ms, num, percent } from '../format';
import { Chart, MeasuredPoint, pathOf } from './Chart';

export interface LoadPoint {
  readonly utilization: number;
  readonly waitMs: number;
  readonly lo: number;
  readonly hi: number;
}

interface Props {
  readonly poolSize: number;
  readonly holdMs: number;
  readonly points: readonly LoadPoint[];
  /** The page's own load, when it waits (marked on the curve). */
  readonly current: number | null;
}

/** Utilizations a sweep measures. */
export const SWEEP_UTILIZATIONS = [0.3, 0.5, 0.7, 0.8, 0.9, 0.95] as const;

export function HockeyChart({ poolSize, holdMs, points, current }: Props) {
  const wait = (rho: number) => meanWaitMs((rho * poolSize * 1000) / holdMs, holdMs, poolSize);
  const curve = Array.from({ length: 97 }, (_, i) => (i + 1) / 100).map((rho) => [rho, wait(rho)] as const);
  const top = Math.max(wait(0.95) * 1.15, ...points.map((p) => Math.min(p.hi, wait(0.97))), 1e-3);
  const clip = (v: number) => Math.min(v, top);
  return (
    <Chart
      title={`Mean wait against utilization, pool of ${poolSize}`}
      description={`Erlang C's mean wait for a pool of ${poolSize} with ${holdMs} ms holds: ${ms(wait(0.5))} at 50 % busy, ${ms(wait(0.8))} at 80 %, ${ms(wait(0.95))} at 95 %. ${points.length} measured points.`}
      xLabel="Utilization (share of the pool lent out)"
      yLabel="Mean wait (ms)"
      x={[0, 1]}
      y={[0, top]}
      xFmt={(v) => `${Math.round(v * 100)} %`}
      yFmt={num}
      legend={
        <>
          <span className="load-key load-key-theory">— Erlang C (theory)</span>{' '}
          <span className="load-key load-key-measured">● measured, with its 95 % interval</span>
          {current !== null && <span className="load-key load-key-current"> ▲ your load</span>}
        </>
      }
    >
      {(x, y) => (
        <>
          <path className="load-theory" d={pathOf(curve.filter(([, w]) => w <= top).map(([r, w]) => [x(r), y(w)]))} />
          {current !== null && current < 1 && (
            <path className="load-current" d={`M${x(current)},${y(0) + 2} l-5,9 h10 z`} />
          )}
          {points.map((p) => (
            <MeasuredPoint
              key={p.utilization}
              cx={x(p.utilization)}
              cy={y(clip(p.waitMs))}
              lo={y(clip(Math.max(0, p.lo)))}
              hi={y(clip(p.hi))}
              label={`at ${percent(p.utilization)} busy: measured ${ms(p.waitMs)}, theory ${ms(wait(p.utilization))}`}
            />
          ))}
        </>
      )}
    </Chart>
  );
}
