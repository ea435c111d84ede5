/**
 * The load lab: a pool under random load at scale, measured beside queueing theory. Runs go to a
 * Web Worker through `useLoadRunner`; the formulas are cheap and drawn on the page's own thread.
 */
import { useMemo, useState } from 'react';
import {
  comparePool,
  createLoadLabStore,
  offeredLoad,
  runInputs,
  staleInputs,
  type LoadOutput,
  type LoadScenario,
} from '../../store/load';
import type { Job } from '../../workers/loadClient';
import { Advisor } from './Advisor';
import { loadWork } from '../../store/loadWork';
import { HockeyChart, SWEEP_UTILIZATIONS, type CurrentLoad, type LoadPoint } from './charts/HockeyChart';
import { RefusalChart, sizeRange, type ChartMode, type SizePoint } from './charts/RefusalChart';
import { WaitHistogram } from './charts/WaitHistogram';
import { checkForm } from './form';
import { count } from './format';
import { LoadForm } from './LoadForm';
import { MadeWith } from './MadeWith';
import { ResultsTable } from './ResultsTable';
import { RunStatus } from './RunStatus';
import { LoadLabContext, useLoadLab, useLoadLabActions, useLoadLabShallow } from './useLoadLab';
import { useLoadRunner } from './useLoadRunner';
import { WhyPool } from './WhyPool';
import { PathNext } from '../lesson/PathNext';
import './load.css';
import './verdicts.css';

const SWEEP_ARRIVALS = 50_000;
const SWEEP_SIZES = 12;

const textbook = (
  scenario: LoadScenario,
  maxSize: number,
  acquireTimeout: number | null,
  arrivalsPerSecond: number,
): LoadScenario => ({
  level: 'production',
  options: { maxSize, minSize: maxSize, acquireTimeout, costs: { reuseMs: 0, validateMs: 0, resetMs: 0 } },
  seed: scenario.seed,
  load: {
    ...scenario.load,
    arrivalsPerSecond,
    hold: 'exponential',
    arrivals: Math.min(SWEEP_ARRIVALS, scenario.load.arrivals),
  },
});

const modeOf = (timeout: number | null | undefined): ChartMode =>
  timeout === 0 ? 'refuse' : timeout === null ? 'wait' : 'timeout';

/** The measured share the by-size chart draws for a mode, with its interval. */
function measuredFor(mode: ChartMode, o: LoadOutput): { value: number; lo: number; hi: number } {
  const key = mode === 'refuse' ? 'refused' : mode === 'wait' ? 'waited' : 'timedOut';
  return { value: o[key], lo: o.ci[key].interval[0], hi: o.ci[key].interval[1] };
}

const outputsOf = (results: readonly { kind: string; output: unknown }[]) =>
  results.filter((r) => r.kind === 'load').map((r) => r.output as LoadOutput);

export default function LoadLabPage() {
  const [store] = useState(() => createLoadLabStore());
  return (
    <LoadLabContext.Provider value={store}>
      <LoadLab />
    </LoadLabContext.Provider>
  );
}

