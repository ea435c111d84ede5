/**
 * The simulated slow things a pool lends out: a generic object (a "book") and a connection to a
 * simulated PostgreSQL-like database, reached the way node-postgres reaches one: each statement
 * runs on its own (autocommit) unless a transaction was begun.
 */
import { DatabaseError, delay, type Op } from '../core';
import type { Costs, EventBody } from '../types';

/**
 * What a connection needs from the world: what its statements cost, and a way to record what it
 * does (tagged with the code line of the pool method that called it).
 */
export interface ConnectionHost {
  readonly costs: Pick<Costs, 'validateMs' | 'resetMs'>;
  emitHere(body: EventBody, obj: Connection, kind: string): void;
  /** No event is kept or listened to: events are only counted (a batch run). */
  readonly unheard: boolean;
  /** Count an event that nobody hears, without making it. */
  countUnheard(): void;
}

abstract class Resource {
  alive = true;
  closed = false;
  /**
   * What is running on it now, oldest first: its making ('create'), a statement or a reset. Usually
   * one thing or none; more when two readers' operations overlap on one object (a release still
   * cleaning it while another reader's acquire checks it) — each ends on its own.
   */
  readonly running: string[] = [];
  /** The lease that last wrote its state, for spotting one borrower's data reaching the next. */
  writtenBy: number | null = null;
  lends = 0;
  constructor(
    readonly id: number,
    readonly createdAt: number,
  ) {}
  abstract get state(): string | null;

  /** An operation starts on it; `end` it when it finishes. */
  begin(what: string): void {
    this.running.push(what);
  }

  end(what: string): void {
    const running = this.running;
    // Usually the newest thing running; equal strings are alike, so taking the last one off leaves
    // the same list as taking the first (without the array `splice` makes).
    if (running[running.length - 1] === what) running.pop();
    else {
      const i = running.indexOf(what);
      if (i >= 0) running.splice(i, 1);
    }
  }
}

/** A generic slow object: what a borrower writes stays in it until something clears it. */
export class Book extends Resource {
  readonly kind = 'book';
  note: string | null = null;
  get state(): string | null {
    return this.note;
  }
}

export class Connection extends Resource {
  readonly kind = 'connection';
  /** Session settings made with SET; they last until DISCARD ALL. */
  readonly settings = new Map<string, string>();
  inTransaction = false;
  /** `state` as last worked out, until a statement changes the settings (read at every snapshot). */
  private stateText: string | null | undefined = undefined;

  constructor(
    private readonly rt: ConnectionHost,
    id: number,
    createdAt: number,
  ) {
    super(id, createdAt);
  }

  get state(): string | null {
    if (this.stateText === undefined)
      this.stateText = this.settings.size === 0 ? null : [...this.settings.values()].join('; ');
    return this.stateText;
  }

  /**
   * Run one statement (`yield*` it where it is called). Slow: it suspends the caller for the
   * statement's cost. One that costs nothing is over by the time the caller's `yield*` looks, with
   * no coroutine made for it: a load run with free statements made four for each caller served
   * (three statements, and the rollback that runs one).
   */
  execute(sql: string): Op<void> {
    const kind = statementKind(sql);
    // A query costs what the check does (SELECT 1, a reader's SHOW ALL); a SET nothing; the resets theirs.
    const ms =
      kind === 'select' || kind === 'show' ? this.rt.costs.validateMs : kind === 'set' ? 0 : this.rt.costs.resetMs;
    this.begin(sql);
    const rt = this.rt;
    if (rt.unheard) rt.countUnheard();
    else rt.emitHere({ type: 'statement.started', sql, ms }, this, kind);
    if (ms > 0) return this.finishAfter(ms, sql, kind);
    this.finish(sql, kind);
    return delay(0);
  }

  private *finishAfter(ms: number, sql: string, kind: string): Op<void> {
    yield* delay(ms);
    this.finish(sql, kind);
  }

  /** The statement is over: the server has done it, or says why not (thrown). */
  private finish(sql: string, kind: string): void {
    this.end(sql);
    const error = this.apply(sql);
    const rt = this.rt;
    if (rt.unheard) rt.countUnheard();
    else rt.emitHere({ type: 'statement.finished', sql, ok: error === null, error }, this, kind);
    if (error !== null) throw new DatabaseError(error);
  }

  rollback(): Op<void> {
    return this.execute('ROLLBACK');
  }

  commit(): Op<void> {
    return this.execute('COMMIT');
  }

  /** Close the client side of the connection. Instant, and harmless on a dead connection. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.rt.emitHere({ type: 'object.closed' }, this, 'close');
  }

  /** What the server does with a statement; returns an error message or null. */
  private apply(sql: string): string | null {
    if (this.closed) return 'connection already closed';
    if (!this.alive) return 'server closed the connection unexpectedly';
    if (sql.startsWith('SET ')) {
      // Keyed by the setting's name, so setting it again replaces it, as on a real server.
      const text = sql.slice(4).trim();
      this.settings.set(text.split(/\s*(?:=|\sTO\s)\s*/i)[0] ?? text, text);
      this.stateText = undefined;
      return null;
    }
    switch (sql) {
      case 'SELECT 1':
        return null;
      case 'BEGIN':
        this.inTransaction = true;
        return null;
      case 'ROLLBACK':
        // With no transaction open PostgreSQL only warns; the session is untouched either way.
        this.inTransaction = false;
        return null;
      case 'COMMIT':
        this.inTransaction = false;
        return null;
      case 'DISCARD ALL':
        if (this.inTransaction) return 'DISCARD ALL cannot run inside a transaction block';
        // (Clearing an empty map still allocates it a new table.)
        if (this.settings.size > 0) this.settings.clear();
        this.stateText = undefined;
        this.writtenBy = null;
        return null;
      default:
        return null;
    }
  }
}

function statementKind(sql: string): string {
  switch (sql) {
    case 'SELECT 1':
      return 'select';
    case 'SHOW ALL':
      return 'show';
    case 'DISCARD ALL':
      return 'discard';
    case 'ROLLBACK':
      return 'rollback';
    case 'COMMIT':
      return 'commit';
    case 'BEGIN':
      return 'begin';
  }
  if (sql.startsWith('SET')) return 'set';
  return sql.toLowerCase();
}

export type Pooled = Book | Connection;
