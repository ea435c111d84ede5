/**
 * "Why pool at all", at scale: the same callers served by opening a fresh connection each
 * (50–200 ms apiece) and by the pool — latency, throughput and connections side by side.
 */
import { useId, useState } from 'react';
import type { FreshOutput, LoadOutput, LoadScenario } from '../../store/load';
import { count, ms, num, percent } from './format';

export interface Comparison {
  readonly fresh: FreshOutput;
  readonly pool: LoadOutput;
  readonly maxSize: number;
}

interface Props {
  readonly scenario: LoadScenario | null;
  readonly busy: boolean;
  readonly onCompare: (scenario: LoadScenario) => Promise<Comparison | null>;
}

/** The comparison runs at most this many callers (the no-pool side runs in one go). */
export const COMPARE_ARRIVALS = 100_000;

export function WhyPool({ scenario, busy, onCompare }: Props) {
  const id = useId();
  const [result, setResult] = useState<Comparison | null>(null);
  const run = async () => {
    if (!scenario) return;
    const arrivals = Math.min(COMPARE_ARRIVALS, scenario.load.arrivals);
    const r = await onCompare({ ...scenario, load: { ...scenario.load, arrivals } });
    if (r) setResult(r);
  };
  const poolThroughput = (o: LoadOutput) => (o.spanMs > 0 ? (o.served / o.spanMs) * 1000 : 0);
  return (
    <section className="load-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Why pool at all?</h2>
      <p>
        Serve the same callers without a pool: each one opens its own connection (50–200 ms, the cost the pool exists to
        avoid), uses it for the same time, and closes it.
      </p>
      <button type="button" onClick={run} disabled={busy || !scenario}>
        Compare with no pool
      </button>
      {!scenario && <p className="load-hint">Fix the load above first.</p>}
      {result && (
        <div className="load-table-wrap" role="region" aria-label="No pool against the pool, scrollable" tabIndex={0}>
          <table className="load-table" aria-label="No pool against the pool">
            <caption>{count(result.fresh.arrivals)} callers, the same ones on both sides.</caption>
            <thead>
              <tr>
                <th scope="col" />
                <th scope="col" className="load-col-create">
                  A fresh connection each
                </th>
                <th scope="col" className="load-col-reuse">
                  The pool ({result.maxSize})
                </th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Mean time to get a connection</th>
                <td>{ms(result.fresh.meanWaitMs)}</td>
                <td>{ms(result.pool.meanWaitMs)}</td>
              </tr>
              <tr>
                <th scope="row">95th percentile</th>
                <td>{ms(result.fresh.p95WaitMs)}</td>
                <td>{ms(result.pool.p95WaitMs)}</td>
              </tr>
              <tr>
                <th scope="row">Served per second</th>
                <td>{num(result.fresh.throughputPerSecond)}</td>
                <td>
                  {num(poolThroughput(result.pool))}
                  {result.pool.refused + result.pool.timedOut > 0 &&
                    ` (${percent(result.pool.refused + result.pool.timedOut)} turned away)`}
                </td>
              </tr>
              <tr>
                <th scope="row">Connections opened</th>
                <td>{count(result.fresh.created)}</td>
                <td>{count(result.pool.created)}</td>
              </tr>
              <tr>
                <th scope="row">Open at once (most)</th>
                <td>{count(result.fresh.peakOpen)}</td>
                <td>at most {count(result.maxSize)}</td>
              </tr>
              <tr>
                <th scope="row">Time spent opening connections</th>
                <td>{ms(result.fresh.createMsTotal)}</td>
                <td>{result.pool.created === 0 ? '0 ms' : `only the first ${count(result.pool.created)}`}</td>
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
