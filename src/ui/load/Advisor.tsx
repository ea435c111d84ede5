/**
 * The sizing advisor: the smallest pool that meets a target (share refused, mean, p95 or p99
 * wait), from the formulas, checked by measuring with a verdict — then one recommendation that
 * weighs it against HikariCP's two rules. Its arrival rate and hold time are the run's own fields.
 */
import { useId } from 'react';
import {
  ADVISOR_MAX_POOL,
  adviceFor,
  checkScenario,
  judge,
  type CheckResult,
  type LoadScenario,
  type LoadOutput,
  type TargetKind,
} from '../../store/load';
import { CheckVerdict } from './CheckVerdict';
import { count, ms, percent } from './format';
import { Recommendation } from './Recommendation';
import { useLoadLab, useLoadLabActions } from './useLoadLab';

interface Props {
  readonly busy: boolean;
  /** Run a measured check; resolves with the run's figures, or null if it did not finish. */
  readonly onCheck: (scenario: LoadScenario, tailMs: readonly number[], arrivals: number) => Promise<LoadOutput | null>;
}

/** Arrivals a first check runs; "run longer" runs five times as many. */
export const CHECK_ARRIVALS = 200_000;

const TARGETS: readonly { kind: TargetKind; choice: string; field: string }[] = [
  { kind: 'refused', choice: 'At most this share refused (the pool refuses at once)', field: 'Refused at most (%)' },
  { kind: 'meanWait', choice: 'At most this mean wait (callers wait)', field: 'Mean wait at most (ms)' },
  { kind: 'p95', choice: 'At most this 95th percentile wait', field: '95th percentile wait at most (ms)' },
  { kind: 'p99', choice: 'At most this 99th percentile wait', field: '99th percentile wait at most (ms)' },
];

export function Advisor({ busy, onCheck }: Props) {
  const id = useId();
  const form = useLoadLab((s) => s.form);
  const advisor = useLoadLab((s) => s.advisor);
  const actions = useLoadLabActions();
  const advice = adviceFor(form, advisor);
  const seed = Number(form.seed);
  const seedOk = Number.isInteger(seed) && seed >= 0;

  let answer: string;
  if (!advice.ok) answer = advice.problem;
  else if (advice.size === null) answer = `No pool up to ${count(ADVISOR_MAX_POOL)} meets that target.`;
  else {
    const f = advice.target.kind === 'refused' ? percent : ms;
    const what = {
      refused: 'Erlang B gives',
      meanWait: 'Erlang C gives a mean wait of',
      p95: 'Erlang C’s waiting-time distribution gives a 95th percentile of',
      p99: 'Erlang C’s waiting-time distribution gives a 99th percentile of',
    }[advice.target.kind];
    const after = advice.target.kind === 'refused' ? ' refused' : '';
    answer =
      `${advice.size} connections: ${what} ${f(advice.atSize!)}${after}` +
      (advice.belowSize !== null && advice.size > 1
        ? `; with ${advice.size - 1} it would be ${f(advice.belowSize)}.`
        : '.');
  }

  const runCheck = async (arrivals: number) => {
    if (!advice.ok || advice.size === null || !seedOk) return;
    const { scenario, tailMs } = checkScenario(advice.rate, advice.holdMs, advice.target, advice.size, seed, arrivals);
    const output = await onCheck(scenario, tailMs, arrivals);
    if (!output) return;
    const result: CheckResult = { ...judge(output, scenario, advice.target), size: advice.size, target: advice.target };
    actions.checked(result, form, advisor);
  };

  const field = (label: string, value: string, set: (v: string) => void, name: string, hint?: string) => (
    <div className="load-field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        id={`${id}-${name}`}
        inputMode="decimal"
        autoComplete="off"
        value={value}
        aria-describedby={hint ? `${id}-${name}-hint` : undefined}
        onChange={(e) => set(e.target.value)}
      />
      {hint && (
        <span className="load-hint" id={`${id}-${name}-hint`}>
          {hint}
        </span>
      )}
    </div>
  );
  const target = TARGETS.find((x) => x.kind === advisor.target)!;

  return (
    <section className="load-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>How big should my pool be?</h2>
      <div className="load-advisor">
        <div>
          {field(
            'Arrivals per second',
            form.rate,
            (v) => actions.setForm({ rate: v }),
            'rate',
            'The run’s own field: change it here or above.',
          )}
          {field('Mean hold time (ms)', form.holdMs, (v) => actions.setForm({ holdMs: v }), 'hold')}
          <fieldset className="load-choice">
            <legend>Target</legend>
            {TARGETS.map((x) => (
              <label key={x.kind}>
                <input
                  type="radio"
                  name={`${id}-target`}
                  checked={advisor.target === x.kind}
                  onChange={() => actions.setAdvisor({ target: x.kind })}
                />
                {x.choice}
              </label>
            ))}
          </fieldset>
          {field(target.field, advisor.limits[advisor.target], (v) => actions.setLimit(advisor.target, v), 'limit')}
        </div>
        <div>
          <p className="load-answer">
            <span className="load-answer-label">Smallest pool for the demand:</span>{' '}
            <output aria-live="polite" aria-label="Smallest pool" data-size={advice.ok ? (advice.size ?? '') : ''}>
              {answer}
            </output>
          </p>
          <p className="load-hint">
            The check runs that many connections on the formula’s own system — pre-filled, no hand-over, validation or
            reset time, exponential holds, the run’s seed — and gives a verdict from its 95 % interval.
          </p>
          <button
            type="button"
            onClick={() => void runCheck(CHECK_ARRIVALS)}
            disabled={busy || !advice.ok || advice.size === null || !seedOk}
          >
            Check it by measuring
          </button>
          <CheckVerdict busy={busy} onLonger={(arrivals) => void runCheck(arrivals)} />
        </div>
      </div>
      <Recommendation advice={advice} />
    </section>
  );
}
