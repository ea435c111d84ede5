/**
 * Level 1 — the basic pool. A shelf of ready objects: take the top one, or make a new one when
 * the shelf is empty; put back whatever you are given.
 *
 * What it lacks is the lesson: it has no upper bound (a burst of readers leaves every object ever
 * made on the shelf — Level 2 adds `maxSize`), it never cleans a returned object (Level 3 adds a
 * reset), it never checks an object is still alive (the database pool validates), and it accepts
 * the same object twice (only the production pool checks releases).
 */
import { PoolBase, type Book, type Op, type Runtime } from '../world';

export class Level1Pool extends PoolBase<Book> {
  constructor(
    rt: Runtime,
    private readonly createFunc: () => Op<Book>,
    private readonly size = 5,
  ) {
    super(rt);
  }

  *init(): Op<void> {
    // Pay for every object up front, once, at start-up.
    for (let i = 0; i < this.size; i++) {
      const obj = yield* this.createFunc(); // @step init.create
      this.available.push(obj); // @step init.push
    }
  }

  *acquire(): Op<Book> {
    if (this.available.length > 0) {
      return this.available.pop(); // @step acquire.pop
    }
    // Shelf empty: make a new one. Nothing stops this happening again and again.
    return yield* this.createFunc(); // @step acquire.create
  }

  *release(obj: Book): Op<void> {
    // No questions asked: not whether it is ours, not whether it is already here.
    this.available.push(obj); // @step release.push
  }
}
