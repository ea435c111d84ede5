/**
 * `npm run bench`: engine throughput and memory, printed as figures (not a test).
 *
 * - events/s: a long scenario per level (8 readers, each borrowing, writing, reading and returning
 *   in turn), run as the CLI runs it — events built and watched by the monitor, no snapshots kept.
 * - recorded events/s and bytes per 100,000 events: the same, recording every event with its world
 *   snapshot, as the lab does.
 * - load runs: arrivals per second and seconds per 10⁶ arrivals for the load lab's batch runs of
 *   the production pool (no events built, no monitor: counters only).
 * Run with `node --expose-gc` (the npm script does) for steadier memory figures.
 */
import { runLoad, type LoadScenario } from '../src/engine';
import { runScenario } from '../src/engine';
import type { LevelId, Scenario, Step } from '../src/engine';

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
  return process.memoryUsage().heapUsed;
};

/** The median of three timed runs, after a warm-up run, so one hiccup of a shared machine does not decide. */
function measure(level: LevelId, rounds: number, record: boolean) {
  const s = scenario(level, rounds);
  runScenario(scenario(level, Math.ceil(rounds / 4)), { record }); // warm up the JIT
  const runs = [0, 1, 2].map(() => {
    const before = heap();
    const t0 = process.hrtime.bigint();
    const result = runScenario(s, { record });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    return { events: result.eventCount, seconds, bytes: heap() - before, keep: result };
  });
  return runs.sort((a, b) => a.seconds - b.seconds)[1]!;
}

const rows: string[][] = [['level', 'events', 'events/s', 'recorded events/s', 'MB per 100k recorded events']];
for (const level of TEXT_LEVELS) {
  const fast = measure(level, 4000, false);
  const rec = measure(level, 400, true);
  rows.push([
    level,
    fast.events.toLocaleString('en'),
    Math.round(fast.events / fast.seconds).toLocaleString('en'),
    Math.round(rec.events / rec.seconds).toLocaleString('en'),
    (((rec.bytes / rec.events) * 1e5) / 1e6).toFixed(1),
  ]);
  void rec.keep;
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
console.log(
  `Pool Lab engine bench — node ${process.version}, ${READERS} readers${gc ? '' : ' (run with --expose-gc for memory)'}`,
);
for (const r of rows)
  console.log(r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));

// ── load runs (the load lab): the production pool in batch mode, callers per second ─────────────
// The design's example load (5 connections, 30 callers a second, 100 ms exponential holds), with
// the pool refusing at once (Erlang B) and with callers waiting (Erlang C, 4 connections).
const loadRows: string[][] = [['load run', 'arrivals', 'events/arrival', 'arrivals/s', 'seconds per 10⁶ arrivals']];
const textbookCosts = { reuseMs: 0, validateMs: 0, resetMs: 0 };
const loads: [string, LoadScenario][] = [
  [
    'Erlang B (refuse at once)',
    {
      level: 'production',
      options: { maxSize: 5, minSize: 5, acquireTimeout: 0, costs: textbookCosts },
      seed: 1,
      load: { arrivalsPerSecond: 30, holdMs: 100, hold: 'exponential', arrivals: 1_000_000 },
    },
  ],
  [
    'Erlang C (callers wait)',
    {
      level: 'production',
      options: { maxSize: 4, minSize: 4, acquireTimeout: null, costs: textbookCosts },
      seed: 1,
      load: { arrivalsPerSecond: 30, holdMs: 100, hold: 'exponential', arrivals: 1_000_000 },
    },
  ],
  [
    'default costs, timeout 50 ms',
    {
      level: 'production',
      options: { maxSize: 5, minSize: 5, acquireTimeout: 50 },
      seed: 1,
      load: { arrivalsPerSecond: 30, holdMs: 100, hold: 'exponential', arrivals: 1_000_000 },
    },
  ],
];
for (const [name, s] of loads) {
  runLoad({ ...s, load: { ...s.load, arrivals: 50_000 } }); // warm up
  const t0 = process.hrtime.bigint();
  const out = runLoad(s);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  loadRows.push([
    name,
    out.arrivals.toLocaleString('en'),
    (out.events / out.arrivals).toFixed(1),
    Math.round(out.arrivals / seconds).toLocaleString('en'),
    ((seconds / out.arrivals) * 1e6).toFixed(2),
  ]);
}
const loadWidths = loadRows[0]!.map((_, i) => Math.max(...loadRows.map((r) => r[i]!.length)));
console.log('');
for (const r of loadRows)
  console.log(r.map((cell, i) => (i === 0 ? cell.padEnd(loadWidths[i]!) : cell.padStart(loadWidths[i]!))).join('  '));
