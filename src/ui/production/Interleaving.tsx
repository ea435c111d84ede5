/**
 * Hand-picked interleaving: the choice points of the run, where more than one reader could go on
 * at the same instant, each with a button per reader and one to let the scheduler choose.
 */
import { useLabStore } from '../hooks/labStore';
import { ms } from '../../store/format';

const SHOWN = 8;

export interface InterleavingProps {
  /** Pick option `k` at choice point `n` (earlier points keep their picks). */
  onPick(n: number, k: number): void;
  /** Let the scheduler choose from point `n` on. */
  onScheduler(n: number): void;
  readonly handPicked: boolean;
}

export function Interleaving({ onPick, onScheduler, handPicked }: InterleavingProps) {
  const points = useLabStore((s) => s.run.choicePoints);
  return (
    <section className="panel prod-choices" aria-labelledby="prod-choices-title">
      <div className="panel__head">
        <h2 id="prod-choices-title">Who runs next?</h2>
        <span className="panel__sub">{handPicked ? 'your order' : "the scheduler's order"}</span>
      </div>
      {points.length === 0 ? (
        <p className="room__empty">
          In this run no two readers could go on at the same instant: there is nothing to choose.
        </p>
      ) : (
        <>
          <p className="prod-note">
            Where two readers could go on at the same virtual instant, you choose who runs first. Time never runs
            backwards: only what is due now can be picked.
          </p>
          <ol className="prod-choices__list">
            {points.slice(0, SHOWN).map((p) => (
              <li key={p.n}>
                <div
                  className="prod-choice"
                  role="group"
                  aria-label={`Choice ${p.n + 1}, at ${ms(p.t)}`}
                  data-choice={p.n + 1}
                >
                  <span className="prod-choice__when">At {ms(p.t)}:</span>
                  {p.options.map((o, k) => (
                    <button
                      key={k}
                      type="button"
                      className="button button--small"
                      aria-pressed={p.picked === k}
                      onClick={() => onPick(p.n, k)}
                    >
                      Run {o.who.join(' & ')} next
                    </button>
                  ))}
                  <button type="button" className="button button--small button--quiet" onClick={() => onScheduler(p.n)}>
                    Let the scheduler choose
                  </button>
                </div>
              </li>
            ))}
          </ol>
          {points.length > SHOWN && (
            <p className="prod-note">…and {points.length - SHOWN} more choice points later in the run.</p>
          )}
        </>
      )}
    </section>
  );
}
