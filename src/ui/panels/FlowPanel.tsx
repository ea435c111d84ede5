/**
 * The acquire decision flow of the level in view, with the node the current event takes lit.
 * The diagram itself (FlowChart) is loaded after the page.
 */
import { lazy, Suspense } from 'react';
import type { LevelId } from '../../engine';
import { selectCursor, selectRun } from '../../store/selectors';
import { useLabStore } from '../hooks/labStore';

// The diagram is drawn after the page: it stays off the first load.
const FlowChart = lazy(() => import('./FlowChart').then((m) => ({ default: m.FlowChart })));

export function FlowPanel({ level }: { level: LevelId }) {
  const { events } = useLabStore(selectRun);
  const cursor = useLabStore(selectCursor);
  return (
    <section className="panel flow" aria-labelledby="flow-title">
      <div className="panel__head">
        <h2 id="flow-title">How acquire decides</h2>
      </div>
      <Suspense fallback={<p className="panel__loading">Loading the diagram…</p>}>
        <FlowChart level={level} events={events} cursor={cursor} />
      </Suspense>
    </section>
  );
}
