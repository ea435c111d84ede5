#!/usr/bin/env node
// The README's pictures, taken from the built app as a learner sees it: Level 2 with its story
// "More readers than books" stopped at the moment Reader C is refused, at 1440×1400 in light and
// dark, and the same at 360 px on a phone, from the scene down. Usage: npm run build first, then
// node scripts/screenshots.mjs [--dist dist] [--port 4437]; writes docs/screenshot*.png.
import { chromium } from '@playwright/test';
import { arg, systemChromium } from './options.mjs';
import { servePreview } from './serve.mjs';

const dist = arg('dist', 'dist');
const port = Number(arg('port', 4437));
const executablePath = systemChromium();

const SHOTS = [
  { file: 'docs/screenshot.png', viewport: { width: 1440, height: 1400 }, colorScheme: 'light' },
  { file: 'docs/screenshot-dark.png', viewport: { width: 1440, height: 1400 }, colorScheme: 'dark' },
  // On a phone the lesson comes first: the picture starts at the scene.
  { file: 'docs/screenshot-phone.png', viewport: { width: 360, height: 1400 }, colorScheme: 'light', scene: true },
];

const server = await servePreview({ outDir: dist, port });
const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ['--no-sandbox'] });
try {
  for (const shot of SHOTS) {
    const page = await browser.newPage({
      viewport: shot.viewport,
      colorScheme: shot.colorScheme,
      reducedMotion: 'reduce',
    });
    // The moment Reader C asks and is refused: a link to it, as a teacher would share.
    await page.goto(`${server.url}/level-2/?scenario=exhaustion-level2&step=14`);
    await page.waitForFunction(() => 'hydrated' in document.documentElement.dataset);
    if (shot.scene) await page.evaluate(() => document.querySelector('.scene')?.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: shot.file });
    console.log(`wrote ${shot.file}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
