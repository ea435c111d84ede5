/**
 * One run of the production pool on its own lab store: the shared stage and controls, then the
 * page's own additions (gauges, the line of waiting readers, the borrower ledger). `full` adds
 * the narration as the scene's caption and the warnings' callouts (one column only: their headings
 * have fixed ids).
 */
import { LayoutGroup } from 'motion/react';
import { useMemo, type ReactNode } from 'react';
import { callout } from '../../store/callouts';
import type { LabStore } from '../../store/labStore';
import { SWITCHED_LEVEL, wordsOf } from '../../store/levels';
import { selectReaderNames, selectWarningsSoFar } from '../../store/selectors';
import { inPageWords } from '../../store/words';
import { LabStoreProvider, useLabShallow } from '../hooks/labStore';
import { usePlayback } from '../hooks/usePlayback';
import { Callouts } from '../panels/Callouts';
import { Controls } from '../panels/Controls';
import { Narration } from '../panels/Narration';
import { PanelBoundary } from '../panels/PanelBoundary';
import { Stage } from '../stage/Stage';
import { Gauges } from './Gauges';
import { Ledger } from './Ledger';
import { Queue } from './Queue';

export interface ColumnProps {
  readonly store: LabStore;
  readonly full: boolean;
  readonly heading?: ReactNode;
  readonly label: string;
  readonly children?: ReactNode;
}

export function Column({ store, full, heading, label, children }: ColumnProps) {
  return (
    <LabStoreProvider store={store}>
      <Playback />
      {/* Each run's objects move within their own stage: two stages side by side share no layoutId. */}
      <LayoutGroup id={label}>
        <div className="prod-column" role="region" aria-label={label}>
          {heading}
          <PanelBoundary name="The stage" resetKey={store}>
            <Stage
              title={full ? 'The library' : `The library (${label})`}
              caption={
                <PanelBoundary name="The narration" resetKey={store}>
                  <Narration of={full ? undefined : label} />
                </PanelBoundary>
              }
            />
          </PanelBoundary>
          <PanelBoundary name="The controls" resetKey={store}>
            <Controls label={full ? 'Playback' : `Playback (${label})`} />
          </PanelBoundary>
          {full ? (
            <>
              <PanelBoundary name="The warnings" resetKey={store}>
                <Callouts />
              </PanelBoundary>
            </>
          ) : (
            <WarningList />
          )}
          <PanelBoundary name="The pool's books" resetKey={store}>
            <section className="panel prod-extras" aria-label={`${label}: the pool's books`}>
              <Gauges />
              <Queue label={full ? 'Waiting in line' : `Waiting in line (${label})`} />
              <Ledger label={full ? 'Borrower ledger' : `Borrower ledger (${label})`} />
            </section>
          </PanelBoundary>
          {children}
        </div>
      </LayoutGroup>
    </LabStoreProvider>
  );
}

function Playback() {
  usePlayback();
  return null;
}

/** The monitor's warnings so far, briefly (the compact form for side-by-side columns), in the page's words. */
function WarningList() {
  const marks = useLabShallow(selectWarningsSoFar);
  const readers = useLabShallow(selectReaderNames);
  const seen = useMemo(() => [...new Map(marks.map((m) => [m.warning, m])).values()], [marks]);
  if (seen.length === 0) return <p className="prod-none">No warnings so far.</p>;
  return (
    <ul className="prod-warnings" aria-label="Warnings so far">
      {seen.map((m) => (
        <li key={m.warning} data-warning={m.warning}>
          <strong>{callout(m.warning, SWITCHED_LEVEL).title}</strong> —{' '}
          {inPageWords(m.message, wordsOf(SWITCHED_LEVEL), readers)}
        </li>
      ))}
    </ul>
  );
}
