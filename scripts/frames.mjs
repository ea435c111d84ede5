#!/usr/bin/env node
// Smoothness of playback, measured (not a timed test): build the app, serve it, open the busiest
// story (the one with the most events) in headless Chromium, play it at 8× from the start, and
// collect every requestAnimationFrame interval and every long task (PerformanceObserver) until
// it ends. Prints the % of dropped frames (an interval over 1.5× the median) and the longest task.
// Usage: node scripts/frames.mjs [--port 4390] [--runs 3] [--no-build] [--root DIR]
// --root measures another checkout (built and served from DIR, with its own node_modules), so that a
// change can be compared side by side with the commit before it on the same machine:
//   git worktree add ../base <commit>; for i in 1 2 3; do
//     node scripts/frames.mjs --root ../base --runs 1; node scripts/frames.mjs --runs 1; done
import { execFileSync, spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { arg, flag, systemChromium } from './options.mjs';

const port = Number(arg('port', process.env.FRAMES_PORT ?? 4390));
const runs = Number(arg('runs', 3));
const root = arg('root', '.');
const outDir = 'node_modules/.frames/dist';
const executablePath = systemChromium();

if (!flag('no-build'))
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], {
    stdio: 'inherit',
    cwd: root,
  });
const server = spawn(
  'npx',
  ['vite', 'preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
  { stdio: 'ignore', detached: true, cwd: root },
);
const stop = () => {
  try {
    process.kill(-server.pid);
  } catch {
    /* already gone */
  }
};
process.on('exit', stop);

const base = `http://127.0.0.1:${port}`;
for (let i = 0; ; i++) {
  try {
    if ((await fetch(base)).ok) break;
  } catch {
    /* not yet */
  }
  if (i > 100) throw new Error(`no server on ${base}`);
  await new Promise((r) => setTimeout(r, 200));
}

const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, reducedMotion: 'no-preference' });
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));

// Open a page and wait until its code has taken it over: a prerendered page (this checkout's) is
// inert until it has hydrated (App.tsx marks <html data-hydrated>), and a choice made on it before
// then (the speed) would be lost; a lab level with no link words waits for the learner's first key
// (wake.ts: <html data-asleep>). An older checkout draws its page in the browser.
const prerendered = /<div id="root">\s*<[^/]/.test(await (await fetch(base)).text());
async function open(url) {
  await page.goto(url);
  if (!prerendered) return;
  await page.waitForFunction(() => ['hydrated', 'asleep'].some((k) => k in document.documentElement.dataset));
  if (await page.evaluate(() => 'asleep' in document.documentElement.dataset)) await page.keyboard.press('Shift');
  await page.waitForFunction(() => 'hydrated' in document.documentElement.dataset);
}

// Find the busiest story: open each lab level, play each story to its end, read its length in
// moments (beats; events when "line by line" is on).
const levels = ['level1', 'level2', 'level3', 'level4', 'database'];
let busiest = null;
for (const level of levels) {
  await open(`${base}/?level=${level}`);
  const buttons = page.getByRole('group', { name: /Scenarios/ }).getByRole('button');
  const n = await buttons.count();
  for (let i = 0; i < n; i++) {
    const title = (await buttons.nth(i).innerText()).trim();
    await buttons.nth(i).click();
    await page.locator('body').press('End');
    const url = new URL(page.url());
    const text = await page.locator('.narration__meta').innerText();
    const moments = Number(/of (\d+)/.exec(text)?.[1] ?? 0) + 1;
    if (!busiest || moments > busiest.moments)
      busiest = { level, title, story: url.searchParams.get('scenario'), moments };
  }
}
console.log(`busiest story: ${busiest.title} (${busiest.level}, ${busiest.moments} moments)`);

const results = [];
for (let run = 0; run < runs; run++) {
  await open(`${base}/?level=${busiest.level}&scenario=${busiest.story}&step=0`);
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('8');
  await page.evaluate(() => {
    const w = window;
    w.__frames = [];
    w.__tasks = [];
    w.__stop = false;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__tasks.push(e.duration);
    }).observe({ type: 'longtask' });
    let last;
    const frame = (t) => {
      if (last !== undefined) w.__frames.push(t - last);
      last = t;
      if (!w.__stop) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  const started = Date.now();
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.getByRole('button', { name: 'Play', exact: true }).waitFor({ timeout: 120_000 });
  const ms = Date.now() - started;
  const { frames, tasks } = await page.evaluate(() => {
    window.__stop = true;
    return { frames: window.__frames, tasks: window.__tasks };
  });
  const sorted = [...frames].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const dropped = frames.filter((f) => f > 1.5 * median).length;
  results.push({
    frames: frames.length,
    median,
    dropped,
    pct: (100 * dropped) / Math.max(1, frames.length),
    longest: Math.max(0, ...tasks),
    longTasks: tasks.length,
    ms,
  });
}

for (const [i, r] of results.entries()) {
  console.log(
    `run ${i + 1}: ${r.frames} frames in ${(r.ms / 1000).toFixed(1)} s, median ${r.median.toFixed(1)} ms, dropped ${r.dropped} (${r.pct.toFixed(1)}%), long tasks ${r.longTasks}, longest ${r.longest.toFixed(0)} ms`,
  );
}
const worst = results.reduce((a, b) => (b.pct > a.pct ? b : a));
const longest = Math.max(...results.map((r) => r.longest));
console.log(
  `frames: ${worst.pct.toFixed(1)}% dropped at worst (budget 5%), longest task ${longest.toFixed(0)} ms (budget 50 ms)`,
);
if (errors.length) console.log(`page errors: ${errors.join('; ')}`);
await browser.close();
stop();
process.exit(worst.pct > 5 || longest > 50 || errors.length ? 1 : 0);
