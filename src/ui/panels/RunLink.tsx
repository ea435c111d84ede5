/**
 * Undo, and what the address does with a run built by hand: the link holds it (reload, back and
 * forward, or a shared address give it back exactly), unless it is longer than a link carries —
 * then the panel says so and offers the run as a file instead.
 */
import type { Step } from '../../engine';
import { MAX_RUN_CHARS } from '../../store/fragment';
import { kb } from '../../store/link';
import { wordsOf } from '../../store/levels';
import { useLabActions, useLabApi, useLabStore } from '../hooks/labStore';
import { runLinkTextOf } from '../hooks/useUrlSync';
import { saveRunFile } from '../lib/saveFile';

/** The step Undo takes back, as the button's name says it: "Reader B reads". */
function stepWords(step: Step, thing: string): string {
  const who = step.client === undefined ? '' : `Reader ${step.client} `;
  switch (step.do) {
    case 'acquire':
      return `${who}acquires`;
    case 'use':
      return `${who}uses (writes)`;
    case 'read':
      return `${who}reads`;
    case 'release':
      return step.object === undefined ? `${who}releases` : `${who}releases ${thing} ${step.object}`;
    case 'fail':
      return `${who}crashes`;
    case 'with':
      return `${who}runs a with block${step.fail ? ' that crashes' : ''}`;
    case 'kill':
      return `${thing} ${step.object} is killed`;
    case 'restart':
      return 'the database restarts';
    case 'close':
      return 'the pool is closed';
  }
}

/** "Undo": takes back the last step added by hand; its name says which. */
export function UndoButton() {
  const a = useLabActions();
  const level = useLabStore((s) => s.level);
  const last = useLabStore((s) => (s.handSteps > 0 ? s.scenario.steps.at(-1) : undefined));
  const { thing } = wordsOf(level);
  return (
    <button
      type="button"
      className="button"
      onClick={() => a.undo()}
      disabled={last === undefined}
      aria-label={last ? `Undo: ${stepWords(last, thing)}` : 'Undo (nothing to undo)'}
    >
      Undo
    </button>
  );
}

/** Said only when the run is longer than a link carries: the address no longer holds it; a file does. */
export function RunLinkNote() {
  const app = useLabApi();
  const length = useLabStore((s) => runLinkTextOf(s)?.length ?? 0);
  if (length <= MAX_RUN_CHARS) return null;
  const save = () => {
    const s = app.getState();
    saveRunFile(s.scenario, `${s.level}-by-hand`);
  };
  return (
    <p className="manual__intro" role="status">
      <strong>
        This run is {kb(length)} as a link, more than the {kb(MAX_RUN_CHARS)} a link carries, so the address no longer
        holds it: a reload would lose it.
      </strong>{' '}
      Keep it as a file instead: <code>npm run simulate</code> replays it, and the production page’s “Open a scenario
      file” opens it here again.{' '}
      <button type="button" className="button button--small" onClick={save}>
        Save this run as a file
      </button>
    </p>
  );
}