function LoadLab() {
  const runner = useLoadRunner();
  const form = useLoadLab((s) => s.form);
  const made = useLoadLab((s) => s.run);
  const actions = useLoadLabActions();
  const formInputs = useLoadLabShallow((s) => runInputs(s.form));
  const check = useMemo(() => checkForm(form, runner.speed), [form, runner.speed]);
  const [sizePoints, setSizePoints] = useState<{ key: string; points: SizePoint[] } | null>(null);
  const [loadPoints, setLoadPoints] = useState<{ key: string; points: LoadPoint[] } | null>(null);
  const busy = runner.status === 'running';

  const scenario = check.scenario;
  const rate = scenario?.load.arrivalsPerSecond ?? Number(form.rate);
  const hold = scenario?.load.holdMs ?? Number(form.holdMs);
  const size = scenario?.options.maxSize ?? Number(form.poolSize);
  const chartsReady =
    Number.isFinite(rate) &&
    rate > 0 &&
    Number.isFinite(hold) &&
    hold > 0 &&
    Number.isInteger(size) &&
    size >= 1 &&
    size <= 1000;
  const offered = chartsReady ? offeredLoad(rate, hold) : 0;
  const chartMode: ChartMode = form.mode;
  const patience = scenario?.options.acquireTimeout ?? 0;
  const sizeKey = `${chartMode}|${rate}|${hold}|${patience}|${form.seed}`;
  const loadKey = `${size}|${hold}|${form.seed}`;

  const run = async () => {
    if (!scenario) return;
    const outcome = await runner.run(`Running ${count(scenario.load.arrivals)} arrivals`, [{ kind: 'load', scenario }]);
    if (outcome.status !== 'done') return;
    actions.ranLoad(outputsOf(outcome.results)[0]!, scenario, form);
  };

  const measureSizes = async () => {
    if (!scenario) return;
    const [lo, hi] = sizeRange(offered, size);
    const step = Math.max(1, Math.ceil((hi - lo + 1) / SWEEP_SIZES));
    const sizes: number[] = [];
    for (let c = lo; c <= hi; c += step) if (chartMode !== 'wait' || c > offered) sizes.push(c);
    const timeout = chartMode === 'refuse' ? 0 : chartMode === 'wait' ? null : patience;
    const jobs: Job[] = sizes.map((c) => ({ kind: 'load', scenario: textbook(scenario, c, timeout, rate) }));
    const outcome = await runner.run(`Measuring ${sizes.length} pool sizes`, jobs);
    if (outcome.status !== 'done') return;
    const points = outputsOf(outcome.results).map((o, i) => ({ c: sizes[i]!, ...measuredFor(chartMode, o) }));
    setSizePoints({ key: sizeKey, points });
  };

  const measureLoads = async () => {
    if (!scenario) return;
    const jobs: Job[] = SWEEP_UTILIZATIONS.map((rho) => ({
      kind: 'load',
      scenario: textbook(scenario, size, null, (rho * size * 1000) / hold),
    }));
    const outcome = await runner.run(`Measuring ${jobs.length} loads`, jobs);
    if (outcome.status !== 'done') return;
    const points = outputsOf(outcome.results).map((o) => ({
      away: o.awayFromShelf,
      waitMs: o.meanWaitMs,
      lo: o.ci.meanWaitMs.interval[0],
      hi: o.ci.meanWaitMs.interval[1],
    }));
    setLoadPoints({ key: loadKey, points });
  };

  const checkAdvice = async (s: LoadScenario, tailMs: readonly number[], arrivals: number) => {
    const outcome = await runner.run(`Checking the advice with ${count(arrivals)} arrivals`, [
      { kind: 'load', scenario: s, tailMs },
    ]);
    return outcome.status === 'done' ? (outputsOf(outcome.results)[0] ?? null) : null;
  };

  const compare = async (s: LoadScenario): Promise<void> => {
    const outcome = await runner.run('Comparing with no pool', [
      { kind: 'fresh', scenario: s },
      { kind: 'load', scenario: s },
    ]);
    if (outcome.status !== 'done') return;
    const fresh = outcome.results.find((r) => r.kind === 'fresh');
    const pool = outcome.results.find((r) => r.kind === 'load');
    if (fresh?.kind !== 'fresh' || pool?.kind !== 'load') return;
    const poolSize = s.options.maxSize ?? 10;
    actions.compared(
      {
        ...comparePool(fresh.output, pool.output),
        poolSize,
        arrivals: s.load.arrivals,
        opened: { noPool: fresh.output.created, pool: pool.output.created },
        peakOpen: fresh.output.peakOpen,
      },
      form,
    );
  };

  const result = made?.value ?? null;
  const shown = result?.output ?? null;
  // The run's own point, when it was made with the chart's load and mode.
  const runKey =
    result &&
    `${modeOf(result.scenario.options.acquireTimeout)}|${result.scenario.load.arrivalsPerSecond}|${result.scenario.load.holdMs}|${result.scenario.options.acquireTimeout ?? 0}|${result.scenario.seed}`;
  const currentPoint: SizePoint[] =
    result && runKey === sizeKey
      ? [{ c: result.scenario.options.maxSize ?? 10, ...measuredFor(chartMode, result.output) }]
      : [];
  const sweepPoints = sizePoints?.key === sizeKey ? sizePoints.points : [];
  // The page's load on the hockey stick's axis: what the last run measured, while its inputs are
  // the form's; otherwise the engine's estimate (every cost that keeps an object away counted).
  const measuredHere = made && staleInputs(made.inputs, formInputs).length === 0 ? made.value : null;
  const currentLoad: CurrentLoad | null = measuredHere
    ? { away: measuredHere.output.awayFromShelf, measured: true }
    : scenario
      ? { away: loadWork(scenario).offered / size, measured: false }
      : null;

  return (
    <article className="load-lab">
      <header>
        <h1>Load lab</h1>
        <p>
          A pool under random load is a queueing system with known answers. Send a stream of callers at the production
          pool, watch the measurement converge on the theory — Erlang B when the pool refuses at once, Erlang C when
          callers wait — and size a pool.
        </p>
      </header>
      <section className="load-section" aria-label="Run a load">
        <LoadForm form={form} check={check} busy={busy} onChange={actions.setForm} onRun={run} />
        <RunStatus runner={runner} />
        {made && (
          <div className="load-run-result">
            <MadeWith inputs={made.inputs} now={formInputs} again="Run again" />
            <ResultsTable output={made.value.output} />
          </div>
        )}
      </section>
      {chartsReady && (
        <section className="load-section" aria-labelledby="load-charts-h">
          <h2 id="load-charts-h">Charts</h2>
          <div className="load-charts">
            <div>
              <h3>
                {chartMode === 'refuse' ? 'Refused' : chartMode === 'wait' ? 'Had to wait' : 'Gave up'}, by pool size
              </h3>
              <RefusalChart
                mode={chartMode}
                offered={offered}
                rate={rate}
                holdMs={hold}
                patienceMs={patience}
                current={size}
                points={[...sweepPoints.filter((p) => !currentPoint.some((q) => q.c === p.c)), ...currentPoint]}
              />
              <button type="button" onClick={measureSizes} disabled={busy || !scenario}>
                Measure every pool size
              </button>
            </div>
            <div>
              <h3>The hockey stick: mean wait against the share of the pool away from the shelf</h3>
              <HockeyChart
                poolSize={size}
                holdMs={hold}
                points={loadPoints?.key === loadKey ? loadPoints.points : []}
                current={currentLoad}
              />
              <button type="button" onClick={measureLoads} disabled={busy || !scenario}>
                Measure the curve
              </button>
            </div>
            {shown && (
              <div>
                <h3>Waits</h3>
                <WaitHistogram histogram={shown.histogram} arrivals={shown.arrivals} />
              </div>
            )}
          </div>
        </section>
      )}
      <Advisor busy={busy} onCheck={checkAdvice} />
      <WhyPool scenario={scenario} busy={busy} onCompare={compare} />
      <PathNext page="load" />
    </article>
  );
}
