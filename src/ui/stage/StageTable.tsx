import { useState } from 'react';
import type { LevelId, World } from '../../engine';
import { wordsOf } from '../../store/levels';
import { readersOf, shelfOf } from '../../store/selectors';
import { objectName, PLACE_WORDS, readerStatus } from './words';

/**
 * The stage as tables, in sync with the cursor: for screen readers always, and on screen for
 * anyone who asks ("Show as a table").
 */
export function StageTable({ world, level }: { world: World; level: LevelId }) {
  const [shown, setShown] = useState(false);
  const shelf = shelfOf(world);
  const readers = readersOf(world);
  const { Thing: thing } = wordsOf(level);
  return (
    <div className="stage-table">
      <button type="button" className="link-button" aria-expanded={shown} onClick={() => setShown((v) => !v)}>
        {shown ? 'Hide the table view' : 'Show as a table'}
      </button>
      <div className={shown ? 'stage-table__body' : 'sr-only'}>
        <table>
          <caption>
            Shelf, top first (t = {world.t} ms):{' '}
            {shelf.length === 0
              ? 'empty'
              : [...shelf]
                  .reverse()
                  .map((s) => `${thing} ${s.object.id}${s.copy > 0 ? ' (again)' : ''}`)
                  .join(', ')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{thing}</th>
              <th scope="col">Where</th>
              <th scope="col">Alive</th>
              <th scope="col">Written in it</th>
              <th scope="col">Held by</th>
            </tr>
          </thead>
          <tbody>
            {world.objects.map((o) => (
              <tr key={o.id}>
                <th scope="row">{objectName(o)}</th>
                <td>
                  {PLACE_WORDS[o.place]}
                  {o.onShelf > 1 ? ` (${o.onShelf} times!)` : ''}
                  {o.busy ? ` — ${o.busy}` : ''}
                </td>
                <td>{o.alive ? 'yes' : 'no, dead'}</td>
                <td>{o.state ?? '—'}</td>
                <td>{o.holders.length ? o.holders.join(', ') : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table>
          <caption>Readers</caption>
          <thead>
            <tr>
              <th scope="col">Reader</th>
              <th scope="col">Doing</th>
              <th scope="col">Holds</th>
            </tr>
          </thead>
          <tbody>
            {readers.length === 0 ? (
              <tr>
                <td colSpan={3}>No readers yet.</td>
              </tr>
            ) : (
              readers.map((r) => (
                <tr key={r.name}>
                  <th scope="row">{r.name}</th>
                  <td>{readerStatus(r.status, r.doing, r.holding.length)}</td>
                  <td>{r.holding.length ? r.holding.map((h) => objectName(h.object)).join(', ') : 'nothing'}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
