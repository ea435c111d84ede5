/**
 * The borrower ledger: every object lent out at the cursor, who has it, since when, and the step
 * that borrowed it, with a leak timer. A suspected leak's button jumps the timeline to the
 * acquire that lent it.
 */
import { useMemo } from 'react';
import { selectCursor, selectNow, selectRun } from '../../store/selectors';
import { useLabActions, useLabStore } from '../hooks/labStore';
import { ms } from '../../store/format';
import { ledgerAt } from '../../store/production';

export function Ledger({ label = 'Borrower ledger' }: { label?: string }) {
  const run = useLabStore(selectRun);
  const cursor = useLabStore(selectCursor);
  const now = useLabStore(selectNow);
  const threshold = useLabStore((s) => s.scenario.options.leakThreshold ?? null);
  const { seek } = useLabActions();
  const loans = useMemo(() => ledgerAt(run.events, cursor), [run, cursor]);
  return (
    <section className="prod-ledger" aria-label={label}>
      <h3 className="prod-sub">Borrower ledger</h3>
      {threshold === null && <p className="prod-note">No leakThreshold set: the leak timer only counts.</p>}
      {loans.length === 0 ? (
        <p className="room__empty">Nothing is lent out.</p>
      ) : (
        <table className="prod-ledger__table">
          <thead>
            <tr>
              <th scope="col">Object</th>
              <th scope="col">Borrower</th>
              <th scope="col">Since</th>
              <th scope="col">Step</th>
              <th scope="col">Leak timer</th>
            </tr>
          </thead>
          <tbody>
            {loans.map((l) => {
              const held = now - l.since;
              const late = l.suspected || (threshold !== null && held >= threshold);
              return (
                <tr
                  key={`${l.object}-${l.borrower}`}
                  className={late ? 'prod-ledger--leak' : undefined}
                  data-object={l.object}
                  data-borrower={l.borrower}
                  data-leak={late ? 'yes' : 'no'}
                >
                  <td>
                    {late ? (
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => seek(l.acquireIndex)}
                        data-acquire-index={l.acquireIndex}
                      >
                        Connection {l.object}: go to its acquire
                      </button>
                    ) : (
                      <>Connection {l.object}</>
                    )}
                  </td>
                  <td>
                    {l.borrower}
                    {l.crashed ? ' (crashed)' : ''}
                  </td>
                  <td>{ms(l.since)}</td>
                  <td>{l.step === null ? '—' : `step ${l.step + 1}`}</td>
                  <td>
                    {ms(held)}
                    {threshold !== null ? ` / ${ms(threshold)}` : ''}
                    {late ? ' ⚠ leak suspected' : ''}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
