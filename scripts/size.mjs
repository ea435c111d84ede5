#!/usr/bin/env node
// First-load JavaScript, gzipped: the entry chunk named in dist/index.html and every chunk it
// imports statically (lazy `import()` chunks are left out: they load only when needed).
// Run after `vite build` (`npm run size` does both). Prints the figures and exits non-zero when
// the total is over the budget. Usage: node scripts/size.mjs [distDir] [--budget KB]
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const budgetAt = args.indexOf('--budget');
const budgetKb = budgetAt >= 0 ? Number(args[budgetAt + 1]) : 150;
const dist = resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--budget') ?? 'dist');

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const entries = [...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)].map((m) => m[1]);
const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1]);
const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1]);
if (entries.length === 0) {
  console.error(`size: no module entry in ${join(dist, 'index.html')}; run vite build first`);
  process.exit(1);
}

const fileOf = (url) => join(dist, url.replace(/^\//, ''));
const seen = new Set();
const queue = [...entries, ...preloads].map(fileOf);
// Static imports only: `import … from "./x.js"`, `import "./x.js"`, `export … from "./x.js"`.
const staticImport = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*${}\s,]+from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;
while (queue.length > 0) {
  const file = queue.shift();
  if (seen.has(file)) continue;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const m of code.matchAll(staticImport)) queue.push(resolve(dirname(file), m[1]));
}

const kb = (n) => (n / 1024).toFixed(1);
let raw = 0;
let gz = 0;
const rows = [];
for (const file of seen) {
  const buf = readFileSync(file);
  const g = gzipSync(buf).length;
  raw += buf.length;
  gz += g;
  rows.push([file.slice(dist.length + 1), buf.length, g]);
}
let cssGz = 0;
for (const url of css) cssGz += gzipSync(readFileSync(fileOf(url))).length;

for (const [name, r, g] of rows.sort((a, b) => b[2] - a[2]))
  console.log(`  ${name.padEnd(44)} ${kb(r).padStart(7)} KB  ${kb(g).padStart(6)} KB gzip`);
console.log(
  `first-load JS: ${kb(gz)} KB gzip (${kb(raw)} KB raw, ${rows.length} file${rows.length === 1 ? '' : 's'}); budget ${budgetKb} KB (1 KB = 1024 bytes)`,
);
console.log(`first-load CSS: ${kb(cssGz)} KB gzip`);
if (gz / 1024 > budgetKb) {
  console.error(`size: over budget by ${kb(gz - budgetKb * 1024)} KB`);
  process.exit(1);
}
