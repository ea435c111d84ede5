/**
 * The sizing advisor: the smallest pool that meets a target, from the formulas, with a measured
 * check — beside HikariCP's rule of thumb and its deadlock minimum, which answer other questions.
 */
import { useId, useState } from 'react';
import {
  ADVISOR_MAX_POOL,
  erlangB,
  hikariDeadlockMinimum,
  hikariRuleOfThumb,
  LOAD_LIMITS,
  meanWaitMs,
  smallestPoolForRefusal,
  smallestPoolForWait,
  type LoadOutput,
  type LoadScenario,
} from '../../store/load';
import { count, ms, percent } from './format';

type Target = 'refused' | 'wait';

interface Props {
  readonly initialRate: string;
  readonly initialHold: string;
  readonly busy: boolean;
  /** Run a measured check; resolves with the run's figures, or null if it did not finish. */
  readonly onCheck: (scenario: LoadScenario) => Promise<LoadOutput | null>;
}

const CHECK_ARRIVALS = 200_000;

function positive(text: string, max: number): number | null {
  const v = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(v) && v > 0 && v <= max ? v : null;
}

function whole(text: string, min: number): number | null {
  const v = Number(text.trim());
  return text.trim() !== '' && Number.isInteger(v) && v >= min && v <= 100_000 ? v : null;
}

