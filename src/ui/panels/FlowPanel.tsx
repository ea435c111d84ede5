/**
 * The acquire decision flow of the level in view, with the node the current event takes lit.
 * The diagram itself (FlowChart) is loaded after the page.
 */
import { lazy, Suspense, type ComponentType } from 'react';
import type { LevelId, PoolEvent } from '../../engine/types';
import { selectCursor, selectEvents } from '../../store/selectors';
import { useLabStore } from '../hooks/labStore';

type FlowProps = { level: LevelId; events: readonly PoolEvent[]; cursor: number };
const flowModule = import.meta.glob<{ FlowChart: ComponentType<FlowProps> }>('./FlowChart.tsx');
const loadFlow = flowModule['./FlowChart.tsx'];
const FlowChart = loadFlow ? lazy(() => loadFlow().then((m) => ({ default: m.FlowChart }))) : null;

export function FlowPanel({ level }: { level: LevelId }) {
  const events = useLabStore(selectEvents);
  const cursor = useLabStore(selectCursor);
  return (
    <section className="panel flow" aria-labelledby="flow-title">
      <div className="panel__head">
        <h2 id="flow-title">How acquire decides</h2>
      </div>
      {FlowChart ? (
        <Suspense fallback={<p className="panel__loading">Loading the diagram…</p>}>
          <FlowChart level={level} events={events} cursor={cursor} />
        </Suspense>
      ) : (
        <p className="panel__loading">The diagram is not available in this build.</p>
      )}
    </section>
  );
}
