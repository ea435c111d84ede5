/**
 * The production pool — the one the text's last section promises: every row of its table "why we
 * add each feature" fixed, in the manner of the pools engineers trust (HikariCP, pg-pool,
 * generic-pool, tarn.js). It lends connections to the simulated database.
 *
 * - maxSize: never more than `maxSize` connections; when all are out, callers wait in line.
 * - lock:    no check-then-act across a suspension. In one-threaded JavaScript, a "lock" is simply
 *            that nothing slow happens between looking and taking: a connection leaves the shelf
 *            before it is checked, and a place is reserved before the slow create.
 * - reset:   `ROLLBACK` then `DISCARD ALL` on every return; a connection that cannot be cleaned is
 *            thrown away and its place freed.
 * - validate: `SELECT 1` before lending; a dead one is thrown away and the caller goes on, within
 *            the one deadline it started with.
 * - timeout: a caller waits at most `acquireTimeout` ms (0: refuse at once; null: wait forever),
 *            first come, first served.
 * - cleanup: `close()` refuses new callers, fails the waiting ones, closes what is on the shelf
 *            now and what is borrowed when it comes back.
 * Each fix can be switched off: its lines carry `// @fix name`, and with the switch off the code
 * takes the path the text's simpler pools take, so the problem it fixes comes back.
 *
 * Also here, as real pools have them: a checked release (a second release, or one of an object
 * this pool did not lend, is refused and changes nothing), leak detection (`leakThreshold`),
 * `idleTimeout` (retire idle connections above `minSize`) and `maxLifetime` (retire on return).
 */
import type { Fixes } from '../types';
import { Line, Parking, PoolBase, PoolError, PoolExhausted, TIMED_OUT } from '../world';
import type { Connection, Op, Runtime, Timer, Waiting } from '../world';

export interface ProductionOptions {
  readonly maxSize: number;
  readonly minSize: number;
  /** Virtual ms a caller may wait; 0 refuses at once; null waits forever. */
  readonly acquireTimeout: number | null;
  readonly leakThreshold: number | null;
  readonly idleTimeout: number | null;
  readonly maxLifetime: number | null;
  readonly fixes: Fixes;
}

export const ALL_FIXES: Fixes = {
  maxSize: true,
  lock: true,
  reset: true,
  validate: true,
  timeout: true,
  cleanup: true,
};

export const PRODUCTION_DEFAULTS: ProductionOptions = {
  maxSize: 10,
  minSize: 0,
  acquireTimeout: 30_000,
  leakThreshold: null,
  idleTimeout: null,
  maxLifetime: null,
  fixes: ALL_FIXES,
};

/** What a waiter is woken with when the pool closes under it. */
const CLOSED: unique symbol = Symbol('pool closed');

interface Waiter extends Waiting {
  readonly parking: Parking<Connection | typeof CLOSED>;
}

/** One loan: a line of the borrower ledger. */
export interface Loan {
  readonly client: string | null;
  readonly since: number;
  /** The scenario step whose acquire borrowed it. */
  readonly step: number | null;
  suspected: boolean;
  timer: Timer | null;
}

export class ProductionPool extends PoolBase<Connection> {
  /** Places taken: connections being made, lent, cleaned, or on the shelf. At most maxSize. */
  total = 0;
  closed = false;
  private readonly loans = new Map<Connection, Loan>();
  private readonly waiters = new Line<Waiter>();
  private readonly idleClocks = new Map<Connection, Timer>();
  /** Connections being made in the background for waiters or to keep minSize warm. */
  private making = 0;

  constructor(
    rt: Runtime,
    private readonly o: ProductionOptions,
  ) {
    super(rt);
  }

  private get fixes(): Fixes {
    return this.o.fixes;
  }

  /** Borrowed, in the widest sense: every place taken that is not on the shelf. */
  get inUseCount(): number {
    return this.total - this.available.length;
  }

  /** The queue of waiting callers, first in line first. */
  waitingList(): readonly Waiting[] {
    return Array.from(this.waiters, ({ client, since }) => ({ client, since }));
  }

  /** The borrower ledger: every lent connection, who has it, since when, from which step. */
  ledger(): readonly { id: number; loan: Loan }[] {
    return [...this.loans].map(([conn, loan]) => ({ id: conn.id, loan }));
  }

