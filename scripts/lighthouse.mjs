#!/usr/bin/env node
// Lighthouse on the built app: each page of scripts/pages.mjs, mobile preset (Lighthouse's
// default: a mid-range phone, simulated slow 4G and 4× CPU slowdown), RUNS runs each in a fresh
// Chromium; prints per page the median of the four scores (performance, accessibility, best
// practices, SEO) and of FCP, LCP, TBT and CLS, and the audits that kept a score under 100 in
// any run. It measures; it does not fail on the figures (the targets are in the README).
//
// Usage: npm run lighthouse (builds, then measures), or node scripts/lighthouse.mjs [--runs 5]
// [--dist dist] [--port 4436] after a build. Chromium: CHROME_PATH, else /usr/bin/chromium.
import { existsSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { MEASURED_PAGES } from './pages.mjs';
import { arg, systemChromium } from './options.mjs';
import { servePreview } from './serve.mjs';

const RUNS = Number(arg('runs', 5));
const dist = arg('dist', 'dist');
const port = Number(arg('port', process.env.LIGHTHOUSE_PORT ?? 4436));
const HARD_LIMIT_MS = 20 * 60_000;

const CATEGORIES = [
  ['performance', 'perf'],
  ['accessibility', 'a11y'],
  ['best-practices', 'best'],
  ['seo', 'seo'],
];
const METRICS = [
  ['first-contentful-paint', 'FCP', (v) => `${Math.round(v)} ms`],
  ['largest-contentful-paint', 'LCP', (v) => `${Math.round(v)} ms`],
  ['total-blocking-time', 'TBT', (v) => `${Math.round(v)} ms`],
  ['cumulative-layout-shift', 'CLS', (v) => v.toFixed(3)],
];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function chromePath() {
  const path = [process.env.CHROME_PATH].find((p) => p && existsSync(p)) ?? systemChromium();
  if (!path) throw new Error('no Chromium: set CHROME_PATH');
  return path;
}

let chrome = null;
let server = null;

async function run(url) {
  chrome = await chromeLauncher.launch({
    chromePath: chromePath(),
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: CATEGORIES.map(([id]) => id),
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    return result.lhr;
  } finally {
    await chrome.kill();
    chrome = null;
  }
}

async function main() {
  if (!existsSync(`${dist}/index.html`))
    throw new Error(`no ${dist}/index.html: run vite build first (npm run lighthouse does)`);
  server = await servePreview({ outDir: dist, port });
  const rows = [];
  let version = '?';
  try {
    for (const entry of MEASURED_PAGES) {
      const lhrs = [];
      for (let i = 0; i < RUNS; i++) {
        const lhr = await run(server.url + entry.path);
        if (lhr.runtimeError) throw new Error(`${entry.path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        lhrs.push(lhr);
        version = lhr.lighthouseVersion;
        const perf = Math.round((lhr.categories.performance.score ?? 0) * 100);
        process.stderr.write(`  ${entry.name} run ${i + 1}/${RUNS}: performance ${perf}\n`);
      }
      const scores = CATEGORIES.map(([id]) => median(lhrs.map((l) => Math.round((l.categories[id].score ?? 0) * 100))));
      const metrics = METRICS.map(([id]) => median(lhrs.map((l) => l.audits[id].numericValue ?? NaN)));
      const perfRange = lhrs.map((l) => Math.round((l.categories.performance.score ?? 0) * 100));
      const weak = new Map();
      for (const l of lhrs)
        for (const [id] of CATEGORIES)
          for (const ref of l.categories[id].auditRefs) {
            const a = l.audits[ref.id];
            if (ref.weight > 0 && a.score !== null && a.score < 1) weak.set(ref.id, `${id}: ${a.title}`);
          }
      rows.push({ entry, scores, metrics, perfRange, weak });
    }
  } finally {
    await server.stop();
  }

  console.log(`\nLighthouse ${version}, mobile preset, median of ${RUNS} runs per page:`);
  console.log(
    `  ${'page'.padEnd(12)} ${CATEGORIES.map(([, s]) => s.padStart(5)).join('')}  ${METRICS.map(([, n]) => n.padStart(9)).join('')}   perf per run`,
  );
  for (const { entry, scores, metrics, perfRange } of rows)
    console.log(
      `  ${entry.name.padEnd(12)} ${scores.map((s) => String(s).padStart(5)).join('')}  ${metrics
        .map((v, i) => METRICS[i][2](v).padStart(9))
        .join('')}   ${perfRange.join(' ')}`,
    );
  for (const { entry, weak } of rows)
    if (weak.size > 0)
      console.log(`\n  ${entry.name}, under 100 in some run:\n${[...weak.values()].map((w) => `    ${w}`).join('\n')}`);
}

const hard = setTimeout(() => {
  console.error(`lighthouse: gave up after ${HARD_LIMIT_MS / 60_000} min`);
  const exit = () => process.exit(2);
  Promise.all([chrome?.kill(), server?.stop()]).then(exit, exit);
}, HARD_LIMIT_MS);
main().then(
  () => {
    clearTimeout(hard);
    process.exit(0);
  },
  async (err) => {
    clearTimeout(hard);
    console.error(`lighthouse: ${err.message}`);
    await Promise.allSettled([chrome?.kill(), server?.stop()]);
    process.exit(1);
  },
);
