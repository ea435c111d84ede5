/**
 * The database pool — the text's `DatabasePool`, against a simulated PostgreSQL server.
 * It adds validation: each connection taken off the shelf is checked with `SELECT 1`, and a dead
 * one is closed and thrown away. Releasing resets the session: `ROLLBACK`, `DISCARD ALL`, `COMMIT`.
 *
 * Kept exactly as the text has it, bugs included:
 * - `acquire` validates a connection *before* counting it, and validation waits on the network.
 *   Callers arriving meanwhile see room that is not there and create more: with 2 on the shelf
 *   and `maxSize` 2, four simultaneous acquires end with 4 connections. (The production pool
 *   takes its decisions without a gap between check and act.)
 * - A connection that died while lent makes `release` throw at `ROLLBACK`: the counter is never
 *   decremented and the connection is never shelved, so that capacity is gone for good. (The
 *   production pool destroys a connection whose reset fails and frees its place.)
 * - `close()` closes only what is on the shelf; lent connections stay open, and the pool goes on
 *   lending and creating afterwards. (The production pool refuses new work once closed and
 *   closes lent connections as they come back.)
 * - `release` still trusts its caller (double release), like every level of the text.
 */
import { PoolBase, PoolExhausted, type Connection, type Op, type Runtime } from '../world';

export class DatabasePool extends PoolBase<Connection> {
  inUseCount = 0;

  constructor(
    rt: Runtime,
    private readonly maxSize = 10,
  ) {
    super(rt);
  }

  *init(): Op<void> {
    // Two connections ready before the first request.
    for (let i = 0; i < 2; i++) {
      const conn = yield* this.createConnection(); // @step init.create
      this.available.push(conn); // @step init.push
    }
  }

  /** The expensive operation the pool exists to avoid: 50–200 ms. */
  *createConnection(): Op<Connection> {
    return yield* this.rt.connect(); // @step createConnection.create
  }

  /** Clean the session for the next borrower: undo, forget settings, end the transaction. */
  *resetConnection(conn: Connection): Op<void> {
    yield* conn.rollback(); // @step resetConnection.rollback
    yield* conn.execute('DISCARD ALL'); // @step resetConnection.discard
    yield* conn.commit(); // @step resetConnection.commit
  }

  /** Is it still alive? A dead network or a restarted server fails `SELECT 1`. */
  *validateConnection(conn: Connection): Op<boolean> {
    try {
      yield* conn.execute('SELECT 1'); // @step validateConnection.select
      return true;
    } catch {
      return false;
    }
  }

  *acquire(): Op<Connection> {
    while (this.available.length > 0) {
      const conn = this.available.pop(); // @step acquire.pop
      // Validation waits on the server, and this connection is not counted yet.
      const alive = yield* this.validateConnection(conn); // @step acquire.validate
      if (alive) {
        this.inUseCount += 1; // @step acquire.count
        return conn; // @step acquire.valid
      }
      conn.close(); // dead: throw it away // @step acquire.close
    }
    const total = this.available.length + this.inUseCount;
    if (total < this.maxSize) {
      this.inUseCount += 1; // @step acquire.countNew
      return yield* this.createConnection(); // @step acquire.create
    }
    throw new PoolExhausted('No connections available! Try again later.'); // @step acquire.refuse
  }

  *release(conn: Connection): Op<void> {
    // On a dead connection ROLLBACK throws: the two lines below never run.
    yield* this.resetConnection(conn); // @step release.reset
    this.inUseCount -= 1; // @step release.count
    this.available.push(conn); // @step release.push
  }

  /** The recommended way in: the connection comes back even if the body throws. */
  *connection<R>(body: (conn: Connection) => Op<R>): Op<R> {
    const conn = yield* this.acquire(); // @step connection.acquire
    try {
      return yield* body(conn); // @step connection.body
    } finally {
      yield* this.release(conn); // @step connection.release
    }
  }

  /** Shut down: closes the connections on the shelf — and only those. */
  *close(): Op<void> {
    for (const conn of this.available) {
      conn.close(); // @step close.close
    }
    this.available.clear(); // @step close.clear
  }
}
