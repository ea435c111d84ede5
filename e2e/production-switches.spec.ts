/**
 * The production page's switchboard: for each of the text's six rows, switching its fix off and
 * running its scenario shows the problem; switching the fix back on re-runs the same scenario and
 * the problem is gone. The code panel strikes through the lines of a fix that is off.
 */
import type { Locator, Page } from '@playwright/test';
import { productionBeats } from './beats';
import { expect, test } from './fixtures';

async function openProduction(page: Page) {
  await page.goto('/?level=production');
  await expect(page.getByRole('heading', { level: 1, name: 'The production pool' })).toBeVisible();
}

const run = (page: Page): Locator => page.getByRole('region', { name: 'The run' });
const sw = (page: Page, name: string) => page.getByRole('switch', { name, exact: true });
const warning = (page: Page, kind: string) => run(page).locator(`[data-warning="${kind}"]`);

/** Choose a story: it plays from its start, and the checks that follow are about its end. */
async function scenario(page: Page, label: string) {
  await page.getByRole('button', { name: label, exact: true }).click();
  await expect(page.getByRole('button', { name: label, exact: true })).toHaveAttribute('aria-pressed', 'true');
  await run(page).getByRole('button', { name: 'Jump to end' }).click();
}

test('each fix is a switch, on by default', async ({ page }) => {
  await openProduction(page);
  for (const name of ['Max size', 'Thread safety', 'Reset', 'Validation', 'Timeout', 'Cleanup']) {
    await expect(sw(page, name)).toHaveAttribute('aria-checked', 'true');
  }
});

test('max size off: the pool grows without bound, and the gauge shows it', async ({ page }) => {
  await openProduction(page);
  await scenario(page, 'The pool grows without bound');
  const meter = run(page).getByRole('meter', { name: 'Open connections (memory)' });
  await expect(meter).toHaveAttribute('aria-valuenow', '3');
  await sw(page, 'Max size').click();
  await expect(sw(page, 'Max size')).toHaveAttribute('aria-checked', 'false');
  await expect(meter).toHaveAttribute('aria-valuenow', '8');
  await expect(run(page).getByText('5 past the maximum')).toBeVisible();
  await expect(warning(page, 'unbounded-growth').first()).toBeVisible();
  await sw(page, 'Max size').click();
  await expect(meter).toHaveAttribute('aria-valuenow', '3');
  await expect(warning(page, 'unbounded-growth')).toHaveCount(0);
});

test('thread safety off: two readers get the same book; back on, each gets its own', async ({ page }) => {
  await openProduction(page);
  await scenario(page, 'Two readers get the same book');
  const ledger = run(page).getByRole('region', { name: 'Borrower ledger' });
  await sw(page, 'Thread safety').click();
  await expect(warning(page, 'shared-object')).toBeVisible();
  await expect(ledger.locator('tr[data-object="2"]')).toHaveCount(2);
  await sw(page, 'Thread safety').click();
  await expect(warning(page, 'shared-object')).toHaveCount(0);
  await expect(ledger.locator('tr[data-object="2"]')).toHaveCount(1);
  await expect(ledger.locator('tr[data-object="1"]')).toHaveCount(1);
});

test('thread safety off: each counter copy of the shared connection shows its own reader’s check', async ({ page }) => {
  const { beats, sentences } = productionBeats('production-race-same-book', ['lock']);
  const k = sentences.findIndex((s) => s.startsWith('Connection 2 passed the check for Reader A'));
  expect(k).toBeGreaterThan(0);
  await page.goto(`/?level=production&scenario=same-book&off=lock&step=${beats[k]!.last}`);
  await expect(run(page).getByTestId('narration')).toHaveText(sentences[k]!);
  const counter = run(page).getByRole('group', { name: 'Counter', exact: true });
  const copy = (reader: string) => counter.locator('[data-object="2"]').filter({ hasText: `for Reader ${reader}` });
  // A's check has passed; B's, on the same connection, is still running.
  await expect(copy('A')).toHaveCount(1);
  await expect(copy('A').locator('.book__work')).toHaveCount(0);
  await expect(copy('B').locator('.book__work')).toHaveText('SELECT 1 — is it alive?');
  // A moment earlier both checks ran, and both copies said so.
  await run(page).getByRole('button', { name: 'Step back', exact: true }).click();
  await expect(counter.locator('[data-object="2"] .book__work')).toHaveText([
    'SELECT 1 — is it alive?',
    'SELECT 1 — is it alive?',
  ]);
});

