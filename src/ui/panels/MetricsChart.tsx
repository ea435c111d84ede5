/**
 * A small step chart over virtual time up to the cursor: the shelf, the pool's own count of what is
 * out, what readers hold, and the objects made — the counts named as the stage's badge names them
 * (store/counts.ts), so "the pool thinks 2 are out" and "readers hold 0" can be told apart, and
 * their difference is named. Each line has its own dash pattern and a name at its end, so colour
 * is never the only way to tell them apart; the figures are also given as text (the SVG's
 * description) and as a table behind a disclosure.
 */
import { useId } from 'react';
import type { ThingWords } from '../../engine';
import { countWords, shouldWords, type Unpointed } from '../../store/counts';
import { ms } from '../../store/format';
import type { Metrics, MetricsPoint } from '../../store/metrics';
import { stepPath } from '../lib/stepPath';
import { niceTicks } from '../lib/ticks';
import './MetricsChart.css';

const W = 460;
const H = 180;
const M = { top: 12, right: 118, bottom: 30, left: 34 };
const TABLE_ROWS = 40;

type Key = 'shelf' | 'counted' | 'held' | 'created';
const SERIES: readonly { key: Key; name: string }[] = [
  { key: 'created', name: 'created' },
  { key: 'shelf', name: 'on shelf' },
  { key: 'counted', name: 'pool thinks out' },
  { key: 'held', name: 'readers hold' },
];

const valueOf = (p: MetricsPoint, key: Key): number => p[key] ?? 0;

export interface MetricsChartProps {
  readonly metrics: Metrics;
  readonly words: Pick<ThingWords, 'thing' | 'things'>;
  /**
   * What the points do not keep, at the cursor, for the counts' words to be the scene's: where the
   * objects on their way are, to how many readers, and the extra holds on shared objects.
   */
  readonly now?: Unpointed | undefined;
}

export function MetricsChart({ metrics, words, now }: MetricsChartProps) {
  const id = useId();
  const points = metrics.series;
  if (points.length === 0) {
    return <p className="mchart__empty">Nothing has happened yet: the chart starts with the first event.</p>;
  }
  const last = points[points.length - 1]!;
  const tMax = Math.max(last.t, 1);
  // A level that keeps no count of what it lends (Level 1) has no line for it.
  const series = SERIES.filter((s) => s.key !== 'counted' || points.some((p) => p.counted !== null));
  // A loop, not Math.max(...all): a long session's points are more arguments than a call takes.
  let vMax = 1;
  for (const p of points) for (const s of series) vMax = Math.max(vMax, valueOf(p, s.key));
  const x = (t: number) => M.left + (t / tMax) * (W - M.left - M.right);
  const y = (v: number) => H - M.bottom - (v / vMax) * (H - M.top - M.bottom);
  // Counts and whole milliseconds: never split finer than 1.
  const yTicks = niceTicks(0, vMax, 4, 1);
  const xTicks = niceTicks(0, tMax, 4, 1);
  const peak = points.reduce((best, p) => (p.held > best.held ? p : best), points[0]!);
  const said = countWords({ ...last, ...now }, words);
  const summary =
    `At ${ms(last.t)}: ${last.shelf} on the shelf. ${said.counted}. ${said.held}. ${last.created} created.` +
    (said.gap ? ` ${said.gap}` : '') +
    shouldWords(said) +
    (peak.held > 0
      ? ` The most readers held at once was ${peak.held}, at ${ms(peak.t)}.`
      : ' No reader has held one yet.');
  // End labels, nudged apart when two lines end at the same height.
  const ends: { key: Key; name: string; ly: number }[] = [];
  for (const s of series) {
    const at = y(valueOf(last, s.key));
    const free = (ly: number) => ly >= M.top && ly <= H - M.bottom && !ends.some((e) => Math.abs(e.ly - ly) < 12);
    const ly = [0, -12, 12, -24, 24, -36].map((d) => at + d).find(free) ?? at;
    ends.push({ ...s, ly });
  }
  const rows = points.slice(-TABLE_ROWS);

  return (
    <figure className="mchart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${id}-t`}
        aria-describedby={`${id}-d`}
        className="mchart__svg"
      >
        <title id={`${id}-t`}>On the shelf, the pool’s count, readers’ hands and created, over virtual time</title>
        <g aria-hidden="true">
          {yTicks.map((v) => (
            <g key={`y${v}`} className="mchart__grid">
              <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} />
              <text x={M.left - 6} y={y(v)} dy="0.32em" textAnchor="end">
                {v}
              </text>
            </g>
          ))}
          {xTicks.map((t) => (
            <text key={`x${t}`} className="mchart__tick" x={x(t)} y={H - M.bottom + 16} textAnchor="middle">
              {t}
            </text>
          ))}
          <text className="mchart__tick" x={W - M.right} y={H - 2} textAnchor="end">
            virtual ms
          </text>
          {series.map((s) => (
            <path
              key={s.key}
              className={`mchart__line mchart__line--${s.key}`}
              d={stepPath(points, (i) => valueOf(points[i]!, s.key), x, y, last.t)}
            />
          ))}
          {ends.map((e) => (
            <text key={e.key} className={`mchart__end mchart__end--${e.key}`} x={W - M.right + 6} y={e.ly} dy="0.32em">
              {e.name} {valueOf(last, e.key)}
            </text>
          ))}
        </g>
      </svg>
      <figcaption id={`${id}-d`} className="mchart__caption">
        {summary}
      </figcaption>
      <details className="mchart__table">
        <summary>The chart as a table</summary>
        <div className="mchart__scroll" tabIndex={0} role="region" aria-label="The chart's figures">
          <table>
            <caption className="sr-only">
              {rows.length < points.length ? `The latest ${rows.length} changes` : 'Every change so far'}
            </caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">On shelf</th>
                <th scope="col">The pool thinks out</th>
                <th scope="col">Readers hold</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p, i) => (
                <tr key={i}>
                  <td>{ms(p.t)}</td>
                  <td>{p.shelf}</td>
                  <td>{p.counted ?? 'no count'}</td>
                  <td>{p.held}</td>
                  <td>{p.created}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
