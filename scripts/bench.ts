/**
 * `npm run bench`: engine throughput and memory, printed as figures (not a test).
 *
 * - bare loop: the floor any engine of this kind stands on — a binary heap of timers, a generator
 *   resumed per timer, one small object allocated per event — and nothing else.
 * - events/s: a long scenario per level (8 readers, each borrowing, writing, reading and returning
 *   in turn), run as the CLI runs it — events built and watched by the monitor, no snapshots kept —
 *   and its share of the bare loop's rate.
 * - recorded events/s and MB per 100,000 events: the same, recording every event with its world
 *   snapshot, as the lab does (MB: what the run's result keeps alive, measured after collection).
 * - load runs: arrivals per second for the load lab's batch runs of the production pool.
 * - sweep: "Measure every pool size" as the load lab runs it (12 pool sizes, 50,000 arrivals each,
 *   the pool refusing at once), in seconds.
 * - clicks: a button of the manual panel (the store's action, as the page calls it), at step 5 and
 *   at step 5,000 of one session — readers taking turns to borrow, write, read and return — in ms
 *   (the median of 21 clicks each, wall clock: a click is too short for the CPU clock's grain);
 *   and the same with the sentences the page's narration, event log and scrubber marks then ask
 *   for (store/narrated.ts) and the metrics panel's figures at the cursor (store/metrics.ts), which
 *   grow with the run.
 * Rates are per second of this process's CPU time, not of the wall clock: on a shared machine the
 * wall clock also counts the time other processes had the processor.
 *
 * Run with `node --expose-gc` (the npm script does) for the memory figures. BENCH_ENGINE=<path of
 * another checkout's src/engine/index.ts> measures that engine with this same script (side-by-side
 * runs; the clicks always use this checkout's store); BENCH_ONLY=fast,rec,load,sweep,click picks parts.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as EngineModule from '../src/engine';
import type { LevelId, LoadScenario, RunResult, Scenario, Step } from '../src/engine';

type Engine = typeof EngineModule;
const enginePath = process.env.BENCH_ENGINE;
const engine = (await import(
  enginePath ? pathToFileURL(resolve(enginePath)).href : '../src/engine/index.ts'
)) as Engine;
const { runLoad, runScenario } = engine;
const only = new Set((process.env.BENCH_ONLY ?? 'fast,rec,load,sweep,click').split(','));

const READERS = 8;
const TEXT_LEVELS: LevelId[] = ['level1', 'level2', 'level3', 'level4', 'database'];

function scenario(level: LevelId, rounds: number): Scenario {
  const steps: Step[] = [];
  for (let r = 0; r < rounds; r++) {
    for (let c = 0; c < READERS; c++) {
      const client = `R${c}`;
      steps.push(
        { client, do: 'acquire' },
        { client, do: 'use', write: `n=${r}` },
        { client, do: 'read' },
        { client, do: 'release' },
      );
    }
  }
  const options =
    level === 'level1'
      ? { size: READERS }
      : level === 'level2'
        ? { minSize: 2, maxSize: READERS }
        : { maxSize: READERS };
  return { level, options, seed: 1, steps };
}

const gc = (globalThis as { gc?: () => void }).gc;
const heap = () => {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
};

/** CPU seconds (user + system) that `work` took. */
function cpuSeconds<T>(work: () => T): { seconds: number; value: T } {
  const before = process.cpuUsage();
  const value = work();
  const used = process.cpuUsage(before);
  return { seconds: (used.user + used.system) / 1e6, value };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// ── the bare loop ──────────────────────────────────────────────────────────────────────────────

interface BareTimer {
  t: number;
  seq: number;
  task: Generator<number, void, unknown>;
}

/** Events per CPU second of a bare discrete-event loop: heap pop, generator resume, one allocation. */
function bareLoop(events: number): number {
  const heapItems: BareTimer[] = [];
  const before = (a: BareTimer, b: BareTimer) => a.t < b.t || (a.t === b.t && a.seq < b.seq);
  const push = (x: BareTimer) => {
    let i = heapItems.push(x) - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(x, heapItems[p]!)) break;
      heapItems[i] = heapItems[p]!;
      i = p;
    }
    heapItems[i] = x;
  };
  const pop = (): BareTimer | undefined => {
    const top = heapItems[0];
    const last = heapItems.pop();
    if (top === undefined || last === undefined || heapItems.length === 0) return top;
    let i = 0;
    const n = heapItems.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && before(heapItems[r]!, heapItems[l]!) ? r : l;
      if (!before(heapItems[c]!, last)) break;
      heapItems[i] = heapItems[c]!;
      i = c;
    }
    heapItems[i] = last;
    return top;
  };
  let seq = 0;
  let count = 0;
  let sink: { seq: number; t: number; client: number } | null = null;
  function* client(id: number): Generator<number, void, unknown> {
    for (;;) {
      sink = { seq: count++, t: seq, client: id }; // the one allocation per event
      yield 1 + ((id * 7 + count) % 5);
    }
  }
  const run = () => {
    let now = 0;
    for (let id = 0; id < READERS; id++) push({ t: 0, seq: seq++, task: client(id) });
    while (count < events) {
      const timer = pop()!;
      now = timer.t;
      const r = timer.task.next();
      if (!r.done) push({ t: now + r.value, seq: seq++, task: timer.task });
    }
    return sink;
  };
  run(); // warm up
  count = 0;
  heapItems.length = 0;
  const { seconds } = cpuSeconds(run);
  return count / seconds;
}