  *init(): Op<void> {
    // Kept warm: minSize connections are ready before the first request.
    for (let i = 0; i < this.o.minSize; i++) {
      this.total += 1;
      const conn = yield* this.rt.connect(); // @step init.create
      this.available.push(conn); // @step init.push
      this.startIdleClock(conn);
    }
  }

  *acquire(): Op<Connection> {
    const began = this.rt.sim.now;
    // One deadline for the whole call, however many dead connections it meets on the way.
    let deadline: number | null = null;
    if (this.fixes.timeout && this.o.acquireTimeout !== null) {
      // @fix timeout
      deadline = began + this.o.acquireTimeout; // @fix timeout
    } // @fix timeout
    for (;;) {
      // Closed (even while this call was checking a connection that turned out dead): refuse.
      if (this.closed) throw this.refuseClosed(); // @step acquire.rejected
      let conn: Connection;
      if (this.available.length > 0) {
        if (this.fixes.lock) {
          // @fix lock
          // Off the shelf BEFORE the slow check: no one else can be handed it now.
          conn = this.available.pop(); // @fix lock // @step acquire.pop
        } else {
          conn = this.available.top()!; // unlocked: look at it, but leave it on the shelf
        }
      } else if (this.fixes.maxSize && this.total >= this.o.maxSize) {
        // @fix maxSize
        // Full, and everything is out: wait in line, or refuse if we may not wait.
        if (this.fixes.timeout && this.o.acquireTimeout === 0) throw this.exhausted(); // @fix timeout // @step acquire.refuse
        if (deadline !== null && this.rt.sim.now >= deadline) throw this.giveUp(began); // @step acquire.timeout
        conn = yield* this.waitInLine(deadline, began); // @fix maxSize
      } else {
        if (this.fixes.lock) this.total += 1; // reserve the place BEFORE the slow create // @fix lock
        conn = yield* this.rt.connect(); // @step acquire.create
        if (!this.fixes.lock) this.total += 1; // unlocked: counted only now; others saw room that was not there
        this.lendOut(conn);
        return conn; // a brand-new connection needs no check
      }
      // Is it still alive? A dropped network or a restarted server fails SELECT 1.
      let alive = true;
      if (this.fixes.validate) alive = yield* this.validateConnection(conn); // @fix validate // @step acquire.validate
      // Unlocked, it leaves the shelf only now, after the wait: another reader may have it already.
      if (!this.fixes.lock) this.available.take(conn); // @step acquire.take
      if (!alive) {
        yield* this.dispose(conn, 'it failed validation');
        continue; // the next one, within the same deadline
      }
      this.lendOut(conn); // @step acquire.valid
      return conn; // @step acquire.valid
    }
  }

  *release(conn: Connection): Op<void> {
    // Checked against the ledger: only what is lent out, and only by its borrower (a caller with
    // no name, like a supervisor, may return anyone's). Anything else changes nothing.
    const loan = this.loans.get(conn);
    const { client } = this.rt.caller();
    if (!loan || (client !== null && loan.client !== null && loan.client !== client)) {
      const message = !loan
        ? `connection ${conn.id} is not borrowed from this pool (a second release, or not one of ours)`
        : `connection ${conn.id} is lent to ${loan.client}, not to ${client}: a second release of an old handle`;
      this.rt.emitHere({ type: 'release.refused', message }, conn, 'refuse'); // @step release.refuse
      throw new PoolError('not-borrowed', message); // @step release.refuse
    }
    this.endLoan(conn, loan); // @step release.returned
    if (this.fixes.cleanup && this.closed) {
      // @fix cleanup
      yield* this.dispose(conn, 'the pool is closed'); // @fix cleanup
      return; // @fix cleanup
    } // @fix cleanup
    if (this.o.maxLifetime !== null && this.rt.sim.now - conn.createdAt >= this.o.maxLifetime) {
      yield* this.dispose(conn, 'it reached maxLifetime');
      this.topUp();
      return;
    }
    if (this.fixes.reset) {
      // @fix reset
      try {
        // @fix reset
        yield* this.resetConnection(conn); // @fix reset
      } catch {
        // @fix reset
        // A connection that cannot be cleaned cannot be trusted: throw it away, free its place.
        yield* this.dispose(conn, 'its reset failed'); // @fix reset
        this.topUp(); // @fix reset
        return; // @fix reset
      } // @fix reset
    } // @fix reset
    yield* this.giveBack(conn);
  }

