import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests against the built app (vite preview), on a port of our own so that
 * reuseExistingServer never picks up somebody else's server. `npm run test:e2e` (scripts/e2e.mjs)
 * finds a browser and passes it in CHROMIUM_PATH; with none, Playwright's own Chromium is used.
 */
const port = Number(process.env.E2E_PORT ?? 4317);
const executablePath = process.env.CHROMIUM_PATH || undefined;
const outDir = `node_modules/.e2e/dist-${port}`;

export default defineConfig({
  testDir: 'e2e',
  outputDir: `test-results/e2e-${port}`,
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // An axe pass over a busy level page in light and dark takes ~10 s on a quiet 2-core machine and
  // three times that on a loaded one: the limit catches hangs, not slowness.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    reducedMotion: 'reduce',
    trace: 'off',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        ...(executablePath ? {} : { channel: 'chromium' }),
        launchOptions: {
          ...(executablePath ? { executablePath } : {}),
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: {
    // A build directory per port: helpers sharing one work tree must not empty each other's dist/.
    command: `npx vite build --logLevel warn --outDir ${outDir} --emptyOutDir && npx vite preview --outDir ${outDir} --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 180_000,
  },
});
