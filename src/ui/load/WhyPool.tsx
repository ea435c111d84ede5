/**
 * "Why pool at all", fairly: the same callers served by opening a fresh connection each and by a
 * pool whose callers wait for a connection (none turned away) — throughput, mean and 99th
 * percentile side by side, and how slow opening must be before the pool pays.
 */
import { useId } from 'react';
import { compareInputs, loadProblems, type LoadScenario } from '../../store/load';
import { count, ms, num } from './format';
import { MadeWith } from './MadeWith';
import { useLoadLab, useLoadLabShallow } from './useLoadLab';

interface Props {
  /** The run's checked load, or null while the form has a problem. */
  readonly scenario: LoadScenario | null;
  readonly busy: boolean;
  readonly onCompare: (scenario: LoadScenario) => Promise<void>;
}

/** The comparison runs at most this many callers (the no-pool side runs in one go). */
export const COMPARE_ARRIVALS = 100_000;

/** The run's load on a pool whose callers wait as long as it takes. */
export function waitingPool(s: LoadScenario): LoadScenario {
  return {
    ...s,
    options: { ...s.options, acquireTimeout: null },
    load: { ...s.load, arrivals: Math.min(COMPARE_ARRIVALS, s.load.arrivals) },
  };
}

export function WhyPool({ scenario, busy, onCompare }: Props) {
  const id = useId();
  const made = useLoadLab((s) => s.compare);
  const now = useLoadLabShallow((s) => compareInputs(s.form));
  const waiting = scenario && waitingPool(scenario);
  const problem = waiting ? loadProblems(waiting)[0] : undefined;
  const create = waiting?.options.costs?.createMs ?? [50, 200];
  const r = made?.value;
  return (
    <section className="load-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Why pool at all?</h2>
      <p>
        Serve the same callers twice: without a pool, each opens its own connection ({create[0]}–{create[1]} ms, the
        cost a pool exists to avoid), uses it for the same time and closes it; with the pool above, callers who find the
        shelf empty <em>wait</em> for a connection, so nobody is turned away and both serve everyone.
      </p>
      <button type="button" onClick={() => waiting && void onCompare(waiting)} disabled={busy || !waiting || !!problem}>
        Compare with no pool
      </button>
      {!scenario && <p className="load-hint">Fix the load above first.</p>}
      {problem && <p className="load-hint">With callers waiting: {problem}</p>}
      {made && r && (
        <div className="load-compare" data-ahead={r.poolAhead ? 'pool' : 'no pool'}>
          <div className="load-table-wrap" role="region" aria-label="No pool against the pool, scrollable" tabIndex={0}>
            <table className="load-table" aria-label="No pool against the pool">
              <caption>{count(r.arrivals)} callers, the same ones on both sides.</caption>
              <thead>
                <tr>
                  <th scope="col">Figure</th>
                  <th scope="col" className="load-col-create">
                    A fresh connection each
                  </th>
                  <th scope="col" className="load-col-reuse">
                    The pool ({r.poolSize}, callers wait)
                  </th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">Served per second</th>
                  <td>{num(r.noPool.servedPerSecond)}</td>
                  <td>{num(r.pool.servedPerSecond)}</td>
                </tr>
                <tr>
                  <th scope="row">Mean time to get a connection</th>
                  <td>{ms(r.noPool.meanMs)}</td>
                  <td>{ms(r.pool.meanMs)}</td>
                </tr>
                <tr>
                  <th scope="row">99th percentile</th>
                  <td>{ms(r.noPool.p99Ms)}</td>
                  <td>{ms(r.pool.p99Ms)}</td>
                </tr>
                <tr>
                  <th scope="row">Connections opened</th>
                  <td>{count(r.opened.noPool)}</td>
                  <td>{count(r.opened.pool)}</td>
                </tr>
                <tr>
                  <th scope="row">Open at once (most)</th>
                  <td>{count(r.peakOpen)}</td>
                  <td>at most {count(r.poolSize)}</td>
                </tr>
              </tbody>
            </table>
          </div>
          <p className="load-verdict-head">
            <strong>{r.poolAhead ? 'The pool is ahead' : 'No pool is ahead here'}</strong>
            {r.poolAhead
              ? ` — at the same throughput, callers get a connection in ${ms(r.pool.meanMs)} on average instead of ${ms(r.noPool.meanMs)}, and ${ms(r.pool.p99Ms)} instead of ${ms(r.noPool.p99Ms)} at the 99th percentile.`
              : ` — opening a connection is quicker than waiting for this pool.`}
          </p>
          <p>
            Break-even: pooling pays once opening a connection takes longer than{' '}
            <strong>{ms(r.breakEvenMeanMs)}</strong> on average (the pool’s own mean wait), or longer than{' '}
            {ms(r.breakEvenP99Ms)} for the 99th percentile. Here it takes {create[0]}–{create[1]} ms.
          </p>
          <MadeWith inputs={made.inputs} now={now} again="Compare again" />
        </div>
      )}
    </section>
  );
}
