/**
 * Level 4 — adds a guaranteed release. `get(body)` lends an object to `body` and gives it back in
 * a `finally`, so it comes back even when the body throws (the text's context manager, in
 * TypeScript's try/finally).
 *
 * Plain `acquire` / `release` are still there, and a caller that crashes between them still leaks
 * its object. Dead objects are still handed out (the database pool validates), and a double
 * release still shelves one object twice (the production pool checks releases).
 */
import { PoolBase, PoolExhausted, type Book, type Op, type Runtime } from '../world';

export class Level4Pool extends PoolBase<Book> {
  inUseCount = 0;

  constructor(
    rt: Runtime,
    private readonly createFunc: () => Op<Book>,
    private readonly resetFunc: (obj: Book) => Op<void>,
    private readonly maxSize = 10,
  ) {
    super(rt);
  }

  *init(): Op<void> {
    // Starts empty, like Level 3.
  }

  *acquire(): Op<Book> {
    if (this.available.length > 0) {
      this.inUseCount += 1; // @step acquire.count
      return this.available.pop(); // @step acquire.pop
    }
    const total = this.available.length + this.inUseCount;
    if (total < this.maxSize) {
      this.inUseCount += 1; // @step acquire.countNew
      return yield* this.createFunc(); // @step acquire.create
    }
    throw new PoolExhausted('No objects available!'); // @step acquire.refuse
  }

  *release(obj: Book): Op<void> {
    yield* this.resetFunc(obj); // @step release.reset
    this.inUseCount -= 1; // @step release.count
    this.available.push(obj); // @step release.push
  }

  /** The safe way in: `yield* pool.get(function* (obj) { … })`. */
  *get<R>(body: (obj: Book) => Op<R>): Op<R> {
    const obj = yield* this.acquire(); // @step get.acquire
    try {
      return yield* body(obj); // @step get.body
    } finally {
      // Runs whether the body returned or threw.
      yield* this.release(obj); // @step get.release
    }
  }
}
