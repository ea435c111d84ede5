/**
 * One lab level: its header, then the stage with the controls, warnings and narration under it,
 * and beside it (on wide screens) or behind tabs (on phones) the code, the acquire flow, the
 * metrics and the log. Each panel has its own error boundary.
 */
import { useState } from 'react';
import { useLabStore } from './hooks/labStore';
import { useMediaQuery } from './hooks/useMediaQuery';
import { LessonPanel } from './lesson/LessonPanel';
import { Callouts } from './panels/Callouts';
import { CodePanel } from './panels/CodePanel';
import { Controls } from './panels/Controls';
import { EventLog } from './panels/EventLog';
import { FlowPanel } from './panels/FlowPanel';
import { LevelHeader } from './panels/LevelHeader';
import { ManualPanel } from './panels/ManualPanel';
import { MetricsPanel } from './panels/MetricsPanel';
import { Narration } from './panels/Narration';
import { PanelBoundary } from './panels/PanelBoundary';
import { Tabs } from './panels/Tabs';
import type { LabRoute } from './routes';
import { Stage } from './stage/Stage';

export function LevelPage({ route }: { route: LabRoute }) {
  const level = route.level;
  const run = useLabStore((s) => s.run);
  const [killMode, setKillMode] = useState(false);
  const wide = useMediaQuery('(min-width: 68rem)');

  const code = (
    <PanelBoundary name="The code panel" resetKey={run}>
      <CodePanel level={level} />
    </PanelBoundary>
  );
  const flow = (
    <PanelBoundary name="The acquire flow" resetKey={run}>
      <FlowPanel level={level} />
    </PanelBoundary>
  );
  const metrics = (
    <PanelBoundary name="The metrics" resetKey={run}>
      <MetricsPanel />
    </PanelBoundary>
  );
  const log = (
    <PanelBoundary name="The event log" resetKey={run}>
      <EventLog />
    </PanelBoundary>
  );

  return (
    <div className="level" data-level={level}>
      <PanelBoundary name="The level header" resetKey={level}>
        <LevelHeader level={level} />
      </PanelBoundary>
      <PanelBoundary name="The lesson" resetKey={level}>
        <LessonPanel level={level} />
      </PanelBoundary>
      <div className="lab">
        <div className="lab__main">
          <PanelBoundary name="The stage" resetKey={run}>
            <Stage killMode={killMode} onKilled={() => setKillMode(false)} />
          </PanelBoundary>
          <PanelBoundary name="The controls" resetKey={run}>
            <Controls />
          </PanelBoundary>
          <PanelBoundary name="The warnings" resetKey={run}>
            <Callouts />
          </PanelBoundary>
          <PanelBoundary name="The narration" resetKey={run}>
            <Narration />
          </PanelBoundary>
          {wide ? (
            log
          ) : (
            <Tabs
              label="More about this moment"
              items={[
                { id: 'code', label: 'Code', content: code },
                { id: 'flow', label: 'Flow', content: flow },
                { id: 'metrics', label: 'Metrics', content: metrics },
                { id: 'log', label: 'Log', content: log },
              ]}
            />
          )}
          <PanelBoundary name="Try it yourself" resetKey={run}>
            <ManualPanel killMode={killMode} onKillMode={setKillMode} />
          </PanelBoundary>
        </div>
        {wide && (
          <div className="lab__side">
            {code}
            {flow}
            {metrics}
          </div>
        )}
      </div>
    </div>
  );
}
