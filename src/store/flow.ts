/**
 * The acquire flow: the text's decision diagram for `acquire` — anything on the shelf? take the
 * top one; still alive? (database) hand it over, or throw it away and try the next; room for one
 * more? make one; otherwise refuse — drawn for each level as its code has it, and the node an
 * event is taking, so the chart can light it as it happens.
 *
 * Which diagram a level gets is read from the level registry: whether it keeps a shelf, whether it
 * has a maximum, whether it checks what it lends, whether readers can wait in line.
 *
 * Nodes carry a grid position (column, row) so the chart needs no layout of its own.
 */
import { innermostLine, LEVELS } from '../engine';
import type { LevelId, PoolEvent } from '../engine';

export type FlowNodeId =
  'ask' | 'shelf' | 'pop' | 'alive' | 'discard' | 'room' | 'create' | 'give' | 'refuse' | 'wait' | 'fail';
export type FlowNodeKind = 'start' | 'question' | 'action' | 'done' | 'refuse';

export interface FlowNode {
  readonly id: FlowNodeId;
  readonly label: string;
  readonly kind: FlowNodeKind;
  readonly col: number;
  readonly row: number;
}

export interface FlowEdge {
  readonly from: FlowNodeId;
  readonly to: FlowNodeId;
  /** "yes" / "no" out of a question; other words where the path needs them; null for plain flow. */
  readonly label: string | null;
}

export interface FlowGraph {
  readonly level: LevelId;
  readonly nodes: readonly FlowNode[];
  readonly edges: readonly FlowEdge[];
  /** The whole diagram in one sentence, for screen readers. */
  readonly description: string;
}

const node = (id: FlowNodeId, label: string, kind: FlowNodeKind, col: number, row: number): FlowNode => ({
  id,
  label,
  kind,
  col,
  row,
});
const edge = (from: FlowNodeId, to: FlowNodeId, label: string | null = null): FlowEdge => ({ from, to, label });

/** "Print a new book", "Open a new connection". */
function words(level: LevelId) {
  const { thing, make } = LEVELS[level].words;
  return { thing, make: `${make.charAt(0).toUpperCase()}${make.slice(1)} a new ${thing}` };
}

export function flowFor(level: LevelId): FlowGraph {
  const info = LEVELS[level];
  const w = words(level);
  const ask = node('ask', 'A reader asks', 'start', 0, 0);
  if (!info.shelf) {
    return {
      level,
      nodes: [ask, node('create', w.make, 'action', 0, 1), node('give', 'Hand it over', 'done', 0, 2)],
      edges: [edge('ask', 'create'), edge('create', 'give')],
      description: `Without a pool there is nothing to decide: every request prints a new ${w.thing} and hands it over.`,
    };
  }
  const shelf = node('shelf', 'Anything on the shelf?', 'question', 0, 1);
  const pop = node('pop', 'Take the top one', 'action', 0, 2);
  if (info.bound !== 'maxSize') {
    return {
      level,
      nodes: [ask, shelf, pop, node('create', w.make, 'action', 1, 2), node('give', 'Hand it over', 'done', 0, 3)],
      edges: [
        edge('ask', 'shelf'),
        edge('shelf', 'pop', 'yes'),
        edge('shelf', 'create', 'no'),
        edge('pop', 'give'),
        edge('create', 'give'),
      ],
      description: `A reader asks; if the shelf has a ${w.thing}, the top one is taken and handed over; if not, a new one is made and handed over. There is no limit and no refusal.`,
    };
  }
  const room = node('room', 'Room for one more?', 'question', 1, 1);
  const refuse = node('refuse', 'Refuse: pool exhausted', 'refuse', 2, 1);
  if (!info.validates) {
    return {
      level,
      nodes: [
        ask,
        shelf,
        pop,
        room,
        refuse,
        node('create', w.make, 'action', 1, 2),
        node('give', 'Hand it over', 'done', 0, 3),
      ],
      edges: [
        edge('ask', 'shelf'),
        edge('shelf', 'pop', 'yes'),
        edge('shelf', 'room', 'no'),
        edge('room', 'create', 'yes'),
        edge('room', 'refuse', 'no'),
        edge('pop', 'give'),
        edge('create', 'give'),
      ],
      description: `A reader asks; if the shelf has a ${w.thing}, the top one is taken and handed over; if not, and the pool is below its maximum, a new one is made and handed over; otherwise the reader is refused.`,
    };
  }
  // The database pool (and the production pool, which adds a wait in line). The main path moves
  // to the middle column so the "try the next one" loop can run up the left side.
  const nodes: FlowNode[] = [
    node('ask', ask.label, 'start', 1, 0),
    node('shelf', shelf.label, 'question', 1, 1),
    node('pop', pop.label, 'action', 1, 2),
    node('alive', 'Still alive? (SELECT 1)', 'question', 1, 3),
    node('give', 'Hand it over', 'done', 1, 4),
    node('discard', 'Close it, try the next', 'action', 0, 3),
    node('room', room.label, 'question', 2, 1),
    node('create', w.make, 'action', 2, 2),
  ];
  const edges: FlowEdge[] = [
    edge('ask', 'shelf'),
    edge('shelf', 'pop', 'yes'),
    edge('pop', 'alive'),
    edge('alive', 'give', 'yes'),
    edge('alive', 'discard', 'no'),
    edge('discard', 'shelf', 'try next'),
    edge('shelf', 'room', 'no'),
    edge('room', 'create', 'yes'),
    edge('create', 'give'),
  ];
  if (info.queues) {
    nodes.push(node('wait', 'Wait in line', 'action', 3, 1), node('fail', 'Give up with an error', 'refuse', 3, 0));
    edges.push(edge('room', 'wait', 'no'), edge('wait', 'give', 'handed one'), edge('wait', 'fail', 'time is up'));
    return {
      level,
      nodes,
      edges,
      description:
        'A reader asks; a connection from the shelf is checked and handed over, a dead one is closed and the next tried; with the shelf empty a new one is opened below the maximum; at the maximum the reader waits in line until one is handed over or the time is up.',
    };
  }
  nodes.push(node('refuse', refuse.label, 'refuse', 2, 0));
  edges.push(edge('room', 'refuse', 'no'));
  return {
    level,
    nodes,
    edges,
    description:
      'A reader asks; the top connection on the shelf is taken and checked with SELECT 1: alive, it is handed over; dead, it is closed and the next one tried. With the shelf empty a new connection is opened if the pool is below its maximum; otherwise the reader is refused.',
  };
}

