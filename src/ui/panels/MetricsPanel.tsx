/**
 * What reuse has bought so far, at the cursor: the figures, and the chart of the shelf, the pool's
 * count, readers' hands and created over virtual time (the chart is loaded after the page).
 */
import { lazy, Suspense, useMemo } from 'react';
import { metricsAt } from '../../store/metrics';
import { wordsOf } from '../../store/levels';
import { tallyOf, unpointed } from '../../store/counts';
import { selectCursor, selectRun, selectLevel, selectWorld } from '../../store/selectors';
import { useLabStore } from '../hooks/labStore';
import { ms } from '../../store/format';

// The chart is drawn after the page: it stays off the first load.
const MetricsChart = lazy(() => import('./MetricsChart').then((m) => ({ default: m.MetricsChart })));

export function MetricsPanel() {
  const run = useLabStore(selectRun);
  const cursor = useLabStore(selectCursor);
  const level = useLabStore(selectLevel);
  const m = useMemo(() => metricsAt(run.events, cursor), [run, cursor]);
  // Where the objects on their way are at the cursor, for the chart's words (as the stage says it).
  const world = useLabStore(selectWorld);
  const now = useMemo(() => unpointed(tallyOf(world)), [world]);
  const pct = m.hitRate === null ? '—' : `${Math.round(m.hitRate * 100)}%`;
  return (
    <section className="panel metrics" aria-labelledby="metrics-title">
      <div className="panel__head">
        <h2 id="metrics-title">What the pool saved</h2>
        <span className="panel__sub">so far, at the cursor</span>
      </div>
      <dl className="metrics__grid">
        <div className="metric metric--reuse">
          <dt>Reused from the shelf</dt>
          <dd>{m.reused}</dd>
        </div>
        <div className="metric metric--create">
          <dt>Made new for a reader</dt>
          <dd>{m.created}</dd>
        </div>
        <div className="metric">
          <dt>Hit rate</dt>
          <dd>{pct}</dd>
        </div>
        <div className="metric metric--create">
          <dt>Time making</dt>
          <dd>{ms(m.createMs)}</dd>
        </div>
        <div className="metric metric--reuse">
          <dt>Time reusing</dt>
          <dd>{ms(m.reuseMs)}</dd>
        </div>
        <div className="metric metric--reuse">
          <dt>Time saved</dt>
          <dd>{m.savedMs === null ? '—' : ms(m.savedMs)}</dd>
        </div>
        <div className={`metric${m.refusals > 0 ? ' metric--bad' : ''}`}>
          <dt>Refusals</dt>
          <dd>
            {m.refusals}
            {m.refusals > 0 && <span aria-hidden="true"> ⚠</span>}
          </dd>
        </div>
      </dl>
      <Suspense fallback={<p className="panel__loading">Loading the chart…</p>}>
        <MetricsChart metrics={m} words={wordsOf(level)} now={now} />
      </Suspense>
    </section>
  );
}
