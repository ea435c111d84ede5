/**
 * No pool at all — the "before" picture of the text's library analogy. Every reader who wants a
 * book has a new one printed (slow), reads it, and burns it when done. Nothing is kept, so nothing
 * is ever reused: each reader pays the full price of creation.
 *
 * It has the same `acquire` / `release` shape as the pools, so the same readers can be served by
 * it and by Level 1 and the two totals compared.
 */
import { PoolBase, type Book, type Op, type Runtime } from '../world';

export class NoPool extends PoolBase<Book> {
  constructor(
    rt: Runtime,
    private readonly createFunc: () => Op<Book>,
  ) {
    super(rt);
  }

  *init(): Op<void> {
    // Nothing to prepare: there is no shelf to fill.
  }

  *acquire(): Op<Book> {
    // Every reader gets a freshly printed book, every time.
    return yield* this.createFunc(); // @step acquire.create
  }

  *release(obj: Book): Op<void> {
    // Finished with it? Burn it. The next reader will pay for a new one.
    burn(this.rt, obj); // @step release.burn
  }
}

/** Destroy a book for good: it goes to the bin and can never be lent again. */
function burn(rt: Runtime, book: Book): void {
  if (book.closed) return;
  book.closed = true;
  rt.emitHere({ type: 'object.destroyed', reason: 'burned after reading' }, book, 'burn');
}
