/**
 * How to read the level's TypeScript next to the text's Python: `yield*` and `Op<…>` explained in a
 * line each, and the text's names beside ours for what this level's class has. Shown under the
 * code panel's status, folded with <details> once read.
 */
export function CodeLegend({ source }: { source: string }) {
  const has = (s: string) => source.includes(s);
  // What this level's methods give back, as its source names it.
  const Thing = has('Op<Connection>') ? 'Connection' : 'Book';
  return (
    <details className="code__legend" open>
      <summary>Reading this code</summary>
      <dl>
        <div>
          <dt>
            <code className="tok tok-y">yield*</code>
          </dt>
          <dd>
            The code waits here for slow work (
            {Thing === 'Connection' ? 'opening a connection, a query' : 'printing a book'}) while other readers go on —
            read it as <code>await</code>.
          </dd>
        </div>
        <div>
          <dt>
            <code>Op&lt;{Thing}&gt;</code>, <code>*acquire()</code>
          </dt>
          <dd>
            A method that may wait before it gives back a {Thing.toLowerCase()} (or nothing, <code>Op&lt;void&gt;</code>
            ) — read it as <code>Promise&lt;{Thing}&gt;</code> from an <code>async</code> method.
          </dd>
        </div>
        {has('*get<') && (
          <div>
            <dt>
              The text’s <code>with pool.get() as obj:</code>
            </dt>
            <dd>
              Here <code>yield* pool.get(function* (obj) {'{ … }'})</code>: <code>get</code> lends the book to the block
              and takes it back in <code>finally</code>, even when the block fails.
            </dd>
          </div>
        )}
        {has('*connection<') && (
          <div>
            <dt>
              The text’s <code>with pool.connection() as conn:</code>
            </dt>
            <dd>
              Here <code>yield* pool.connection(function* (conn) {'{ … }'})</code>: the connection comes back in{' '}
              <code>finally</code>, even when the block fails.
            </dd>
          </div>
        )}
        <div>
          <dt>The text’s Python names</dt>
          <dd>
            <code>in_use_count</code> is <code>inUseCount</code>, <code>available.append</code> is{' '}
            <code>available.push</code>
            {has('resetConnection') ? (
              <>
                , <code>_reset_connection</code> is <code>resetConnection</code>
              </>
            ) : null}
            ; <code>acquire()</code> and <code>release(obj)</code> keep their names.
          </dd>
        </div>
      </dl>
    </details>
  );
}
