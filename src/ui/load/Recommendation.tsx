/**
 * HikariCP's two rules beside the demand's answer, and the one recommendation the engine makes of
 * the three — with why, when they conflict.
 */
import { useId } from 'react';
import type { Advice } from '../../store/load';
import { ms, percent } from './format';
import { useLoadLab, useLoadLabActions } from './useLoadLab';

const HEADLINE = {
  demand: 'the demand’s answer',
  deadlock: 'the deadlock minimum',
  server: 'the server’s rule, not the demand’s answer',
  'server-overloaded': 'the server’s rule — and the load is more than the server can serve',
  'deadlock-over-server': 'the deadlock minimum, above the server’s rule',
} as const;

export function Recommendation({ advice }: { advice: Advice }) {
  const id = useId();
  const advisor = useLoadLab((s) => s.advisor);
  const actions = useLoadLabActions();
  const field = (label: string, name: 'cores' | 'spindles' | 'threads' | 'perThread') => (
    <div className="load-field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        id={`${id}-${name}`}
        inputMode="numeric"
        autoComplete="off"
        value={advisor[name]}
        onChange={(e) => actions.setAdvisor({ [name]: e.target.value })}
      />
    </div>
  );
  const ok = advice.ok;
  const r = ok ? advice.recommendation : null;
  const fmt = ok && advice.target.kind === 'refused' ? percent : ms;
  const figure = ok
    ? { refused: 'refused', meanWait: 'mean wait', p95: '95th percentile wait', p99: '99th percentile wait' }[
        advice.target.kind
      ]
    : '';
  return (
    <>
      <h3>HikariCP’s two rules, and one recommendation</h3>
      <div className="load-advisor">
        <div>
          {field('Database server cores', 'cores')}
          {field('Effective spindles (disks)', 'spindles')}
          <p>
            Rule of thumb, cores × 2 + spindles:{' '}
            <strong>
              {ok && advice.serverRule !== null ? `${advice.serverRule} connections` : 'enter whole numbers'}
            </strong>
            . What the <em>database</em> can work on at once; more connections only queue inside the server.
          </p>
        </div>
        <div>
          {field('Threads that borrow at once', 'threads')}
          {field('Connections each thread holds at once', 'perThread')}
          <p>
            Deadlock minimum, threads × (connections per thread − 1) + 1:{' '}
            <strong>
              {ok && advice.deadlockMinimum !== null ? `${advice.deadlockMinimum} connections` : 'enter whole numbers'}
            </strong>
            . Below it, every thread can hold one connection while waiting for its next — and none ever finishes.
          </p>
        </div>
      </div>
      <div className="load-recommend" role="group" aria-label="Recommendation" data-case={r?.case ?? ''}>
        {r ? (
          <>
            <p className="load-verdict-head">
              <strong>Use {r.size} connections</strong> — {HEADLINE[r.case]}.
            </p>
            <ul>
              {r.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
            {r.predicted !== null && (
              <p className="load-hint">
                {Number.isFinite(r.predicted)
                  ? `With ${r.size}, the formula gives a ${figure} of ${fmt(r.predicted)}: ${r.meetsTarget ? 'the target is met.' : 'the target is not met — the server, not the pool, is the limit.'}`
                  : `With ${r.size}, waiting callers would pile up without end: the load is more than ${r.size} connections can serve.`}
              </p>
            )}
          </>
        ) : (
          <p className="load-hint">
            {ok ? 'Enter whole numbers for the server and the threads to get one recommendation.' : advice.problem}
          </p>
        )}
      </div>
    </>
  );
}
