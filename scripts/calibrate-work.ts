/**
 * `npm run calibrate` — the work limit's figures (not a test): how many work units a second this
 * machine does, so that the lab's one limit (src/engine/work) keeps an accepted run to about 30 s.
 *
 * 1. A set of runs of every shape — load runs that refuse, wait, give up, create, lend twice, retire
 *    idle connections; scenario runs on every level, with restarts and kills — each timed several
 *    times, round-robin so that a shared machine's drift touches them all alike. For each: what it
 *    did (events, timers fired, tasks started, throws), the median seconds, and the units it did
 *    per second with the weights in use. A least-squares fit of seconds against the four counts
 *    (each run weighted by its own time, so that every shape counts alike) suggests the weights.
 * 2. With `--check`: inputs the estimator puts right at the limit, in three shapes, each run
 *    several times; their median seconds should be about 30.
 *
 *   node --import tsx scripts/calibrate-work.ts [--runs 3] [--check]
 */
import {
  createLoadRun,
  estimateLoad,
  estimateScenario,
  LIVE_WEIGHT,
  runScenario,
  UNITS_PER_SECOND,
  unitsOf,
  WEIGHTS,
  WORK_LIMIT,
  workDone,
  type LevelId,
  type LoadScenario,
  type RunKind,
  type Scenario,
  type Step,
  type WorkCounts,
} from '../src/engine';

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 3;

interface Case {
  readonly name: string;
  readonly kind: RunKind;
  /** Runs it once; what it did. */
  run(): WorkCounts;
  readonly estimate: number;
  /** Callers alive at once, as the estimator sees them (0 for scenario files). */
  readonly live: number;
}

const NO_COSTS = { reuseMs: 0, validateMs: 0, resetMs: 0 };

function loadCase(name: string, options: LoadScenario['options'], load: Partial<LoadScenario['load']>): Case {
  const scenario: LoadScenario = {
    level: 'production',
    options,
    seed: 1,
    load: { arrivalsPerSecond: 30, holdMs: 100, hold: 'exponential', arrivals: 200_000, ...load },
  };
  const work = estimateLoad(scenario);
  return {
    name,
    kind: 'load',
    estimate: work.units,
    live: work.load!.live,
    run() {
      const run = createLoadRun(scenario);
      run.advance(Number.POSITIVE_INFINITY);
      const out = run.result();
      return workDone('load', run.runtime, Math.round((out.refused + out.timedOut) * out.arrivals)).counts;
    },
  };
}

/** Readers taking turns: borrow, write, read, return; `extra` adds a step every round. */
function scenarioCase(name: string, level: LevelId, options: Scenario['options'], rounds: number, extra?: Step): Case {
  const steps: Step[] = [];
  for (let r = 0; r < rounds; r++) {
    for (let c = 0; c < 8; c++) {
      const client = `R${c}`;
      steps.push(
        { client, do: 'acquire' },
        { client, do: 'use', write: `n=${r}` },
        { client, do: 'read' },
        { client, do: 'release' },
      );
    }
    if (extra) steps.push(extra);
  }
  const scenario: Scenario = { level, options, seed: 1, steps };
  return {
    name,
    kind: 'scenario',
    estimate: estimateScenario(scenario).units,
    live: 0,
    run() {
      const r = runScenario(scenario, { record: false });
      // Objects looked at: the open ones at every step's end and every creation (about half made, on average).
      const made = r.final.pool.created;
      const scans = ((steps.length + made) * made) / 2;
      return { events: r.eventCount, timers: r.timersFired, tasks: r.tasksStarted, throws: 0, scans };
    },
  };
}