test('thread safety off: a burst creates past the maximum', async ({ page }) => {
  await openProduction(page);
  await scenario(page, 'Creating past the maximum');
  await sw(page, 'Thread safety').click();
  await expect(warning(page, 'over-max').first()).toBeVisible();
  await expect(run(page).getByRole('meter', { name: 'Open connections (memory)' })).toHaveAttribute(
    'aria-valuenow',
    '4',
  );
  await sw(page, 'Thread safety').click();
  await expect(warning(page, 'over-max')).toHaveCount(0);
  await expect(run(page).getByRole('meter', { name: 'Open connections (memory)' })).toHaveAttribute(
    'aria-valuenow',
    '2',
  );
});

test('reset off: a dirty book reaches the next reader', async ({ page }) => {
  await openProduction(page);
  await scenario(page, 'A dirty book');
  await expect(warning(page, 'dirty-read')).toHaveCount(0);
  await sw(page, 'Reset').click();
  await expect(warning(page, 'dirty-read')).toBeVisible();
  await sw(page, 'Reset').click();
  await expect(warning(page, 'dirty-read')).toHaveCount(0);
});

test('validation off: a dead connection is handed out', async ({ page }) => {
  await openProduction(page);
  await scenario(page, 'A dead connection handed out');
  await sw(page, 'Validation').click();
  await expect(warning(page, 'dead-handout')).toBeVisible();
  await sw(page, 'Validation').click();
  await expect(warning(page, 'dead-handout')).toHaveCount(0);
});

test('timeout off: a reader waits for ever while the clock runs; back on, it gives up', async ({ page }) => {
  await openProduction(page);
  await scenario(page, 'A reader waits for ever');
  const line = run(page).getByRole('region', { name: 'Waiting in line' });
  await expect(line.locator('[data-gave-up="B"]')).toBeVisible();
  await sw(page, 'Timeout').click();
  const forever = line.locator('[data-forever="yes"]');
  await expect(forever).toBeVisible();
  await expect(line.locator('[data-reader="B"]')).toContainText('no timeout');
  const clock = forever.locator('.prod-forever__clock');
  const first = Number.parseFloat((await clock.innerText()).replace(/[^\d.]/g, ''));
  const waited = await line.locator('[data-reader="B"]').innerText();
  await expect
    .poll(async () => Number.parseFloat((await clock.innerText()).replace(/[^\d.]/g, '')))
    .toBeGreaterThan(first);
  // Only the clock past the end of the timeline runs: the wait shown, like the scene's clock, stays
  // where the run ends.
  await expect(forever).toContainText('The timeline ends at');
  await expect(line.locator('[data-reader="B"]')).toHaveText(waited);
  await expect(warning(page, 'waiting-forever')).toBeVisible();
  await sw(page, 'Timeout').click();
  await expect(forever).toHaveCount(0);
  await expect(line.locator('[data-gave-up="B"]')).toBeVisible();
});

test('cleanup off: objects are never closed after shutdown', async ({ page }) => {
  await openProduction(page);
  await scenario(page, 'Objects never closed after shutdown');
  const handles = run(page).locator('[data-handles]');
  await expect(handles).toHaveAttribute('data-handles', '0');
  await sw(page, 'Cleanup').click();
  await expect(handles).toHaveAttribute('data-handles', '2');
  await expect(handles).toContainText('not back to 0');
  await expect(warning(page, 'open-after-close')).toBeVisible();
  await sw(page, 'Cleanup').click();
  await expect(handles).toHaveAttribute('data-handles', '0');
});

test('the code panel strikes through the lines of a fix that is off', async ({ page }) => {
  await openProduction(page);
  const code = page.getByRole('region', { name: 'The code' });
  await expect(code.locator('[data-off="yes"]')).toHaveCount(0);
  await sw(page, 'Validation').click();
  const struck = code.locator('[data-off="yes"]');
  await expect(struck.first()).toBeVisible();
  expect(await struck.count()).toBeGreaterThan(0);
  for (const fix of await struck.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-fix'))))
    expect(fix).toContain('validate');
  await expect(struck.first()).toContainText('skipped: validate off');
  await sw(page, 'Validation').click();
  await expect(code.locator('[data-off="yes"]')).toHaveCount(0);
});
