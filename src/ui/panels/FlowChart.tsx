/**
 * The acquire decision diagram of a level, drawn in SVG, with the node the event at the cursor is
 * taking lit. The lit node is marked three ways: a tint, a thick outline with a "now" tag beside
 * it, and the caption under the chart (also part of the SVG's description).
 */
import { useId, useMemo, type CSSProperties } from 'react';
import type { LevelId, PoolEvent } from '../../engine';
import { flowFor, flowNodeNear, type FlowEdge, type FlowNode } from '../../store/flow';
import './FlowChart.css';

const COL = 206;
const ROW = 72;
const NODE_W = 180;
const NODE_H = 42;
const PAD = 36;

interface Box {
  readonly cx: number;
  readonly cy: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

function boxOf(n: FlowNode): Box {
  const cx = PAD + n.col * COL + NODE_W / 2;
  const cy = PAD + n.row * ROW + NODE_H / 2;
  return { cx, cy, left: cx - NODE_W / 2, right: cx + NODE_W / 2, top: cy - NODE_H / 2, bottom: cy + NODE_H / 2 };
}

/**
 * An edge as straight or L-shaped segments: a question leaves sideways first, anything else leaves
 * from its top or bottom first. Returns the path and where its label goes (on the first leg).
 */
function route(from: FlowNode, to: FlowNode): { d: string; lx: number; ly: number } {
  const a = boxOf(from);
  const b = boxOf(to);
  if (from.row === to.row) {
    const [x1, x2] = b.cx > a.cx ? [a.right, b.left] : [a.left, b.right];
    return { d: `M${x1},${a.cy} H${x2}`, lx: (x1 + x2) / 2, ly: a.cy - 8 };
  }
  if (from.col === to.col) {
    const [y1, y2] = b.cy > a.cy ? [a.bottom, b.top] : [a.top, b.bottom];
    return { d: `M${a.cx},${y1} V${y2}`, lx: a.cx + 22, ly: (y1 + y2) / 2 + 4 };
  }
  if (from.kind === 'question') {
    const x1 = b.cx > a.cx ? a.right : a.left;
    const y2 = b.cy > a.cy ? b.top : b.bottom;
    return { d: `M${x1},${a.cy} H${b.cx} V${y2}`, lx: (x1 + b.cx) / 2, ly: a.cy - 8 };
  }
  const y1 = b.cy > a.cy ? a.bottom : a.top;
  const x2 = b.cx > a.cx ? b.left : b.right;
  return { d: `M${a.cx},${y1} V${b.cy} H${x2}`, lx: a.cx + (b.cx > a.cx ? 30 : -30), ly: (y1 + b.cy) / 2 };
}

function Shape({ node, box }: { node: FlowNode; box: Box }) {
  const { left, top, right, bottom, cy } = box;
  switch (node.kind) {
    case 'question': {
      const k = 14;
      const points = `${left},${cy} ${left + k},${top} ${right - k},${top} ${right},${cy} ${right - k},${bottom} ${left + k},${bottom}`;
      return <polygon className="flowchart__shape" points={points} />;
    }
    case 'start':
      return <rect className="flowchart__shape" x={left} y={top} width={NODE_W} height={NODE_H} rx={NODE_H / 2} />;
    case 'done':
      return (
        <>
          <rect className="flowchart__shape" x={left} y={top} width={NODE_W} height={NODE_H} rx={6} />
          <rect className="flowchart__inner" x={left + 4} y={top + 4} width={NODE_W - 8} height={NODE_H - 8} rx={4} />
        </>
      );
    case 'refuse':
      return (
        <rect
          className="flowchart__shape flowchart__shape--refuse"
          x={left}
          y={top}
          width={NODE_W}
          height={NODE_H}
          rx={2}
        />
      );
    default:
      return <rect className="flowchart__shape" x={left} y={top} width={NODE_W} height={NODE_H} rx={6} />;
  }
}

function Edge({ edge, nodes, marker }: { edge: FlowEdge; nodes: ReadonlyMap<string, FlowNode>; marker: string }) {
  const from = nodes.get(edge.from);
  const to = nodes.get(edge.to);
  if (!from || !to) return null;
  const { d, lx, ly } = route(from, to);
  return (
    <g className="flowchart__edge">
      <path d={d} markerEnd={`url(#${marker})`} />
      {edge.label !== null && (
        <text x={lx} y={ly} textAnchor="middle" className="flowchart__edge-label" paintOrder="stroke">
          {edge.label}
        </text>
      )}
    </g>
  );
}

export interface FlowChartProps {
  readonly level: LevelId;
  readonly events: readonly PoolEvent[];
  readonly cursor: number;
}

export function FlowChart({ level, events, cursor }: FlowChartProps) {
  const id = useId();
  const graph = useMemo(() => flowFor(level), [level]);
  const nodes = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n] as const)), [graph]);
  const lit = flowNodeNear(level, events, cursor);
  const litNode = lit === null ? undefined : nodes.get(lit);
  const width = PAD * 2 + (Math.max(...graph.nodes.map((n) => n.col)) + 1) * COL - (COL - NODE_W);
  const height = PAD * 2 + (Math.max(...graph.nodes.map((n) => n.row)) + 1) * ROW - (ROW - NODE_H);
  const caption = litNode ? `Now: ${litNode.label}` : 'Not inside an acquire at this moment.';
  const marker = `${id}-arrow`.replace(/:/g, '');

  return (
    // Focusable: on a phone the diagram scrolls sideways, and the keys must reach it.
    <figure className="flowchart" data-lit={lit ?? ''} tabIndex={0}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        className="flowchart__svg"
        style={{ '--flow-w': width } as CSSProperties}
      >
        <title id={`${id}-title`}>How acquire decides on this level</title>
        <desc id={`${id}-desc`}>{`${graph.description} ${caption}`}</desc>
        <defs>
          <marker
            id={marker}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" className="flowchart__arrow" />
          </marker>
        </defs>
        <g aria-hidden="true">
          {graph.edges.map((e) => (
            <Edge key={`${e.from}-${e.to}`} edge={e} nodes={nodes} marker={marker} />
          ))}
          {graph.nodes.map((n) => {
            const box = boxOf(n);
            const now = n.id === lit;
            return (
              <g
                key={n.id}
                className={`flowchart__node flowchart__node--${n.kind}${now ? ' flowchart__node--now' : ''}`}
                data-node={n.id}
              >
                <Shape node={n} box={box} />
                <text x={box.cx} y={box.cy} dy="0.35em" textAnchor="middle" className="flowchart__label">
                  {n.label}
                </text>
                {now && (
                  <text x={box.left - 4} y={box.top - 6} className="flowchart__now-tag">
                    ▶ now
                  </text>
                )}
              </g>
            );
          })}
        </g>
      </svg>
      <figcaption className={`flowchart__caption${litNode ? ' flowchart__caption--now' : ''}`}>{caption}</figcaption>
    </figure>
  );
}
