/**
 * Measured beside theory: each quantity with its 95 % interval, the formula's value, and whether
 * the formula lies inside the interval (within noise) — then Little's law with its factors.
 */
import type { Estimate, LoadOutput } from '../../store/load';
import { insideInterval } from '../../store/load';
import { count, deviation, digitsApart, ms, num, percent } from './format';

type Key = 'refused' | 'timedOut' | 'waited' | 'meanWaitMs' | 'p95WaitMs' | 'p99WaitMs' | 'utilization';

interface Row {
  /** A figure theory also gives, or (`awayFromShelf`) one only the run measures. */
  readonly key: Key | 'awayFromShelf';
  readonly label: string;
  readonly fmt: (x: number, extra?: number) => string;
  readonly ci?: keyof LoadOutput['ci'];
}

const ROWS: readonly Row[] = [
  { key: 'refused', label: 'Refused at once', fmt: percent, ci: 'refused' },
  { key: 'timedOut', label: 'Gave up (timed out)', fmt: percent, ci: 'timedOut' },
  { key: 'waited', label: 'Had to wait', fmt: percent, ci: 'waited' },
  { key: 'meanWaitMs', label: 'Mean wait (all callers)', fmt: ms, ci: 'meanWaitMs' },
  { key: 'p95WaitMs', label: '95th percentile wait', fmt: ms },
  { key: 'p99WaitMs', label: '99th percentile wait', fmt: ms },
  { key: 'utilization', label: 'Utilization: pool held by callers', fmt: percent, ci: 'utilization' },
  {
    key: 'awayFromShelf',
    label: 'Pool away from the shelf: held, being made, handed over, checked or reset',
    fmt: percent,
  },
];

const FORMULA = {
  'erlang-b': 'Erlang B',
  'erlang-c': 'Erlang C',
  'mmc-patience': 'M/M/c+D (callers give up)',
} as const;

const interval = (e: Estimate, fmt: Row['fmt'], extra: number) =>
  `${fmt(Math.max(0, e.interval[0]), extra)} – ${fmt(e.interval[1], extra)}`;

/**
 * Digits enough that the figures show what the verdict says: theory outside the interval must not
 * print as one of its ends ("11.0 % – 11.5 %" beside a theory of "11.0 %" and "no").
 */
function digitsFor(fmt: Row['fmt'], t: number | null, e: Estimate | undefined): number {
  if (t === null || !e || insideInterval(e, t)) return 0;
  return digitsApart(fmt, t, t < e.interval[0] ? Math.max(0, e.interval[0]) : e.interval[1]);
}

