/**
 * One lab level. First what a learner follows — the scene with its caption on it, and the
 * transport under it — so that on a 1280×600 viewport they fit without scrolling; then the
 * warnings, the panels that fold away until asked for (the acquire flow, the metrics, the log,
 * manual mode), and the code, in the same column as the scene on every screen: stepping, the
 * learner reads the lit line just under the picture (beside it, on a wide screen, is the lesson). Presentation
 * mode (the button at the scene's top right, or P) keeps the scene, the caption and the transport,
 * in large type, and the lesson under them; a clicker's Page Down / Page Up walk the lesson's parts
 * (useLessonClicker.ts).
 * Each panel has its own error boundary.
 */
import { useState } from 'react';
import { useLabStore } from './hooks/labStore';
import { useLessonClicker } from './hooks/useLessonClicker';
import { setPresenting, usePresentation } from './hooks/usePresentation';
import { LessonPanel } from './lesson/LessonPanel';
import { Callouts } from './panels/Callouts';
import { CodePanel } from './panels/CodePanel';
import { Controls } from './panels/Controls';
import { EventLog } from './panels/EventLog';
import { FlowPanel } from './panels/FlowPanel';
import { Folds } from './panels/Folds';
import { LevelHeader } from './panels/LevelHeader';
import { ManualPanel } from './panels/ManualPanel';
import { MetricsPanel } from './panels/MetricsPanel';
import { Narration } from './panels/Narration';
import { PanelBoundary } from './panels/PanelBoundary';
import { PresentButton } from './panels/PresentButton';
import type { LabRoute } from './routes';
import { Stage } from './stage/Stage';
import { levelOf } from '../store/levels';

export function LevelPage({ route }: { route: LabRoute }) {
  const level = route.level;
  const run = useLabStore((s) => s.run);
  const [killMode, setKillMode] = useState(false);
  const presenting = usePresentation();
  useLessonClicker(level, presenting);
  const toggle = <PresentButton on={presenting} onToggle={() => setPresenting(!presenting)} />;

  const scene = (
    <>
      <PanelBoundary name="The stage" resetKey={run}>
        <Stage
          killMode={killMode}
          onKilled={() => setKillMode(false)}
          tools={toggle}
          caption={
            <PanelBoundary name="The narration" resetKey={run}>
              <Narration codeOf={level} />
            </PanelBoundary>
          }
        />
      </PanelBoundary>
      <PanelBoundary name="The controls" resetKey={run}>
        <Controls />
      </PanelBoundary>
    </>
  );

  if (presenting)
    return (
      <div className="level level--present" data-level={level} data-present="yes">
        <h1 className="present-title" tabIndex={-1}>
          {levelOf(level).title}
        </h1>
        <div className="present">{scene}</div>
        {/* Below the scene, so the scene still fits the screen; the clicker brings each part into view. */}
        <PanelBoundary name="The lesson" resetKey={level}>
          <LessonPanel level={level} />
        </PanelBoundary>
      </div>
    );

  return (
    <div className="level level--lab" data-level={level}>
      <PanelBoundary name="The level header" resetKey={level}>
        <LevelHeader
          level={level}
          lesson={
            <PanelBoundary name="The lesson" resetKey={level}>
              <LessonPanel level={level} />
            </PanelBoundary>
          }
        />
      </PanelBoundary>
      <div className="lab">
        <div className="lab__main">
          {scene}
          <PanelBoundary name="The warnings" resetKey={run}>
            <Callouts place="main" />
          </PanelBoundary>
          <Folds
            label="Panels to open"
            items={[
              {
                id: 'flow',
                label: 'Acquire flow',
                content: (
                  <PanelBoundary name="The acquire flow" resetKey={run}>
                    <FlowPanel level={level} />
                  </PanelBoundary>
                ),
              },
              {
                id: 'metrics',
                label: 'Metrics',
                content: (
                  <PanelBoundary name="The metrics" resetKey={run}>
                    <MetricsPanel />
                  </PanelBoundary>
                ),
              },
              {
                id: 'log',
                label: 'Event log',
                content: (
                  <PanelBoundary name="The event log" resetKey={run}>
                    <EventLog />
                  </PanelBoundary>
                ),
              },
              {
                id: 'manual',
                label: 'Try it yourself',
                content: (
                  <PanelBoundary name="Try it yourself" resetKey={run}>
                    <ManualPanel killMode={killMode} onKillMode={setKillMode} />
                  </PanelBoundary>
                ),
              },
            ]}
          />
          <PanelBoundary name="The code panel" resetKey={run}>
            <CodePanel level={level} />
          </PanelBoundary>
        </div>
        <PanelBoundary name="The warnings" resetKey={run}>
          <Callouts place="side" />
        </PanelBoundary>
      </div>
    </div>
  );
}
