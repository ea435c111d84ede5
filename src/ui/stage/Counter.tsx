/**
 * The lending counter, between the shelf and the readers: the pool's hands. Two lanes, each named
 * for the operation that passes there — ACQUIRE (on its way out to a reader: popped, being
 * checked, handed over) and RELEASE (on its way back from one, before it is reset or shelved). A
 * copy's lane is its place's `way`, from the engine; a lane is lit while something passes or a
 * reader is in that operation.
 */
import { drawnAt } from '../../store/stage';
import { BookCard } from './BookCard';
import { OpTag } from './OpTag';
import { opOfCounter, type Op } from './ops';
import { killOf, toward, type RoomProps } from './Rooms';
import { deskWork } from './words';

export function Counter({ world, things, killer, busy }: RoomProps & { busy: ReadonlySet<Op> }) {
  const here = drawnAt(world, 'counter');
  const lane = (op: Op) => here.filter((d) => opOfCounter(d.place) === op);
  const lanes = (['acquire', 'release'] as const).map((op) => ({ op, copies: lane(op) }));
  return (
    <div className="room station station--counter" role="group" aria-label="Counter" data-room="counter">
      <h3 className="room__title">Counter</h3>
      <p className="sr-only">The pool’s hands: {things} on their way out to a reader, or back.</p>
      {lanes.map(({ op, copies }) => (
        <div
          key={op}
          className={`lane lane--${op}`}
          data-lane={op}
          data-active={copies.length > 0 || busy.has(op) ? 'yes' : 'no'}
        >
          <OpTag op={op} active={copies.length > 0 || busy.has(op)} />
          {copies.length === 0 ? (
            <p className="sr-only">{op === 'acquire' ? 'Nothing going out.' : 'Nothing coming back.'}</p>
          ) : (
            <ul className="room__list">
              {copies.map((d) => (
                <li key={d.layoutId}>
                  <BookCard
                    copy={d}
                    tag={toward(d)}
                    work={d.place.at === 'counter' && d.place.work !== null ? deskWork(d.place.work) : null}
                    onKill={killOf(killer, d)}
                    compact
                  />
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </div>
  );
}