export function ResultsTable({ output }: { output: LoadOutput }) {
  const theory = output.theory;
  const noise = (m: number, t: number | null, e: Estimate | undefined): string => {
    if (t === null || !e) return '—';
    // The measured figure's distance from theory, said as that (a bare "+2.3 %" was a riddle).
    const d = deviation(m, t);
    const gap = d === '—' ? '' : ` (measured ${d} from theory)`;
    if (!theory?.textbook) return `not expected${gap}`;
    return `${insideInterval(e, t) ? 'yes' : 'no'}${gap}`;
  };
  return (
    <div className="load-results">
      <div className="load-table-wrap" role="region" aria-label="Measured and theory, scrollable" tabIndex={0}>
        <table className="load-table" aria-label="Measured and theory">
          <caption>
            {count(output.arrivals)} callers, {count(output.served)} served.{' '}
            {theory ? (
              <>
                Theory: <strong>{FORMULA[theory.formula]}</strong> with offered load {num(theory.offeredLoad)} Erlangs
                {theory.textbook ? '' : ' (this pool is not the textbook one: see below)'}.
              </>
            ) : (
              'No closed form applies to this pool (see below).'
            )}
          </caption>
          <thead>
            <tr>
              <th scope="col">Quantity</th>
              <th scope="col">Measured</th>
              <th scope="col">95 % interval</th>
              <th scope="col">Theory</th>
              <th scope="col">Theory inside the interval?</th>
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => {
              const m = output[row.key];
              const t = theory && row.key !== 'awayFromShelf' ? theory[row.key] : null;
              const e = row.ci ? output.ci[row.ci] : undefined;
              const extra = digitsFor(row.fmt, t, e);
              return (
                <tr key={row.key} data-quantity={row.key}>
                  <th scope="row">{row.label}</th>
                  <td data-measured={m}>{row.fmt(m, extra)}</td>
                  <td>{e ? interval(e, row.fmt, extra) : '—'}</td>
                  <td data-theory={t ?? ''}>{t === null ? '—' : row.fmt(t, extra)}</td>
                  <td>{noise(m, t, e)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="load-hint">
        Intervals: batch means over {output.ci.meanWaitMs.batches} batches of about{' '}
        {count(output.ci.meanWaitMs.batchArrivals)} callers, each batch long enough that its neighbours are independent
        {output.ci.meanWaitMs.independent
          ? '.'
          : ' — except here: even the longest batches stayed correlated, so the run is too short to trust its intervals. Run more arrivals.'}{' '}
        Theory falls outside a correct 95 % interval one run in twenty.
      </p>
      {theory && output.realized.theory && <Realized output={output} />}
      <Little output={output} />
      {output.notes.length > 0 && (
        <div className="load-notes" role="note" aria-label="Why the numbers may differ from the formula">
          <h3>Off the textbook — and why</h3>
          <ul>
            {output.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** Little's law, L = λ × W, for the callers waiting and for the objects lent, each factor shown. */
function Little({ output }: { output: LoadOutput }) {
  const l = output.little;
  return (
    <div className="load-table-wrap" role="region" aria-label="Little’s law on this run, scrollable" tabIndex={0}>
      <table className="load-table load-little" aria-label="Little’s law on this run">
        <caption>
          Little’s law on this run: the mean number in a place <em>L</em> = the rate in <em>λ</em> × the mean time there{' '}
          <em>W</em>.
        </caption>
        <thead>
          <tr>
            <th scope="col">Place</th>
            <th scope="col">L, measured</th>
            <th scope="col">λ</th>
            <th scope="col">W</th>
            <th scope="col">λ × W</th>
          </tr>
        </thead>
        <tbody>
          <tr data-place="queue">
            <th scope="row">Callers waiting</th>
            <td>{num(l.queue)}</td>
            <td>{num(l.arrivalsPerSecond)} arrivals/s</td>
            <td>{ms(l.meanWaitMs)} mean wait</td>
            <td>{num(l.rateTimesWait)}</td>
          </tr>
          <tr data-place="lent">
            <th scope="row">Objects lent</th>
            <td>{num(l.borrowed)}</td>
            <td>{num(l.servedPerSecond)} served/s</td>
            <td>{ms(l.meanHoldMs)} mean hold</td>
            <td>{num(l.rateTimesHold)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** The load the run's callers actually brought, and the formula at that load. */
function Realized({ output }: { output: LoadOutput }) {
  const { excess, theory: at } = output.realized;
  const asked = output.theory!;
  const figure =
    asked.formula === 'erlang-b'
      ? (t: typeof asked) => `${percent(t.refused)} refused`
      : asked.formula === 'erlang-c'
        ? (t: typeof asked) => `a mean wait of ${ms(t.meanWaitMs)}`
        : (t: typeof asked) => `${percent(t.timedOut)} giving up`;
  const more = excess >= 0 ? `${percent(excess)} more` : `${percent(-excess)} less`;
  return (
    <p className="load-hint" data-realized-excess={excess}>
      These callers brought {more} load than asked ({num(output.little.arrivalsPerSecond)} arrivals/s holding{' '}
      {ms(output.little.meanHoldMs)} on average): at that load {FORMULA[asked.formula]} gives {figure(at!)}, against{' '}
      {figure(asked)} at the load asked for. A finite run never brings exactly the load asked for; the interval allows
      for that.
    </p>
  );
}
