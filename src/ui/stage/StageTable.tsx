import type { LevelId, World } from '../../engine';
import { countLine, countWords, type Counts } from '../../store/counts';
import { wordsOf } from '../../store/levels';
import { readersOf } from '../../store/readers';
import { shelfOf, whereOf } from '../../store/stage';
import { objectName } from './words';

/**
 * The stage as tables, in sync with the cursor: for screen readers always, and on screen for
 * anyone who asks (TableToggle, "Show as a table", at the top of the scene). The same counts, in the same words, as the badge; every
 * object with every place the world gives it ("Where"); every reader with its state.
 */
/** The switch between the picture alone and the picture with its tables on screen. */
export function TableToggle({ shown, onToggle }: { shown: boolean; onToggle: () => void }) {
  return (
    <button type="button" className="link-button" aria-expanded={shown} onClick={onToggle}>
      {shown ? 'Hide the table view' : 'Show as a table'}
    </button>
  );
}

export function StageTable({
  world,
  now,
  level,
  counts,
  shown,
}: {
  world: World;
  /** The clock at this moment, in ms. */
  now: number;
  level: LevelId;
  counts: Counts;
  shown: boolean;
}) {
  const words = wordsOf(level);
  const shelf = shelfOf(world);
  const readers = readersOf(world, words);
  const said = countWords(counts, words);
  return (
    <div className="stage-table">
      <div className={shown ? 'stage-table__body' : 'sr-only'}>
        <p className="stage-table__counts" data-table="counts">
          {countLine(said)}
        </p>
        <table data-table="objects">
          <caption>
            {words.Things} at t = {now} ms. Shelf, top first:{' '}
            {shelf.length === 0
              ? 'empty'
              : [...shelf]
                  .reverse()
                  .map((s) => `${words.Thing} ${s.object.id}${s.primary ? '' : ' (again)'}`)
                  .join(', ')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{words.Thing}</th>
              <th scope="col">Where</th>
              <th scope="col">Alive</th>
              <th scope="col">Written in it</th>
            </tr>
          </thead>
          <tbody>
            {world.objects.map((o) => (
              <tr key={o.id} data-row-object={o.id}>
                <th scope="row">{objectName(o)}</th>
                <td data-where={o.places.map((p) => p.at).join(' ')}>{whereOf(o)}</td>
                <td>{o.alive ? 'yes' : 'no, dead'}</td>
                <td>{o.state ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table data-table="readers">
          <caption>Readers</caption>
          <thead>
            <tr>
              <th scope="col">Reader</th>
              <th scope="col">State</th>
              <th scope="col">What it is doing</th>
              <th scope="col">Holds</th>
            </tr>
          </thead>
          <tbody>
            {readers.length === 0 ? (
              <tr>
                <td colSpan={4}>No readers yet.</td>
              </tr>
            ) : (
              readers.map((r) => (
                <tr key={r.name} data-row-reader={r.name} data-row-state={r.state}>
                  <th scope="row">{r.name}</th>
                  <td>{r.label}</td>
                  <td>
                    {r.detail || '—'}
                    {r.error ? ` (${r.error.message})` : ''}
                  </td>
                  <td>{r.hands.length ? r.hands.map((h) => `${words.Thing} ${h.object.id}`).join(', ') : 'nothing'}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
