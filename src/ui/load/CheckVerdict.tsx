/**
 * The verdict on the advisor's measured check: meets, misses, or can't tell yet — with the
 * interval, the number of arrivals, the system it ran, and the load its callers actually brought.
 */
import { checkInputs, LOAD_LIMITS, TAIL } from '../../store/load';
import { count, ms, num, percent } from './format';
import { MadeWith } from './MadeWith';
import { useLoadLab, useLoadLabShallow } from './useLoadLab';

const HEADLINE = {
  meets: 'Meets the target',
  misses: 'Misses the target',
  unsure: 'Can’t tell yet — run longer',
} as const;

const FORMULA = { refused: 'Erlang B', meanWait: 'Erlang C', p95: 'Erlang C', p99: 'Erlang C' } as const;

interface Props {
  readonly busy: boolean;
  readonly onLonger: (arrivals: number) => void;
}

export function CheckVerdict({ busy, onLonger }: Props) {
  const made = useLoadLab((s) => s.check);
  const now = useLoadLabShallow((s) => checkInputs(s.form, s.advisor));
  if (!made) return null;
  const c = made.value;
  const kind = c.target.kind;
  const fmt = kind === 'meanWait' ? ms : percent;
  const [lo, hi] = c.interval;
  const range = `${fmt(Math.max(0, lo))} – ${fmt(hi)}`;
  const longer = Math.min(c.arrivals * 5, LOAD_LIMITS.maxArrivals);
  let measured: string;
  if (kind === 'refused')
    measured = `${percent(c.measured)} refused (95 % interval ${range}; at most ${percent(c.limit)})`;
  else if (kind === 'meanWait')
    measured = `mean wait ${ms(c.measured)} (95 % interval ${range}; at most ${ms(c.limit)})`;
  else
    measured =
      `${percent(c.measured)} waited longer than ${ms(c.target.value)} (95 % interval ${range}; ` +
      `at most ${percent(TAIL[kind].beyond)} may, for a ${kind === 'p95' ? '95th' : '99th'} percentile within it). ` +
      `The measured ${kind === 'p95' ? '95th' : '99th'} percentile: ${ms(c.percentileMs ?? 0)}`;
  const r = c.realized;
  const more = r.excess >= 0 ? `${percent(r.excess)} more` : `${percent(-r.excess)} less`;
  const formulaFmt = kind === 'refused' ? percent : ms;
  return (
    <div className="load-verdict" data-verdict={c.verdict} role="group" aria-label="Verdict">
      <p className="load-verdict-head">
        <strong>{HEADLINE[c.verdict]}</strong>
      </p>
      <p>
        {count(c.size)} connections, measured with {count(c.arrivals)} callers: {measured}. Interval from {c.batches}{' '}
        batch means{c.independent ? '' : ', which stayed correlated: too few arrivals to trust'}.
      </p>
      <p className="load-hint">
        Measured on exactly the system {FORMULA[kind]} describes: {c.size} connections pre-filled, no hand-over,
        validation or reset time,{' '}
        {kind === 'refused' ? 'callers refused at once' : 'callers waiting as long as it takes'}, Poisson arrivals,
        exponential holds. These callers brought {more} load than asked ({num(r.arrivalsPerSecond)} a second, holding{' '}
        {ms(r.meanHoldMs)} on average); at that load {FORMULA[kind]} gives {formulaFmt(r.predicted)} — chance in the
        arrivals and holds, which the interval accounts for.
      </p>
      {c.verdict === 'unsure' && longer > c.arrivals && (
        <button type="button" onClick={() => onLonger(longer)} disabled={busy}>
          Run longer ({count(longer)} arrivals)
        </button>
      )}
      <MadeWith inputs={made.inputs} now={now} again="Check it again" />
    </div>
  );
}
