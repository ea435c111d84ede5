/**
 * Random scenario pieces for the engine's property tests (imported only by *.test.ts files): a
 * step at one of a few times, and a borrower's session. Each test chooses its own readers, times,
 * writes and endings, so the pieces are built from those.
 */
import fc from 'fast-check';

/** A step maker that puts `at` on the steps it makes, when the time drawn is not undefined. */
export const timedAt =
  (at: fc.Arbitrary<number | undefined>) =>
  <T extends object>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | (T & { at: number })> =>
    fc.tuple(arb, at).map(([s, t]) => (t === undefined ? s : { ...s, at: t }));

export interface SessionParts {
  readonly clients: fc.Arbitrary<string>;
  readonly at: fc.Arbitrary<number | undefined>;
  /** What a reader may write in what it holds. */
  readonly writes: readonly string[];
  /** How a session may end ('keep': it never gives back what it holds); repeat one to weight it. */
  readonly ends: readonly ('release' | 'fail' | 'keep')[];
}

/** A borrower's session: acquire, maybe write and read, then release, crash, or keep it. */
export function sessionOf({ clients, at, writes, ends }: SessionParts): fc.Arbitrary<object[]> {
  return fc
    .record({
      client: clients,
      acquireAt: at,
      write: fc.option(fc.constantFrom(...writes), { nil: undefined }),
      read: fc.boolean(),
      end: fc.constantFrom(...ends),
      endAt: at,
    })
    .map(({ client, acquireAt, write, read, end, endAt }) => {
      const steps: object[] = [
        acquireAt === undefined ? { client, do: 'acquire' } : { client, do: 'acquire', at: acquireAt },
      ];
      if (write !== undefined) steps.push({ client, do: 'use', write });
      if (read) steps.push({ client, do: 'read' });
      if (end !== 'keep') steps.push(endAt === undefined ? { client, do: end } : { client, do: end, at: endAt });
      return steps;
    });
}