  /** The recommended way in: the connection comes back even if the body throws. */
  *connection<R>(body: (conn: Connection) => Op<R>): Op<R> {
    const conn = yield* this.acquire(); // @step connection.acquire
    try {
      // The caller's own statements (SET …) run inside the body, on the connection it was lent. // @step connection.set
      return yield* body(conn); // @step connection.body
    } finally {
      yield* this.release(conn); // @step connection.release
    }
  }

  /** Shut down: no new callers, waiting ones told so, every connection closed. */
  *close(): Op<void> {
    this.closed = true; // from now on acquire refuses
    for (const waiter of this.waiters.takeAll()) {
      waiter.parking.resolve(CLOSED); // each waiter wakes to "closed"
    }
    if (this.fixes.cleanup) {
      // @fix cleanup
      while (this.available.length > 0) {
        // @fix cleanup
        yield* this.dispose(this.available.pop(), 'the pool is closed'); // @fix cleanup // @step close.pop
      } // @fix cleanup
    } // @fix cleanup
    // Borrowed connections are closed when they come back (see release).
  }

  // ── the slow work ──────────────────────────────────────────────────────────────────────

  /** Clean the session: undo an open transaction, then forget every setting. */
  *resetConnection(conn: Connection): Op<void> {
    yield* conn.rollback(); // @step resetConnection.rollback
    // A statement of its own: DISCARD ALL fails inside a transaction block.
    yield* conn.execute('DISCARD ALL'); // @step resetConnection.discard
  }

  *validateConnection(conn: Connection): Op<boolean> {
    try {
      yield* conn.execute('SELECT 1'); // @step validateConnection.select
      return true;
    } catch {
      return false;
    }
  }

  /** Full: wait in line, first come first served, until handed a connection or the deadline. */
  *waitInLine(deadline: number | null, began: number): Op<Connection> {
    const parking = new Parking<Connection | typeof CLOSED>(this.rt.sim);
    const waiter: Waiter = { client: this.rt.caller().client ?? '?', since: this.rt.sim.now, parking };
    this.waiters.push(waiter); // @step waitInLine.queue
    this.rt.emitHere({ type: 'acquire.queued', position: this.waiters.length }, null, 'queue'); // @step waitInLine.queue
    const timeoutMs = deadline === null ? null : deadline - this.rt.sim.now;
    const got: unknown = yield { kind: 'park', parking, timeoutMs };
    if (got === TIMED_OUT) {
      // Out of the line for good: nothing is ever handed to a caller who has left.
      this.waiters.remove(waiter);
      throw this.giveUp(began); // @step waitInLine.timeout
    }
    if (got === CLOSED) throw this.refuseClosed(); // @step waitInLine.rejected
    return got as Connection;
  }

  /** A clean connection goes to the oldest waiter first; to the shelf only if no one waits. */
  *giveBack(conn: Connection): Op<void> {
    if (this.fixes.cleanup && this.closed) {
      // closed while it was being cleaned or made // @fix cleanup
      yield* this.dispose(conn, 'the pool is closed'); // @fix cleanup
      return; // @fix cleanup
    } // @fix cleanup
    const next = this.waiters.shift();
    if (next) {
      this.rt.emitHere({ type: 'object.handedoff', to: next.client }, conn, 'handoff'); // @step giveBack.handoff
      next.parking.resolve(conn); // @step giveBack.handoff
      return;
    }
    this.available.push(conn); // @step giveBack.push
    this.startIdleClock(conn);
  }

  /** Throw one away for good: close it and free its place. */
  *dispose(conn: Connection, reason: string): Op<void> {
    if (conn.closed) return; // already gone
    this.stopIdleClock(conn);
    this.total -= 1;
    conn.close(); // @step dispose.close
    this.rt.emitHere({ type: 'object.destroyed', reason }, conn, 'destroyed'); // @step dispose.destroyed
  }

