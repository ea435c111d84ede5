/**
 * The built lab runs under its Content-Security-Policy (csp.config.ts) without a single violation:
 * every page of the path opens, a story plays, the production page switches a fix, and the load
 * lab runs its worker. A violation is caught twice: by the page's securitypolicyviolation event
 * and by the console error Chromium logs for it (the fixtures fail any test with console errors).
 */
import type { Page } from '@playwright/test';
import { CSP_DIRECTIVES } from '../csp.config';
import { expect, test } from './fixtures';

async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`),
    );
  });
  return () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

test('the built page carries the policy in a meta tag', async ({ page }) => {
  await page.goto('/');
  const content = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  for (const [name, value] of Object.entries(CSP_DIRECTIVES)) expect(content).toContain(`${name} ${value}`);
  expect(content).not.toContain('unsafe-inline');
  expect(content).not.toContain('unsafe-eval');
});

test('the policy is enforced: an inline script is refused and reported', async ({ page }) => {
  const violations = await watchViolations(page);
  // The fixture fails on console errors; this test expects exactly Chromium's refusal message.
  page.removeAllListeners('console');
  await page.goto('/');
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__ranInline = true';
    document.body.append(s);
  });
  await expect.poll(violations).toEqual([expect.stringMatching(/^script-src/)]);
  expect(await page.evaluate(() => (window as unknown as { __ranInline?: boolean }).__ranInline)).toBeUndefined();
});

test('every page of the path, a story, a switch and a load run cause no violation', async ({ page, lab }) => {
  const violations = await watchViolations(page);
  for (const id of ['analogy', 'level1', 'level2', 'level3', 'level4', 'database']) {
    await lab.open(`?level=${id}`);
    expect(await violations(), id).toEqual([]);
  }
  await lab.level('level2');
  await lab.playStory('A dirty book');
  await lab.open('?level=production');
  await page.getByRole('switch').first().click();
  await lab.open('?level=load');
  const form = page.getByRole('form', { name: 'Load' });
  await form.getByLabel('Arrivals', { exact: true }).fill('2000');
  await form.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Finished in' })).toBeVisible();
  expect(await violations()).toEqual([]);
});
