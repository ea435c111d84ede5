/**
 * Level 2 — adds a maximum size. The pool counts what it has lent; it creates only while the
 * shelf plus the lent count is below `maxSize`, and otherwise refuses at once (no waiting — the
 * production pool queues callers with a timeout).
 *
 * Shelf + counter always equals the number of objects created, so it never creates past
 * `maxSize`. Still missing: no reset (a reader finds the last reader's note — Level 3), no
 * validation (dead objects are handed out — the database pool), and `release` trusts its caller:
 * a double release shelves one object twice and can drive the counter below zero, and then two
 * readers get the same object (fixed only by the production pool's checked release).
 */
import { PoolBase, PoolExhausted, type Book, type Op, type Runtime } from '../world';

export class Level2Pool extends PoolBase<Book> {
  inUseCount = 0; // how many are lent out

  constructor(
    rt: Runtime,
    private readonly createFunc: () => Op<Book>,
    private readonly minSize = 2,
    private readonly maxSize = 10,
  ) {
    super(rt);
  }

  *init(): Op<void> {
    for (let i = 0; i < this.minSize; i++) {
      const obj = yield* this.createFunc(); // @step init.create
      this.available.push(obj); // @step init.push
    }
  }

  *acquire(): Op<Book> {
    if (this.available.length > 0) {
      this.inUseCount += 1; // @step acquire.count
      return this.available.pop(); // @step acquire.pop
    }
    // Can we create one more? Count it first, then build it.
    const total = this.available.length + this.inUseCount;
    if (total < this.maxSize) {
      this.inUseCount += 1; // @step acquire.countNew
      return yield* this.createFunc(); // @step acquire.create
    }
    // Full, and everything is lent out: refuse now.
    throw new PoolExhausted('No objects available!'); // @step acquire.refuse
  }

  *release(obj: Book): Op<void> {
    // Trusts the caller: the same object released twice is counted off twice.
    this.inUseCount -= 1; // @step release.count
    this.available.push(obj); // @step release.push
  }
}
