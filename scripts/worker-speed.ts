/**
 * `npm run bench:worker`: the load lab's worker in Chromium against the same jobs in Node, side by
 * side in one run (a measuring script, not a test). The jobs are the pool-size sweep ("Measure every
 * pool size": 12 refusing pools × 50,000 arrivals) and the design's Erlang B example (500,000
 * arrivals), run as the worker runs them: `runSession`, slices of 40 ms, yielding between slices.
 *
 * - node: the session in this process, yielding with `setImmediate` (wall clock).
 * - worker, cold: a new worker's first session (its module fetched and compiled, the JIT cold).
 * - worker, warm: the same worker's next sessions.
 * Seconds are the session's own (`done.seconds`, wall clock), the median of RUNS runs, alternating
 * Node and the browser. Needs a build (the npm script builds) and Chromium (CHROMIUM_PATH, else
 * /usr/bin/chromium). Options: --runs 3, --dist dist, --port 4438.
 */
import { readdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import type { Job } from '../src/workers/protocol';
import { runSession } from '../src/workers/session';
import { arg, systemChromium } from './options.mjs';
import { servePreview } from './serve.mjs';

const RUNS = Number(arg('runs', '3'));
const dist = arg('dist', 'dist');
const port = Number(arg('port', '4438'));
const SLICE_MS = 40;

const textbookCosts = { reuseMs: 0, validateMs: 0, resetMs: 0 };
const example = { arrivalsPerSecond: 30, holdMs: 100, hold: 'exponential' as const };
const JOBS: [string, Job[]][] = [
  [
    'sweep (12 × 50,000 arrivals)',
    Array.from({ length: 12 }, (_, k) => ({
      kind: 'load' as const,
      scenario: {
        level: 'production' as const,
        options: { maxSize: k + 1, minSize: k + 1, acquireTimeout: 0, costs: textbookCosts },
        seed: 1,
        load: { ...example, arrivals: 50_000 },
      },
    })),
  ],
  [
    'Erlang B example (500,000 arrivals)',
    [
      {
        kind: 'load',
        scenario: {
          level: 'production',
          options: { maxSize: 5, minSize: 5, acquireTimeout: 0, costs: textbookCosts },
          seed: 1,
          load: { ...example, arrivals: 500_000 },
        },
      },
    ],
  ],
];

/** The session in Node, sliced and yielding as the worker does: its own seconds. */
function inNode(jobs: Job[]): Promise<number> {
  return new Promise((resolve, reject) => {
    runSession(1, jobs, {
      now: () => performance.now(),
      post: (m) => {
        if (m.type === 'done') resolve(m.seconds);
        else if (m.type === 'failed') reject(new Error(m.message));
      },
      later: (fn) => setImmediate(fn),
      cancelled: () => false,
      sliceMs: SLICE_MS,
    });
  });
}

/**
 * Three sessions of `jobs` in one new worker, in the page: their seconds. A string, so that what
 * runs in the page is exactly this (tsx would wrap named functions in a helper the page lacks).
 */
const IN_WORKER = `async ({ url, jobs }) => {
  const worker = new Worker(url, { type: 'module' });
  const seconds = [];
  for (let id = 1; id <= 3; id++)
    seconds.push(
      await new Promise((resolve, reject) => {
        worker.onmessage = (e) => {
          if (e.data.id !== id) return;
          if (e.data.type === 'done') resolve(e.data.seconds);
          else if (e.data.type === 'failed') reject(new Error(e.data.message));
        };
        worker.postMessage({ type: 'start', id, jobs });
      }),
    );
  worker.terminate();
  return seconds;
}`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const workerFile = readdirSync(`${dist}/assets`).find((f) => /^load\.worker-.*\.js$/.test(f));
if (!workerFile) throw new Error(`no load.worker-*.js in ${dist}/assets: build first (npm run bench:worker does)`);
const server = await servePreview({ outDir: dist, port });
const executablePath = systemChromium();
const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}/load-lab/`);
  console.log(`Load lab worker against Node ${process.version}, ${browser.version()}; seconds, median of ${RUNS}`);
  console.log('job                                    node   worker cold   worker warm   warm ÷ node');
  for (const [name, jobs] of JOBS) {
    const node: number[] = [];
    const cold: number[] = [];
    const warm: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      node.push(await inNode(jobs));
      // A new worker each round: its first session is the cold one, the next two are warm.
      const [first, ...rest] = (await page.evaluate(
        `(${IN_WORKER})(${JSON.stringify({ url: `/assets/${workerFile}`, jobs })})`,
      )) as number[];
      cold.push(first!);
      warm.push(median(rest));
    }
    const n = median(node);
    const w = median(warm);
    console.log(
      `${name.padEnd(36)} ${n.toFixed(2).padStart(6)} ${median(cold).toFixed(2).padStart(13)} ${w.toFixed(2).padStart(13)} ${(w / n).toFixed(2).padStart(12)}×`,
    );
  }
} finally {
  await browser.close();
  await server.stop();
}