const CASES: Case[] = [
  loadCase('load: Erlang B, textbook', { maxSize: 5, minSize: 5, acquireTimeout: 0, costs: NO_COSTS }, {}),
  loadCase('load: Erlang C, textbook', { maxSize: 5, minSize: 5, acquireTimeout: null, costs: NO_COSTS }, {}),
  loadCase('load: costs, refuse', { maxSize: 5, acquireTimeout: 0 }, {}),
  loadCase('load: costs, 50 ms timeout', { maxSize: 5, acquireTimeout: 50 }, {}),
  loadCase('load: overloaded, refuse', { maxSize: 5, acquireTimeout: 0 }, { arrivalsPerSecond: 3000 }),
  loadCase('load: overloaded, give up', { maxSize: 20, acquireTimeout: 1000 }, { arrivalsPerSecond: 3000 }),
  loadCase('load: lock off', { maxSize: 5, acquireTimeout: 50, fixes: { lock: false } }, {}),
  loadCase(
    'load: maxSize off',
    { maxSize: 5, acquireTimeout: 50, fixes: { maxSize: false } },
    { arrivalsPerSecond: 100 },
  ),
  loadCase('load: 1000 waiting', { maxSize: 1000, acquireTimeout: 1e9 }, { arrivalsPerSecond: 1000, holdMs: 900 }),
  loadCase('load: 30,000 giving up', { maxSize: 20, acquireTimeout: 10_000 }, { arrivalsPerSecond: 3000 }),
  loadCase(
    'load: 150,000 giving up',
    { maxSize: 20, acquireTimeout: 50_000 },
    { arrivalsPerSecond: 3000, arrivals: 400_000 },
  ),
  loadCase('load: 300 waiting', { maxSize: 100, acquireTimeout: null }, { arrivalsPerSecond: 990, holdMs: 90 }),
  loadCase('load: idle and leaks', { maxSize: 5, minSize: 1, idleTimeout: 100, leakThreshold: 150 }, {}),
  scenarioCase('file: level1', 'level1', { size: 8 }, 3000),
  scenarioCase('file: level3', 'level3', { maxSize: 8 }, 3000),
  scenarioCase('file: database, kills', 'database', { maxSize: 8 }, 3000, { do: 'kill', object: 1 }),
  scenarioCase('file: production, restarts', 'production', { maxSize: 8, minSize: 8 }, 1200, { do: 'restart' }),
  scenarioCase('file: 100 remade a round', 'production', { maxSize: 100, minSize: 100 }, 200, { do: 'restart' }),
];

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
/**
 * The processor time a run takes (user + system), and its wall time. On a machine shared with other
 * work the wall time says more about the neighbours than about the run; the processor time is what
 * the run needs, and what it takes on a quiet machine.
 */
function seconds(f: () => void): { cpu: number; wall: number } {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  f();
  const c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / 1e6, wall: Number(process.hrtime.bigint() - t0) / 1e9 };
}

interface Weights {
  readonly loadEvent: number;
  readonly scenarioEvent: number;
  readonly task: number;
  readonly throw: number;
  readonly scan: number;
  readonly live: number;
}

/** Units per processor second of each run under the given weights (a fired timer is 1). */
function ratesUnder(w: Weights, counts: readonly WorkCounts[], cpu: readonly number[]): number[] {
  return CASES.map((c, i) => {
    const n = counts[i]!;
    const each =
      n.events * (c.kind === 'load' ? w.loadEvent : w.scenarioEvent) +
      n.timers +
      n.tasks * w.task +
      n.throws * w.throw +
      n.scans * w.scan;
    return (each * (1 + w.live * Math.log10(1 + c.live))) / cpu[i]!;
  });
}

/** How uneven the rates are: the spread of their logarithms (0 when every shape runs alike). */
function unevenness(rates: readonly number[]): number {
  const logs = rates.map(Math.log);
  const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
  return Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / logs.length);
}

/** The weights, on a grid, that make the units a second most even across the runs. */
function fit(counts: readonly WorkCounts[], cpu: readonly number[]): Weights {
  let best: { w: Weights; u: number } | null = null;
  for (const loadEvent of [0.1, 0.2, 0.3, 0.4, 0.5])
    for (const scenarioEvent of [1, 2, 3, 4])
      for (const task of [0, 0.5, 1, 2])
        for (const thrown of [2, 4, 6, 8, 10])
          for (const scan of [0.005, 0.01, 0.02, 0.04])
            for (const live of [0, 0.2, 0.3, 0.4, 0.5, 0.6]) {
              const w = { loadEvent, scenarioEvent, task, throw: thrown, scan, live };
              const u = unevenness(ratesUnder(w, counts, cpu));
              if (!best || u < best.u) best = { w, u };
            }
  return best!.w;
}

function table(rows: string[][]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows)
    console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
}

