/**
 * A connection's statement: one that costs nothing is over as soon as it is called (no coroutine
 * waits to run it), one that costs time runs when its caller goes on, and both say what they did.
 */
import { describe, expect, it } from 'vitest';
import type { EventBody } from '../types';
import { Connection, type ConnectionHost } from './resources';

function connection(costs: { validateMs: number; resetMs: number }) {
  const said: string[] = [];
  const host: ConnectionHost = {
    costs,
    unheard: false,
    countUnheard: () => undefined,
    emitHere: (body: EventBody) => {
      said.push(
        body.type === 'statement.started' || body.type === 'statement.finished'
          ? `${body.type} ${body.sql}`
          : body.type,
      );
    },
  };
  return { conn: new Connection(host, 1, 0), said };
}

describe('Connection.execute', () => {
  it('runs a statement that costs nothing as it is called, and its op is over at once', () => {
    const { conn, said } = connection({ validateMs: 0, resetMs: 0 });
    const op = conn.execute('SET search_path = a');
    expect(conn.state).toBe('search_path = a');
    expect(said).toEqual(['statement.started SET search_path = a', 'statement.finished SET search_path = a']);
    expect(op.next()).toEqual({ value: undefined, done: true });
  });

  it('throws where it is called when the server refuses a statement that costs nothing', () => {
    const { conn, said } = connection({ validateMs: 0, resetMs: 0 });
    conn.alive = false;
    expect(() => conn.execute('SELECT 1')).toThrow(/server closed the connection/);
    expect(said).toEqual(['statement.started SELECT 1', 'statement.finished SELECT 1']);
  });

  it('waits for a statement’s cost, and only then does it', () => {
    const { conn, said } = connection({ validateMs: 0, resetMs: 2 });
    conn.execute('SET x = 1').next();
    const op = conn.execute('DISCARD ALL');
    expect(said).toEqual([
      'statement.started SET x = 1',
      'statement.finished SET x = 1',
      'statement.started DISCARD ALL',
    ]);
    expect(op.next()).toEqual({ value: { kind: 'delay', ms: 2 }, done: false });
    expect(conn.state).toBe('x = 1');
    expect(op.next()).toEqual({ value: undefined, done: true });
    expect(conn.state).toBeNull();
    expect(said.at(-1)).toBe('statement.finished DISCARD ALL');
  });
});
