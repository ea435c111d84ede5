/**
 * What both scenes came to, once both have finished: the readers' time and their waiting added up
 * each way, the books printed, the verdict, and the way on to Level 1. Every figure is the run's.
 */
import type { AnalogyView } from '../../store/analogy';
import { ms } from '../../store/format';
import { pageHref } from '../lib/pageHref';
import { onLinkClick } from '../nav';

export function AnalogyTotals({ view }: { view: AnalogyView }) {
  const [without, withPool] = view.sides;
  const people = `${view.readers} ${view.readers === 1 ? 'reader' : 'readers'}`;
  return (
    <section className="panel analogy__totals" aria-labelledby="analogy-totals" role="status">
      <h2 id="analogy-totals">Both libraries are done</h2>
      <p className="analogy__verdict" data-testid="analogy-verdict">
        {view.lessWaiting > 1
          ? `With a pool the ${people} waited ${view.lessWaiting}× less for a book.`
          : `The same waiting either way: ${people === '1 reader' ? 'a lone reader' : 'these readers'} had to wait for a print both times.`}
      </p>
      <table className="analogy__table">
        <caption className="sr-only">Totals for {people}, each way</caption>
        <thead>
          <tr>
            <th scope="col">Added up over {people}</th>
            <th scope="col">{without.title}</th>
            <th scope="col">{withPool.title}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Waiting for a book</th>
            <td data-testid="withoutPool-wait">{ms(without.waitMs)}</td>
            <td data-testid="withPool-wait">{ms(withPool.waitMs)}</td>
          </tr>
          <tr>
            <th scope="row">Time in the library (waiting and {ms(view.readMs)} of reading each)</th>
            <td data-testid="withoutPool-total">{ms(without.totalMs)}</td>
            <td data-testid="withPool-total">{ms(withPool.totalMs)}</td>
          </tr>
          <tr>
            <th scope="row">Books printed</th>
            <td data-testid="withoutPool-printed">{without.printed}</td>
            <td data-testid="withPool-printed">
              {withPool.printed} <span className="analogy__reused">({withPool.reused} borrowed again)</span>
            </td>
          </tr>
        </tbody>
      </table>
      <p className="analogy__next">
        <a className="button analogy__primary analogy__start" href={pageHref('level1')} onClick={onLinkClick}>
          Start with Level 1 <span aria-hidden="true">→</span>
        </a>
        <span className="analogy__next-note">Level 1 is the pool on the right, as code.</span>
      </p>
    </section>
  );
}
