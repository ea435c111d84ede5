#!/usr/bin/env node
// Runs the Playwright tests with a browser that works here. In order: Playwright's own Chromium
// if it is installed; CHROMIUM_PATH; /usr/bin/chromium. With none, it sets one up: Playwright's
// download where the network allows, Debian's chromium through apt-get where we are root; failing
// both, it stops with one message saying what to run.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { systemChromium } from './options.mjs';

function playwrightsOwn() {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function tryRun(cmd, args) {
  try {
    execFileSync(cmd, args, { stdio: 'inherit' });
    return true;
  } catch {
    return false;
  }
}

const env = { ...process.env };
let own = playwrightsOwn();
let system = own ? null : systemChromium();
if (!own && !system) {
  console.log('e2e: no browser found; trying to install one');
  if (tryRun('npx', ['playwright', 'install', 'chromium'])) own = playwrightsOwn();
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (
    !own &&
    isRoot &&
    tryRun('apt-get', ['update', '-qq']) &&
    tryRun('apt-get', ['install', '-y', '-qq', 'chromium'])
  ) {
    system = systemChromium();
  }
}
if (own) delete env.CHROMIUM_PATH;
else if (system) env.CHROMIUM_PATH = system;
else {
  console.error(
    'e2e: no Chromium to test with. Install one, then run npm test again:\n' +
      '  npx playwright install chromium        (where the network allows)\n' +
      '  sudo apt-get install chromium          (Debian/Ubuntu; or set CHROMIUM_PATH to any Chromium)',
  );
  process.exit(1);
}
const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
