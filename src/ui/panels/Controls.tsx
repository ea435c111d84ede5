/**
 * Playback: start, back, play/pause, forward, end; the timeline scrubber with the warnings marked
 * (each mark a button named by its warning); the speed; "line by line", which steps through every
 * event instead of by beats. Keyboard: see SHORTCUTS.
 */
import {
  selectAtEnd,
  selectAtStart,
  selectLastMoment,
  selectLineByLine,
  selectMoment,
  selectPlaying,
  selectSpeed,
} from '../../store/selectors';
import { ScrubberMarks } from './ScrubberMarks';
import { SpeedSelect } from './SpeedSelect';
import { saveLineByLine } from '../lib/lineByLine';
import { SPEEDS } from '../../store/schedule';
import { useLabActions, useLabStore } from '../hooks/labStore';
import { SHORTCUTS } from '../hooks/useShortcuts';
import { setShortcutsOn, useShortcutSetting } from '../hooks/useShortcutSetting';
import { Icon } from '../icons';
import { ms } from '../../store/format';

export function Controls({ label = 'Playback' }: { label?: string } = {}) {
  const a = useLabActions();
  const moment = useLabStore(selectMoment);
  const last = useLabStore(selectLastMoment);
  const lineByLine = useLabStore(selectLineByLine);
  const atStart = useLabStore(selectAtStart);
  const atEnd = useLabStore(selectAtEnd);
  const playing = useLabStore(selectPlaying);
  const speed = useLabStore(selectSpeed);
  const t = useLabStore((s) => s.run.events[s.cursor]?.t ?? 0);
  const keys = useShortcutSetting();
  return (
    <section className="panel controls" aria-label={label}>
      <div className="controls__row">
        <div className="controls__buttons" role="group" aria-label="Move through time">
          <button
            type="button"
            className="icon-button"
            onClick={a.jumpStart}
            disabled={atStart}
            aria-label="Jump to start"
            title={keys ? 'Jump to start (Home)' : 'Jump to start'}
          >
            <Icon name="start" />
          </button>
          <button
            type="button"
            className="icon-button"
            onClick={a.stepBack}
            disabled={atStart}
            aria-label="Step back"
            title={keys ? 'Step back (←)' : 'Step back'}
          >
            <Icon name="back" />
          </button>
          <button
            type="button"
            className="icon-button icon-button--main"
            onClick={a.togglePlay}
            // Nothing to play with one moment only (a level page before any story: the pool opens).
            disabled={last === 0}
            aria-label={playing ? 'Pause' : 'Play'}
            title={`${playing ? 'Pause' : 'Play'}${keys ? ' (Space)' : ''}`}
            data-control="play"
          >
            <Icon name={playing ? 'pause' : 'play'} />
          </button>
          <button
            type="button"
            className="icon-button"
            onClick={a.stepForward}
            disabled={atEnd}
            aria-label="Step forward"
            title={keys ? 'Step forward (→)' : 'Step forward'}
          >
            <Icon name="forward" />
          </button>
          <button
            type="button"
            className="icon-button"
            onClick={a.jumpEnd}
            disabled={atEnd}
            aria-label="Jump to end"
            title={keys ? 'Jump to end (End)' : 'Jump to end'}
          >
            <Icon name="end" />
          </button>
        </div>
        <SpeedSelect<number> speeds={SPEEDS} value={speed} onChange={a.setSpeed} className="controls__speed" />
        <label className="controls__lines">
          <input
            type="checkbox"
            checked={lineByLine}
            onChange={(e) => {
              a.setLineByLine(e.target.checked);
              saveLineByLine(e.target.checked);
            }}
          />{' '}
          Line by line
        </label>
        <span className="controls__time" aria-hidden="true">
          {moment} / {last} · {ms(t)}
        </span>
      </div>
      <div className="scrubber">
        <input
          type="range"
          min={0}
          max={Math.max(0, last)}
          step={1}
          value={moment}
          onChange={(e) => a.seekMoment(Number(e.target.value))}
          aria-label="Timeline"
          aria-valuetext={`Moment ${moment} of ${last}, ${ms(t)}`}
          disabled={last === 0}
        />
        <ScrubberMarks />
      </div>
      <div className="controls__keys">
        <label className="controls__keys-switch">
          <input type="checkbox" checked={keys} onChange={(e) => setShortcutsOn(e.target.checked)} /> Keyboard shortcuts
        </label>
        {keys ? (
          <p>
            {SHORTCUTS.map((k, i) => (
              <span key={k.keys}>
                {i > 0 ? ' · ' : ''}
                <kbd>{k.keys}</kbd> {k.does}
              </span>
            ))}
          </p>
        ) : (
          <p>Off: single keys do nothing here; use the buttons (the setting is kept in this browser).</p>
        )}
      </div>
    </section>
  );
}
