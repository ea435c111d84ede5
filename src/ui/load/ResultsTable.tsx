/** Measured beside theory: each quantity with its 95 % interval, the formula's value and the gap. */
import type { Interval, LoadOutput } from '../../store/load';
import { count, deviation, ms, num, percent } from './format';

type Key = 'refused' | 'timedOut' | 'waited' | 'meanWaitMs' | 'p95WaitMs' | 'utilization';

const ROWS: readonly { key: Key; label: string; fmt: (x: number) => string; ci?: keyof LoadOutput['ci'] }[] = [
  { key: 'refused', label: 'Refused at once', fmt: percent, ci: 'refused' },
  { key: 'timedOut', label: 'Gave up (timed out)', fmt: percent, ci: 'timedOut' },
  { key: 'waited', label: 'Had to wait', fmt: percent, ci: 'waited' },
  { key: 'meanWaitMs', label: 'Mean wait (all callers)', fmt: ms, ci: 'meanWaitMs' },
  { key: 'p95WaitMs', label: '95th percentile wait', fmt: ms },
  { key: 'utilization', label: 'Utilization (pool lent out)', fmt: percent, ci: 'utilization' },
];

const FORMULA = {
  'erlang-b': 'Erlang B',
  'erlang-c': 'Erlang C',
  'mmc-patience': 'M/M/c+D (callers give up)',
} as const;

export function ResultsTable({ output }: { output: LoadOutput }) {
  const theory = output.theory;
  const interval = (i: Interval, fmt: (x: number) => string) => `${fmt(Math.max(0, i[0]))} – ${fmt(i[1])}`;
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
              <th scope="col">Deviation</th>
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => {
              const m = output[row.key];
              const t = theory ? theory[row.key] : null;
              return (
                <tr key={row.key} data-quantity={row.key}>
                  <th scope="row">{row.label}</th>
                  <td data-measured={m}>{row.fmt(m)}</td>
                  <td>{row.ci ? interval(output.ci[row.ci], row.fmt) : '—'}</td>
                  <td data-theory={t ?? ''}>{t === null ? '—' : row.fmt(t)}</td>
                  <td>{t === null ? '—' : deviation(m, t)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="load-little">
        Little’s law on this run: callers waiting on average <strong>{num(output.little.queue)}</strong> = arrival rate
        × mean wait <strong>{num(output.little.rateTimesWait)}</strong>; objects lent on average{' '}
        <strong>{num(output.little.borrowed)}</strong> = served rate × mean hold{' '}
        <strong>{num(output.little.rateTimesHold)}</strong>.
      </p>
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
