/**
 * The analogy, first stop on the path: the same readers served without a pool (print a book, read
 * it, burn it) and with one (borrow, read, return), as two scenes on one clock with one Play. The
 * first frame is drawn from what is known without running anything; the run (and the engine) is
 * loaded when the learner presses Play or Step, or changes the readers. The totals and the way on
 * to Level 1 appear when both scenes have finished.
 */
import { useId, useState } from 'react';
import { clockAt, momentIndexAt, moveMs, SPEEDS } from '../../store/analogyPlay';
import { DEFAULT_READERS, firstFrame, HOW, MAX_READERS, parseReaders, SIDES, TITLES } from '../../store/analogyScene';
import { LessonPath } from '../lesson/LessonPath';
import { SpeedSelect } from '../panels/SpeedSelect';
import { AnalogyScene } from './AnalogyScene';
import { AnalogyTotals } from './AnalogyTotals';
import { useAnalogyRun } from './useAnalogyRun';
import { usePlayback } from './usePlayback';
import './analogy.css';

export default function AnalogyPage() {
  const fieldId = useId();
  const [text, setText] = useState(String(DEFAULT_READERS));
  const [readers, setReaders] = useState(DEFAULT_READERS);
  const parsed = parseReaders(text);
  const { run, ensure } = useAnalogyRun(readers);
  const schedule = run?.schedule ?? null;
  const playback = usePlayback(schedule);
  const { position, playing, finished } = playback;

  const change = (value: string) => {
    setText(value);
    const p = parseReaders(value);
    if (p.ok && p.readers !== readers) {
      playback.restart();
      setReaders(p.readers);
      void ensure(p.readers);
    }
  };

  const index = schedule ? momentIndexAt(schedule, position) : 0;
  const moment = schedule?.moments[index];
  const t = schedule ? clockAt(schedule, position) : 0;
  // A jump over several moments (Skip to the end, Restart) is a cut; one moment on is a move.
  const [last, setLast] = useState({ index: 0, jump: false });
  if (last.index !== index) setLast({ index, jump: Math.abs(index - last.index) > 1 });
  const move = schedule && !last.jump ? moveMs(schedule, index, playback.speed) : 0;

  return (
    <article className="analogy">
      <header className="analogy__head">
        <h1 tabIndex={-1}>The library analogy</h1>
        <p>
          Printing a book is slow; reading one is quicker. The same readers come to two libraries: one prints a book for
          every reader, one lends books from a shelf. Press Play to watch both on one clock.
        </p>
      </header>

      <div className="analogy__controls">
        <form className="analogy__form" onSubmit={(e) => e.preventDefault()} noValidate>
          <div className={`field${parsed.ok ? '' : ' field--bad'}`}>
            <label htmlFor={fieldId}>How many readers come</label>
            <input
              id={fieldId}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              value={text}
              onChange={(e) => change(e.target.value)}
              aria-invalid={!parsed.ok}
              aria-describedby={`${fieldId}-hint${parsed.ok ? '' : ` ${fieldId}-error`}`}
            />
            <span id={`${fieldId}-hint`} className="field__hint">
              From 1 to {MAX_READERS}. They arrive a few virtual milliseconds apart, sometimes together.
            </span>
            {!parsed.ok && (
              <p id={`${fieldId}-error`} className="field__error" role="alert">
                {parsed.message} Still showing {readers} {readers === 1 ? 'reader' : 'readers'}.
              </p>
            )}
          </div>
        </form>

        <div className="analogy__transport" role="group" aria-label="Both scenes">
          <button
            type="button"
            className="button analogy__primary"
            onClick={() => {
              if (playing) playback.pause();
              else void ensure().then(() => playback.play());
            }}
          >
            <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span>{' '}
            {playing ? 'Pause' : finished ? 'Play again' : 'Play'}
          </button>
          <button type="button" className="button" onClick={() => void ensure().then((r) => playback.step(r.schedule))}>
            Step <span aria-hidden="true">▸</span>
          </button>
          <button type="button" className="button" onClick={playback.restart} disabled={position === 0 && !playing}>
            <span aria-hidden="true">↺</span> Restart
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void ensure().then((r) => playback.toEnd(r.schedule))}
          >
            Skip to the end
          </button>
          <SpeedSelect speeds={SPEEDS} value={playback.speed} onChange={playback.setSpeed} className="analogy__speed" />
        </div>
      </div>

      <div className="analogy__scenes">
        {SIDES.map((key, s) => {
          const side = run?.view.sides[s];
          const frames = side?.frames;
          const shown = frames && moment ? moment.frames[s]! : 0;
          const frame = frames?.[shown] ?? firstFrame(readers);
          const end = frames?.at(-1)?.t ?? 0;
          return (
            <AnalogyScene
              key={`${readers}-${key}`}
              side={key}
              title={TITLES[key]}
              how={HOW[key]}
              frame={frame}
              t={Math.min(t, end)}
              done={frames !== undefined && shown === frames.length - 1}
              moveMs={move}
              story={frames ? frames.slice(1, shown + 1).map((f) => f.caption) : []}
            />
          );
        })}
      </div>

      <p className="analogy__ops">
        In the code of the levels that follow, a reader who <span className="analogy__op--acquire">waits</span> for a
        book is inside <strong className="analogy__op--acquire">ACQUIRE</strong>, one who{' '}
        <span className="analogy__op--use">reads</span> it is in <strong className="analogy__op--use">USE</strong>, and
        giving it back (to the shelf, or the bin) is <strong className="analogy__op--release">RELEASE</strong>.
      </p>

      {run && finished && <AnalogyTotals view={run.view} />}

      <LessonPath />
    </article>
  );
}
