/**
 * Manual mode: the learner drives the pool. Each button appends one step to the scenario and the
 * engine replays it (it is deterministic, so this is exact); the cursor goes to the newest event.
 * Undo takes the last one back; the address keeps the run (RunLink.tsx).
 */
import { useId, useMemo, useState } from 'react';
import { defaultWrite, manualAbilities, manualReadersOf, type ManualReader } from '../../store/manual';
import { selectAtEnd, selectLevel } from '../../store/selectors';
import { useLabActions, useLabStore } from '../hooks/labStore';
import { ms } from '../../store/format';
import { wordsOf } from '../../store/levels';
import { OptionsForm } from './OptionsForm';
import { RunLinkNote, UndoButton } from './RunLink';

export interface ManualPanelProps {
  readonly killMode: boolean;
  readonly onKillMode: (on: boolean) => void;
}

export function ManualPanel({ killMode, onKillMode }: ManualPanelProps) {
  const level = useLabStore(selectLevel);
  const run = useLabStore((s) => s.run);
  const extra = useLabStore((s) => s.extraReaders);
  const atEnd = useLabStore(selectAtEnd);
  const steps = useLabStore((s) => s.scenario.steps.length);
  const together = useLabStore((s) => s.sameInstant);
  const a = useLabActions();
  const readers = useMemo(() => manualReadersOf(run, extra), [run, extra]);
  const can = manualAbilities(level);
  const [write, setWrite] = useState('');
  const writeId = useId();
  const togetherId = useId();
  const { thing } = wordsOf(level);

  return (
    <section className="panel manual" aria-labelledby="manual-title">
      <div className="panel__head">
        <h2 id="manual-title">Try it yourself</h2>
        <span className="panel__sub">
          {steps === 0 ? 'a fresh pool' : `${steps} step${steps === 1 ? '' : 's'} so far`}
        </span>
      </div>
      <p className="manual__intro">
        Each button adds one step after the last and replays the whole run; Undo takes the last one back. The address
        keeps the run, so a reload, back and forward or a shared link give it back: nothing is lost.
        {!atEnd && <strong> You are looking back in time: new steps still go at the end.</strong>}
      </p>
      <RunLinkNote />
      <OptionsForm />
      <div className="manual__tools" role="group" aria-label="Pool actions">
        <button type="button" className="button" onClick={() => a.addReader()}>
          + Add a reader
        </button>
        <UndoButton />
        {can.kill && (
          <button
            type="button"
            className={`button${killMode ? ' button--danger' : ''}`}
            aria-pressed={killMode}
            onClick={() => onKillMode(!killMode)}
          >
            {killMode ? `Choose a ${thing} to kill (or press again to stop)` : `Kill a ${thing}…`}
          </button>
        )}
        {can.restart && (
          <button type="button" className="button" onClick={() => a.restart()}>
            Restart database
          </button>
        )}
        {can.close && (
          <button type="button" className="button" onClick={() => a.closePool()}>
            Close pool
          </button>
        )}
        <button type="button" className="button button--quiet" onClick={() => a.startOver()}>
          Start over
        </button>
      </div>
      <div className="manual__together">
        <label className="manual__check">
          <input
            type="checkbox"
            checked={together !== null}
            aria-describedby={togetherId}
            onChange={(e) => a.setSameInstant(e.target.checked)}
          />
          Same instant: the next actions start together
        </label>
        <p
          id={togetherId}
          className={`manual__together-status${together === null ? '' : ' manual__together-status--on'}`}
          role="status"
        >
          {together === null
            ? 'Off: each action starts when the one before it has finished.'
            : `Actions now start together at t = ${ms(together)}, in the order you press them, and run at the same time: a race, if they touch the same pool.`}
        </p>
      </div>
      <div className="field manual__write">
        <label htmlFor={writeId}>What Use writes</label>
        <input
          id={writeId}
          type="text"
          value={write}
          maxLength={500}
          placeholder={defaultWrite(level, 'A')}
          onChange={(e) => setWrite(e.target.value)}
        />
        <span className="field__hint">
          Empty: each reader writes its own {thing === 'book' ? 'note' : 'timezone setting'}.
        </span>
      </div>
      {readers.length === 0 ? (
        <p className="manual__empty">No readers yet: add one to begin.</p>
      ) : (
        <ul className="manual__readers">
          {readers.map((r) => (
            <ReaderRow key={r.name} reader={r} write={write} thing={thing} withBlock={can.with} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ReaderRow({
  reader: r,
  write,
  thing,
  withBlock,
}: {
  reader: ManualReader;
  write: string;
  thing: string;
  withBlock: boolean;
}) {
  const a = useLabActions();
  const holds = r.holds > 0 && !r.crashed;
  const act = (what: Parameters<typeof a.act>[1]) => () => a.act(r.name, what, write);
  return (
    <li>
      <div className="manual__reader" role="group" aria-label={`Reader ${r.name}`}>
        <span className="manual__name">
          Reader {r.name}
          <span className="manual__holds">
            {r.crashed
              ? ' — crashed'
              : r.holds > 0
                ? ` — holds ${thing} ${r.newest}${r.holds > 1 ? ` (+${r.holds - 1})` : ''}`
                : ''}
          </span>
        </span>
        <span className="manual__buttons">
          <button type="button" className="button button--small" onClick={act('acquire')} disabled={r.crashed}>
            Acquire
          </button>
          <button type="button" className="button button--small" onClick={act('use')} disabled={!holds}>
            Use (write)
          </button>
          <button type="button" className="button button--small" onClick={act('read')} disabled={!holds}>
            Read
          </button>
          <button type="button" className="button button--small" onClick={act('release')} disabled={!holds}>
            Release
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={act('release-again')}
            disabled={r.releasedBefore === null || r.crashed}
            title="Release the last one it returned, again (a double release)"
          >
            Release again
          </button>
          <button
            type="button"
            className="button button--small button--danger-quiet"
            onClick={act('fail')}
            disabled={!holds}
          >
            Crash
          </button>
          {withBlock && (
            <>
              <button type="button" className="button button--small" onClick={act('with')} disabled={r.crashed}>
                With block
              </button>
              <button
                type="button"
                className="button button--small button--danger-quiet"
                onClick={act('with-fail')}
                disabled={r.crashed}
              >
                With block, crash inside
              </button>
            </>
          )}
        </span>
      </div>
    </li>
  );
}
