/** How long the callers who waited waited: a histogram (those served at once are counted apart). */
import type { WaitHistogram as Histogram } from '../../../store/load';
import { count, ms, percent } from '../format';
import { Chart } from './Chart';

export function WaitHistogram({ histogram, arrivals }: { histogram: Histogram; arrivals: number }) {
  const { counts, binMs, zero, over } = histogram;
  const waited = arrivals - zero;
  const peak = Math.max(1, ...counts);
  const width = counts.length * binMs;
  if (waited === 0)
    return (
      <p className="load-hint">
        Nobody waited: every caller was served (or refused) at once, so there is nothing to draw.
      </p>
    );
  return (
    <div>
      <Chart
        title="Waits of the callers who waited"
        description={`${percent(zero / arrivals)} of callers did not wait at all. The other ${count(waited)} waited; bins of ${ms(binMs)}; ${count(over)} waited longer than ${ms(width)}.`}
        xLabel={`Wait (ms), bins of ${ms(binMs)}`}
        yLabel="Callers"
        x={[0, width]}
        y={[0, peak]}
        yFmt={(v) => (Number.isInteger(v) ? count(v) : '')}
      >
        {(x, y) =>
          counts.map((c, i) => (
            <rect
              key={i}
              className="load-bar"
              x={x(i * binMs) + 0.5}
              width={Math.max(0, x(binMs) - x(0) - 1)}
              y={y(c)}
              height={y(0) - y(c)}
            >
              <title>{`${ms(i * binMs)}–${ms((i + 1) * binMs)}: ${count(c)} callers`}</title>
            </rect>
          ))
        }
      </Chart>
      <p className="load-hint">
        {percent(zero / arrivals)} were served or refused at once and are not drawn; {count(over)} waited longer than
        the chart shows.
      </p>
    </div>
  );
}