// ── scenario runs ─────────────────────────────────────────────────────────────────────────────

/**
 * Events per CPU second: the median of five runs after a warm-up, run one after another as a session
 * runs them. No collection is forced before a timed run: V8 throws away compiled code that relies on
 * the hidden classes of objects a collection frees, so a run after forced collections compiled
 * 60-100 functions again (--trace-opt) — a cost of the bench, not of the run, and about the same on
 * any engine, so it hid how much faster one engine's run was than another's (the bare loop, the
 * load runs and the sweep never forced one). MB the result keeps per 100k events: three runs apart,
 * between forced collections.
 */
function measure(level: LevelId, rounds: number, record: boolean) {
  const s = scenario(level, rounds);
  runScenario(scenario(level, Math.ceil(rounds / 4)), { record }); // warm up the JIT
  const rates: number[] = [];
  let events = 0;
  for (let k = 0; k < 5; k++) {
    const { seconds, value } = cpuSeconds(() => runScenario(s, { record }).eventCount);
    events = value;
    rates.push(events / seconds);
  }
  const mbs: number[] = [];
  for (let k = 0; record && k < 3; k++) {
    heap();
    let result: RunResult | null = runScenario(s, { record });
    const kept = heap();
    const n = result.eventCount;
    result = null; // dropped: what the collector frees now is what the run's result kept
    mbs.push((((kept - heap()) / n) * 1e5) / 1e6);
  }
  return { events, rate: median(rates), mb: record ? median(mbs) : null };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en');
function table(rows: string[][]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows)
    console.log(r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
}

console.log(
  `Pool Lab engine bench — node ${process.version}, ${READERS} readers, rates per CPU second${gc ? '' : ' (run with --expose-gc for memory)'}${enginePath ? `, engine ${enginePath}` : ''}`,
);
const bare = only.has('fast') ? bareLoop(2_000_000) : null;
if (bare !== null) console.log(`bare loop (heap + generator resume + one allocation per event): ${fmt(bare)} events/s`);

const rows: string[][] = [['level', 'events', 'events/s', 'of bare loop', 'recorded events/s', 'MB per 100k recorded']];
for (const level of TEXT_LEVELS) {
  if (!only.has('fast') && !only.has('rec')) break;
  const fast = only.has('fast') ? measure(level, 2000, false) : null;
  const rec = only.has('rec') ? measure(level, 400, true) : null;
  rows.push([
    level,
    fast ? fast.events.toLocaleString('en') : '-',
    fast ? fmt(fast.rate) : '-',
    fast && bare ? `${((fast.rate / bare) * 100).toFixed(1)} %` : '-',
    rec ? fmt(rec.rate) : '-',
    rec?.mb != null ? rec.mb.toFixed(1) : '-',
  ]);
}
if (rows.length > 1) table(rows);

// ── load runs (the load lab): the production pool in batch mode, callers per second ─────────────
// The design's example load (5 connections, 30 callers a second, 100 ms exponential holds), with
// the pool refusing at once (Erlang B) and with callers waiting (Erlang C, 4 connections).
const textbookCosts = { reuseMs: 0, validateMs: 0, resetMs: 0 };
const exampleLoad = { arrivalsPerSecond: 30, holdMs: 100, hold: 'exponential' as const, arrivals: 500_000 };
const loads: [string, LoadScenario][] = [
  [
    'Erlang B (refuse at once)',
    {
      level: 'production',
      options: { maxSize: 5, minSize: 5, acquireTimeout: 0, costs: textbookCosts },
      seed: 1,
      load: exampleLoad,
    },
  ],
  [
    'Erlang C (callers wait)',
    {
      level: 'production',
      options: { maxSize: 4, minSize: 4, acquireTimeout: null, costs: textbookCosts },
      seed: 1,
      load: exampleLoad,
    },
  ],
  [
    'default costs, timeout 50 ms',
    {
      level: 'production',
      options: { maxSize: 5, minSize: 5, acquireTimeout: 50 },
      seed: 1,
      load: exampleLoad,
    },
  ],
];
if (only.has('load')) {
  const loadRows: string[][] = [['load run', 'arrivals', 'events/arrival', 'arrivals/s', 'seconds per 10⁶ arrivals']];
  for (const [name, s] of loads) {
    runLoad({ ...s, load: { ...s.load, arrivals: 50_000 } }); // warm up
    const { seconds, value: out } = cpuSeconds(() => runLoad(s));
    loadRows.push([
      name,
      out.arrivals.toLocaleString('en'),
      (out.events / out.arrivals).toFixed(1),
      fmt(out.arrivals / seconds),
      ((seconds / out.arrivals) * 1e6).toFixed(2),
    ]);
  }
  console.log('');
  table(loadRows);
}

// ── the pool-size sweep ("Measure every pool size", refusing pools) ───────────────────────────
if (only.has('sweep')) {
  const sweep = () => {
    for (let c = 1; c <= 12; c++)
      runLoad({
        level: 'production',
        options: { maxSize: c, minSize: c, acquireTimeout: 0, costs: textbookCosts },
        seed: 1,
        load: { ...exampleLoad, arrivals: 50_000 },
      });
  };
  sweep(); // warm up
  const times = [0, 1, 2].map(() => cpuSeconds(sweep).seconds);
  console.log('');
  console.log(`sweep: 12 pool sizes × 50,000 arrivals, refusing at once: ${median(times).toFixed(2)} s (median of 3)`);
}

// ── clicks of the manual panel: the cost of one button at step 5 and at step 5,000 ─────────────
if (only.has('click')) {
  const { createLabStore } = await import('../src/store/labStore');
  const { STORIES } = await import('../src/stories');
  const ACTIONS = ['acquire', 'use', 'read', 'release'] as const;
  console.log('');
  const { beatSentencesOf, sentencesOf } = await import('../src/store/narrated');
  const { metricsAt } = await import('../src/store/metrics');
  const { selectCursor } = await import('../src/store/selectors');
  const clickRows: string[][] = [['clicks', 'ms at step 5', 'ms at step 5,000', 'ratio']];
  for (const [level, warm, narrated] of [
    ['level1', true, true],
    ['level1', false, false],
    ['database', false, false],
    ['level1', false, true],
    ['database', false, true],
  ] as const) {
    const store = createLabStore({ stories: STORIES });
    store.getState().actions.openLevel(level);
    let k = 0;
    const click = () => {
      const reader = `R${Math.floor(k / 4) % 4}`;
      const ok = store.getState().actions.act(reader, ACTIONS[k % 4]!);
      k++;
      if (!ok) throw new Error(`click ${k} was refused`);
      if (narrated) {
        const s = store.getState();
        sentencesOf(s.run.events, level);
        beatSentencesOf(s.run.events, s.beats, level);
        metricsAt(s.run.events, selectCursor(s));
      }
    };
    const timed = (n: number) => {
      const ms: number[] = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        click();
        ms.push(performance.now() - t0);
      }
      return median(ms);
    };
    if (warm) {
      // A session to warm the JIT up first, so that step 5 is not measured on cold code.
      while (k < 2000) click();
      continue;
    }
    while (k < 4) click();
    const early = timed(21); // steps 5 to 25
    while (k < 4999) click();
    const late = timed(21); // steps 5,000 to 5,020
    clickRows.push([
      narrated ? `${level} + narration, metrics` : level,
      early.toFixed(3),
      late.toFixed(3),
      `${(late / early).toFixed(2)}×`,
    ]);
  }
  table(clickRows);
}