export function Advisor({ initialRate, initialHold, busy, onCheck }: Props) {
  const id = useId();
  const [rate, setRate] = useState(initialRate);
  const [hold, setHold] = useState(initialHold);
  const [target, setTarget] = useState<Target>('refused');
  const [refusedPct, setRefusedPct] = useState('1');
  const [waitMs, setWaitMs] = useState('5');
  const [cores, setCores] = useState('4');
  const [spindles, setSpindles] = useState('1');
  const [threads, setThreads] = useState('8');
  const [perThread, setPerThread] = useState('2');
  const [check, setCheck] = useState<{ key: string; output: LoadOutput } | null>(null);

  const r = positive(rate, LOAD_LIMITS.maxArrivalsPerSecond);
  const h = positive(hold, LOAD_LIMITS.maxHoldMs);
  const goal = target === 'refused' ? positive(refusedPct, 100) : positive(waitMs, 1e9);
  const problem =
    r === null
      ? 'Enter an arrival rate above 0.'
      : h === null
        ? 'Enter a hold time above 0 ms.'
        : goal === null
          ? target === 'refused'
            ? 'Enter a share refused between 0 and 100 %.'
            : 'Enter a mean wait above 0 ms.'
          : null;
  let size: number | null = null;
  if (problem === null)
    size = target === 'refused' ? smallestPoolForRefusal(r!, h!, goal! / 100) : smallestPoolForWait(r!, h!, goal!);
  const key = `${r}|${h}|${target}|${goal}|${size}`;
  const c = cores.trim() === '' ? null : whole(cores, 1);
  const s = whole(spindles, 0);
  const t = whole(threads, 1);
  const p = whole(perThread, 1);

  let answer: string;
  if (problem) answer = problem;
  else if (size === null) answer = `No pool up to ${count(ADVISOR_MAX_POOL)} meets that target.`;
  else if (target === 'refused')
    answer = `${size} objects: Erlang B gives ${percent(erlangB((r! * h!) / 1000, size))} refused${size > 1 ? `; with ${size - 1} it would be ${percent(erlangB((r! * h!) / 1000, size - 1))}` : ''}.`;
  else
    answer = `${size} objects: Erlang C gives a mean wait of ${ms(meanWaitMs(r!, h!, size))}${size > 1 ? `; with ${size - 1} it would be ${ms(meanWaitMs(r!, h!, size - 1))}` : ''}.`;

  const runCheck = async () => {
    if (size === null || r === null || h === null) return;
    const scenario: LoadScenario = {
      level: 'production',
      options: {
        maxSize: size,
        minSize: size,
        acquireTimeout: target === 'refused' ? 0 : null,
        costs: { reuseMs: 0, validateMs: 0, resetMs: 0 },
      },
      seed: 1,
      load: { arrivalsPerSecond: r, holdMs: h, hold: 'exponential', arrivals: CHECK_ARRIVALS },
    };
    const output = await onCheck(scenario);
    if (output) setCheck({ key, output });
  };
  const measured = check && check.key === key ? check.output : null;

  const input = (label: string, value: string, set: (v: string) => void, name: string) => (
    <div className="load-field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        id={`${id}-${name}`}
        inputMode="decimal"
        autoComplete="off"
        value={value}
        onChange={(e) => set(e.target.value)}
      />
    </div>
  );

  return (
    <section className="load-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>How big should my pool be?</h2>
      <div className="load-advisor">
        <div>
          {input('Arrivals per second', rate, setRate, 'rate')}
          {input('Mean hold time (ms)', hold, setHold, 'hold')}
          <fieldset className="load-choice">
            <legend>Target</legend>
            <label>
              <input
                type="radio"
                name={`${id}-target`}
                checked={target === 'refused'}
                onChange={() => setTarget('refused')}
              />
              At most this share refused (pool refuses at once)
            </label>
            <label>
              <input
                type="radio"
                name={`${id}-target`}
                checked={target === 'wait'}
                onChange={() => setTarget('wait')}
              />
              At most this mean wait (callers wait)
            </label>
          </fieldset>
          {target === 'refused'
            ? input('Refused at most (%)', refusedPct, setRefusedPct, 'pct')
            : input('Mean wait at most (ms)', waitMs, setWaitMs, 'wait')}
        </div>
        <div>
          <p className="load-answer">
            <span className="load-answer-label">Smallest pool:</span>{' '}
            <output aria-live="polite" aria-label="Smallest pool" data-size={size ?? ''}>
              {answer}
            </output>
          </p>
          <button type="button" onClick={runCheck} disabled={busy || size === null || problem !== null}>
            Check it by measuring
          </button>
          {measured && (
            <p className="load-check-result">
              Measured with {count(measured.arrivals)} callers:{' '}
              {target === 'refused'
                ? `${percent(measured.refused)} refused (95 % interval ${percent(Math.max(0, measured.ci.refused[0]))} – ${percent(measured.ci.refused[1])}).`
                : `mean wait ${ms(measured.meanWaitMs)} (95 % interval ${ms(Math.max(0, measured.ci.meanWaitMs[0]))} – ${ms(measured.ci.meanWaitMs[1])}).`}
            </p>
          )}
        </div>
      </div>
      <h3>Beside it: HikariCP’s two rules</h3>
      <div className="load-advisor">
        <div>
          {input('Database server cores', cores, setCores, 'cores')}
          {input('Effective spindles (disks)', spindles, setSpindles, 'spindles')}
          <p>
            Rule of thumb, cores × 2 + spindles:{' '}
            <strong>
              {c !== null && s !== null ? `${hikariRuleOfThumb(c, s)} connections` : 'enter whole numbers'}
            </strong>
            . It sizes for what the <em>database</em> can do at once; more connections than that only queue inside the
            server.
          </p>
        </div>
        <div>
          {input('Threads that borrow at once', threads, setThreads, 'threads')}
          {input('Connections each thread holds at once', perThread, setPerThread, 'per')}
          <p>
            Deadlock minimum, threads × (connections per thread − 1) + 1:{' '}
            <strong>
              {t !== null && p !== null ? `${hikariDeadlockMinimum(t, p)} connections` : 'enter whole numbers'}
            </strong>
            . Below it, every thread can hold one connection while waiting for its next — and none ever finishes.
          </p>
        </div>
      </div>
      <p className="load-hint">
        The formula sizes for the callers’ demand; HikariCP’s rule for the server’s capacity. A pool needs at least the
        deadlock minimum, and if the demand needs more than the server can serve, a bigger pool only moves the queue
        into the database.
      </p>
    </section>
  );
}
