#!/usr/bin/env node
// What the browser fetches, per page: each page of scripts/pages.mjs opened in Chromium (service
// workers blocked) on the built app until the network is idle; every script and stylesheet it
// fetched, gzipped by Node's zlib at level 9 (what a server precompressing its files would send),
// printed per file, with the totals. Exits non-zero when a page's JavaScript is over its budget
// (scripts/pages.mjs; KiB = 1,024 bytes).
//
// Usage: npm run size (builds, then measures), or node scripts/size.mjs [--dist dist] [--port 4435]
// after a build. Needs Chromium: CHROMIUM_PATH, else /usr/bin/chromium, else Playwright's own.
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { MEASURED_PAGES } from './pages.mjs';
import { arg, systemChromium } from './options.mjs';
import { servePreview } from './serve.mjs';

const dist = arg('dist', 'dist');
const port = Number(arg('port', process.env.SIZE_PORT ?? 4435));
const HARD_LIMIT_MS = 4 * 60_000;

const kib = (n) => (n / 1024).toFixed(1);
const gz = (buf) => gzipSync(buf, { level: 9 }).length;

/** Every script and stylesheet the page fetched until the network was idle, with the document. */
async function measure(browser, url) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const pending = [];
  page.on('response', (res) => {
    const type = res.request().resourceType();
    if (type !== 'script' && type !== 'stylesheet' && type !== 'document') return;
    pending.push(
      res.body().then(
        (body) => ({ kind: type === 'script' ? 'js' : type === 'stylesheet' ? 'css' : 'html', url: res.url(), body }),
        () => null,
      ),
    );
  });
  try {
    const res = await page.goto(url, { waitUntil: 'networkidle', timeout: 60_000 });
    if (!res || res.status() !== 200) throw new Error(`${url} answered ${res?.status() ?? 'nothing'}`);
    const files = (await Promise.all(pending)).filter((f) => f !== null);
    return files.map((f) => ({ ...f, raw: f.body.length, gzip: gz(f.body) }));
  } finally {
    await context.close();
  }
}

function printPage(entry, files) {
  const name = (u) => new URL(u).pathname + new URL(u).search;
  console.log(`\n${entry.name}  ${entry.path}`);
  const order = { js: 0, css: 1, html: 2 };
  for (const f of files.sort((a, b) => order[a.kind] - order[b.kind] || b.gzip - a.gzip))
    console.log(
      `  ${f.kind.padEnd(4)} ${name(f.url).padEnd(48)} ${kib(f.raw).padStart(7)} KiB ${kib(f.gzip).padStart(7)} KiB gzip`,
    );
  const total = (kind) => files.filter((f) => f.kind === kind).reduce((s, f) => s + f.gzip, 0);
  const js = total('js');
  const over = js > entry.jsBudgetKiB * 1024;
  console.log(
    `  JS ${kib(js)} KiB gzip (budget ${entry.jsBudgetKiB} KiB${over ? `: OVER by ${kib(js - entry.jsBudgetKiB * 1024)} KiB` : ''}), ` +
      `CSS ${kib(total('css'))} KiB, HTML ${kib(total('html'))} KiB`,
  );
  return { name: entry.name, js, css: total('css'), html: total('html'), over };
}

let server = null;

async function main() {
  if (!existsSync(`${dist}/index.html`))
    throw new Error(`no ${dist}/index.html: run vite build first (npm run size does)`);
  server = await servePreview({ outDir: dist, port });
  let browser;
  try {
    browser = await chromium.launch({ executablePath: systemChromium(), args: ['--no-sandbox', '--disable-gpu'] });
    const results = [];
    for (const entry of MEASURED_PAGES) results.push(printPage(entry, await measure(browser, server.url + entry.path)));
    console.log('\nJavaScript fetched until network idle (gzip level 9, KiB = 1,024 bytes):');
    for (const r of results)
      console.log(
        `  ${r.name.padEnd(12)} JS ${kib(r.js).padStart(6)} KiB  CSS ${kib(r.css).padStart(5)} KiB  ${r.over ? 'OVER BUDGET' : 'ok'}`,
      );
    return results.some((r) => r.over) ? 1 : 0;
  } finally {
    await browser?.close();
    await server.stop();
  }
}

const hard = setTimeout(() => {
  console.error(`size: gave up after ${HARD_LIMIT_MS / 1000} s`);
  const exit = () => process.exit(2);
  (server ? server.stop() : Promise.resolve()).then(exit, exit);
}, HARD_LIMIT_MS);
main().then(
  (code) => {
    clearTimeout(hard);
    process.exit(code);
  },
  (err) => {
    clearTimeout(hard);
    console.error(`size: ${err.message}`);
    process.exit(1);
  },
);