function calibrate(): void {
  const counts = CASES.map((c) => c.run()); // warm-up, and what each does (deterministic)
  const times: { cpu: number; wall: number }[][] = CASES.map(() => []);
  for (let r = 0; r < RUNS; r++) CASES.forEach((c, i) => times[i]!.push(seconds(() => c.run())));
  const med = times.map((ts) => median(ts.map((t) => t.cpu)));
  const wall = times.map((ts) => median(ts.map((t) => t.wall)));
  const fmt = (x: number) => Math.round(x).toLocaleString('en');
  const rows = [
    [
      'run',
      'live',
      'events',
      'timers',
      'tasks',
      'throws',
      'scans',
      'cpu s',
      'wall s',
      'units',
      'units/cpu s',
      'estimate/done',
    ],
  ];
  const rates: number[] = [];
  CASES.forEach((c, i) => {
    const done = unitsOf(counts[i]!, c.kind, c.live);
    rates.push(done / med[i]!);
    const n = counts[i]!;
    rows.push([
      c.name,
      fmt(c.live),
      fmt(n.events),
      fmt(n.timers),
      fmt(n.tasks),
      fmt(n.throws),
      fmt(n.scans),
      med[i]!.toFixed(2),
      wall[i]!.toFixed(2),
      fmt(done),
      fmt(done / med[i]!),
      (c.estimate / done).toFixed(2),
    ]);
  });
  table(rows);
  const rate = median(rates);
  console.log(
    `\nunits per processor second over these runs: median ${fmt(rate)} (min ${fmt(Math.min(...rates))}, max ${fmt(Math.max(...rates))}); ` +
      `in use: ${fmt(UNITS_PER_SECOND)}`,
  );
  console.log(
    `a limit of about 30 processor seconds at the median: ${fmt(30 * rate)} units; in use: ${fmt(WORK_LIMIT)}`,
  );
  const inUse: Weights = {
    loadEvent: WEIGHTS.load.events,
    scenarioEvent: WEIGHTS.scenario.events,
    task: WEIGHTS.load.tasks,
    throw: WEIGHTS.load.throws,
    scan: WEIGHTS.scenario.scans,
    live: LIVE_WEIGHT,
  };
  const fitted = fit(counts, med);
  const show = (w: Weights) =>
    `load event ${w.loadEvent}, scenario event ${w.scenarioEvent}, timer 1, task ${w.task}, throw ${w.throw}, ` +
    `scan ${w.scan}, live ${w.live} (spread of log rates ${unevenness(ratesUnder(w, counts, med)).toFixed(3)})`;
  console.log(`weights in use: ${show(inUse)}`);
  console.log(`most even on a grid: ${show(fitted)}`);
}

/** Inputs the estimator puts at the limit, in three shapes: their real time. */
function check(): void {
  const atLimit = (name: string, options: LoadScenario['options'], load: Omit<LoadScenario['load'], 'arrivals'>) => {
    const probe: LoadScenario = { level: 'production', options, seed: 1, load: { ...load, arrivals: 100_000 } };
    // 2 % under the straight-line figure: the estimate grows a little faster than the arrivals (√n terms).
    const arrivals = Math.floor((0.98 * 100_000 * WORK_LIMIT) / estimateLoad(probe).units);
    return loadCase(`${name} (${arrivals.toLocaleString('en')} arrivals)`, options, { ...load, arrivals });
  };
  const cases = [
    atLimit(
      'at the limit: costs, 50 ms timeout',
      { maxSize: 5, acquireTimeout: 50 },
      { arrivalsPerSecond: 30, holdMs: 100, hold: 'exponential' },
    ),
    atLimit(
      'at the limit: overloaded, give up',
      { maxSize: 20, acquireTimeout: 1000 },
      { arrivalsPerSecond: 3000, holdMs: 100, hold: 'exponential' },
    ),
    atLimit(
      'at the limit: 1000 waiting',
      { maxSize: 1000, acquireTimeout: 1e9 },
      { arrivalsPerSecond: 1000, holdMs: 900, hold: 'exponential' },
    ),
  ];
  const times: { cpu: number; wall: number }[][] = cases.map(() => []);
  for (let r = 0; r < RUNS; r++) cases.forEach((c, i) => times[i]!.push(seconds(() => c.run())));
  table([
    ['run', 'cpu s (each run)', 'median', 'wall s (each run)', 'median'],
    ...cases.map((c, i) => {
      const ts = times[i]!;
      const cpu = ts.map((t) => t.cpu);
      const w = ts.map((t) => t.wall);
      return [
        c.name,
        cpu.map((t) => t.toFixed(1)).join(' '),
        median(cpu).toFixed(1),
        w.map((t) => t.toFixed(1)).join(' '),
        median(w).toFixed(1),
      ];
    }),
  ]);
}

console.log(`Pool Lab work calibration — node ${process.version}, ${RUNS} runs each, median quoted`);
if (args.includes('--check')) check();
else calibrate();