  /** After a connection is gone: make one in the background for a waiter, or to keep minSize. */
  private topUp(): void {
    while (
      !this.closed &&
      this.total < this.o.maxSize &&
      (this.waiters.length > this.making || this.total < this.o.minSize)
    ) {
      this.total += 1; // reserved now, made in the background
      this.making += 1;
      this.rt.sim.spawn(null, this.refill(), rethrow);
    }
  }

  *refill(): Op<void> {
    const conn = yield* this.rt.connect(); // @step refill.create
    this.making -= 1;
    yield* this.giveBack(conn);
  }

  // ── the borrower ledger, leaks and idle connections ───────────────────────────────────────

  private lendOut(conn: Connection): void {
    this.stopIdleClock(conn);
    this.topUp(); // dead ones thrown away on the way may have left the pool below minSize
    const { client, step } = this.rt.caller();
    const loan: Loan = { client, since: this.rt.sim.now, step, suspected: false, timer: null };
    if (this.o.leakThreshold !== null) {
      loan.timer = this.rt.sim.at(this.rt.sim.now + this.o.leakThreshold, () => {
        this.rt.sim.spawn(null, this.reportLeak(conn, loan), rethrow);
      });
    }
    this.loans.set(conn, loan);
  }

  private endLoan(conn: Connection, loan: Loan): void {
    this.loans.delete(conn);
    if (loan.timer) loan.timer.cancelled = true;
    if (loan.suspected) {
      const heldMs = this.rt.sim.now - loan.since;
      this.rt.emit(
        { type: 'leak.returned', heldMs },
        { client: loan.client, object: conn.id, line: this.rt.lineFor('returned') },
      );
    }
  }

  /** Borrowed for longer than leakThreshold: say so, once, naming the borrower and its step. */
  *reportLeak(conn: Connection, loan: Loan): Op<void> {
    if (this.loans.get(conn) !== loan) return;
    loan.suspected = true;
    const event = { type: 'leak.suspected', since: loan.since, borrowStep: loan.step } as const;
    this.rt.emit(event, { client: loan.client, object: conn.id, line: this.rt.lineFor('report') }); // @step reportLeak.report
  }

  private startIdleClock(conn: Connection): void {
    if (this.o.idleTimeout === null) return;
    const timer = this.rt.sim.at(this.rt.sim.now + this.o.idleTimeout, () => {
      this.rt.sim.spawn(null, this.retireIdle(conn), rethrow);
    });
    this.idleClocks.set(conn, timer);
  }

  private stopIdleClock(conn: Connection): void {
    const timer = this.idleClocks.get(conn);
    if (timer) timer.cancelled = true;
    this.idleClocks.delete(conn);
  }

  /** Idle for idleTimeout: retire it — only from the shelf, and never below minSize. */
  *retireIdle(conn: Connection): Op<void> {
    this.idleClocks.delete(conn);
    if (!this.available.includes(conn) || this.total <= this.o.minSize) return;
    this.available.take(conn); // @step retireIdle.take
    yield* this.dispose(conn, 'it sat idle for idleTimeout');
  }

  // ── refusals ───────────────────────────────────────────────────────────────────────────

  private held(): string {
    const idle = this.available.length;
    return `total ${this.total}, borrowed ${this.total - idle}, idle ${idle}, waiting ${this.waiters.length}`;
  }

  private exhausted(): PoolExhausted {
    return new PoolExhausted(`No connection available and acquireTimeout is 0 (${this.held()})`);
  }

  /** The deadline has come: the error says what the pool held at that moment. */
  private giveUp(began: number): PoolError {
    const message = `Timed out after ${this.rt.sim.now - began} ms waiting for a connection (${this.held()})`;
    this.rt.emitHere({ type: 'acquire.timedout', message }, null, 'timeout');
    return new PoolError('timeout', message);
  }

  private refuseClosed(): PoolError {
    const message = 'The pool is closed';
    this.rt.emitHere({ type: 'acquire.rejected', message }, null, 'rejected');
    return new PoolError('closed', message);
  }
}

function rethrow(_task: unknown, failed: boolean, result: unknown): void {
  if (failed) throw result;
}