/** The node an event is taking, or null when the event is not part of an acquire. */
export function flowNodeAt(level: LevelId, e: PoolEvent): FlowNodeId | null {
  const graph = flowFor(level);
  const has = (id: FlowNodeId) => graph.nodes.some((n) => n.id === id);
  const pick = (id: FlowNodeId): FlowNodeId | null => (has(id) ? id : null);
  switch (e.type) {
    case 'step.started':
      return e.do === 'acquire' || e.do === 'with' ? 'ask' : null;
    case 'step.finished':
      // An acquire step ends where its path ended: handed over, refused, or given up.
      if (e.do !== 'acquire') return null;
      if (e.outcome.error === 'exhausted') return pick('refuse') ?? pick('fail');
      if (e.outcome.error !== undefined) return pick('fail') ?? pick('refuse');
      return e.outcome.pending ? pick('wait') : 'give';
    case 'object.taken':
      return pick('pop');
    case 'statement.started':
    case 'statement.finished':
      // Only the pool's own check, not a reader's query.
      return e.line !== null && innermostLine(e.line).startsWith('validate') ? pick('alive') : null;
    case 'object.validated':
      return pick('alive');
    case 'object.closed':
    case 'object.destroyed':
      return e.line !== null && innermostLine(e.line).startsWith('acquire.') ? pick('discard') : null;
    case 'object.creating':
    case 'object.created':
      // The pool's start-up filling runs with no reader: it is not part of an acquire.
      return e.client === null ? null : pick('create');
    case 'object.acquired':
    case 'object.handedoff':
      return 'give';
    case 'pool.exhausted':
      return pick('refuse') ?? pick('fail');
    case 'acquire.queued':
      return pick('wait');
    case 'acquire.timedout':
    case 'acquire.rejected':
      return pick('fail') ?? pick('refuse');
    default:
      return null;
  }
}

/**
 * The node lit at the cursor: the event's own node; a warning keeps the node of the event it is
 * about (the monitor speaks right after the event that proved the problem).
 */
export function flowNodeNear(level: LevelId, events: readonly PoolEvent[], cursor: number): FlowNodeId | null {
  for (let i = Math.min(cursor, events.length - 1); i >= 0; i--) {
    const e = events[i]!;
    if (e.type !== 'monitor.warned') return flowNodeAt(level, e);
  }
  return null;
}
