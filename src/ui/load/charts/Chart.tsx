/**
 * A small hand-written SVG chart frame: linear axes with round ticks, a grid, axis titles, and a
 * title and description for screen readers. Children draw in data coordinates through `x` / `y`.
 */
import { useId, type ReactNode } from 'react';
import { niceTicks } from '../../lib/ticks';

export const W = 480;
export const H = 280;
// Room on the right for the last tick's label, centred on the plot's right edge ("100 %").
const M = { top: 14, right: 26, bottom: 50, left: 68 };

export interface Scale {
  (v: number): number;
  readonly min: number;
  readonly max: number;
}

export function scale(min: number, max: number, from: number, to: number): Scale {
  const span = max - min || 1;
  const f = ((v: number) => from + ((v - min) / span) * (to - from)) as Scale;
  return Object.assign(f, { min, max });
}

interface Props {
  readonly title: string;
  readonly description: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
  readonly xFmt?: (v: number) => string;
  readonly yFmt?: (v: number) => string;
  readonly xTicks?: readonly number[];
  readonly children: (x: Scale, y: Scale) => ReactNode;
  readonly legend?: ReactNode;
}

export function Chart(props: Props) {
  const id = useId();
  const x = scale(props.x[0], props.x[1], M.left, W - M.right);
  const y = scale(props.y[0], props.y[1], H - M.bottom, M.top);
  const xt = props.xTicks ?? niceTicks(props.x[0], props.x[1], 5);
  const yt = niceTicks(props.y[0], props.y[1], 5);
  const xf = props.xFmt ?? String;
  const yf = props.yFmt ?? String;
  return (
    <figure className="load-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>{props.title}</title>
        <desc id={`${id}-d`}>{props.description}</desc>
        <g className="load-grid" aria-hidden="true">
          {yt.map((v) => (
            <g key={`y${v}`}>
              <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} />
              <text x={M.left - 6} y={y(v)} dy="0.32em" textAnchor="end">
                {yf(v)}
              </text>
            </g>
          ))}
          {xt.map((v) => (
            <g key={`x${v}`}>
              <line x1={x(v)} x2={x(v)} y1={M.top} y2={H - M.bottom} />
              <text x={x(v)} y={H - M.bottom + 18} textAnchor="middle">
                {xf(v)}
              </text>
            </g>
          ))}
          <line className="load-axis" x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} />
          <line className="load-axis" x1={M.left} x2={M.left} y1={M.top} y2={H - M.bottom} />
          {/* Centred on the whole figure, not the plot: a long title has the margins too. */}
          <text className="load-axis-title" x={W / 2} y={H - 8} textAnchor="middle">
            {props.xLabel}
          </text>
          <text
            className="load-axis-title"
            transform={`translate(14 ${(M.top + H - M.bottom) / 2}) rotate(-90)`}
            textAnchor="middle"
          >
            {props.yLabel}
          </text>
        </g>
        {props.children(x, y)}
      </svg>
      {props.legend && <figcaption className="load-legend">{props.legend}</figcaption>}
    </figure>
  );
}

/** A polyline through points, skipping any that are not finite. */
export function pathOf(points: readonly (readonly [number, number])[]): string {
  return points
    .filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b))
    .map(([a, b], i) => `${i === 0 ? 'M' : 'L'}${a.toFixed(1)},${b.toFixed(1)}`)
    .join(' ');
}

/** A measured point with its interval as a vertical whisker. */
export function MeasuredPoint(props: { cx: number; cy: number; lo: number; hi: number; label: string }) {
  return (
    <g className="load-measured">
      <line x1={props.cx} x2={props.cx} y1={props.lo} y2={props.hi} />
      <circle cx={props.cx} cy={props.cy} r={4.5}>
        <title>{props.label}</title>
      </circle>
    </g>
  );
}
