/**
 * Level 3 — adds a reset. Before an object goes back on the shelf, it is cleaned, so the next
 * reader never sees what the last one wrote. Otherwise Level 2, and it starts empty: objects are
 * made only when first asked for.
 *
 * Still missing: a caller that crashes between `acquire` and `release` never gives its object
 * back — the pool slowly runs dry (Level 4 guarantees the release); dead objects are still handed
 * out (the database pool validates); and a double release still shelves one object twice (the
 * production pool checks releases).
 */
import { PoolBase, PoolExhausted, type Book, type Op, type Runtime } from '../world';

export class Level3Pool extends PoolBase<Book> {
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
    // Nothing made up front: the first readers pay for creation.
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
    // Clean it before anyone else can have it.
    yield* this.resetFunc(obj); // @step release.reset
    this.inUseCount -= 1; // @step release.count
    this.available.push(obj); // @step release.push
  }
}
