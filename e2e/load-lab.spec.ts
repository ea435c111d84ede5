import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const form = (page: Page) => page.getByRole('form', { name: 'Load' });
const field = (page: Page, label: string) => form(page).getByLabel(label, { exact: true });
const results = (page: Page) => page.getByRole('table', { name: 'Measured and theory' });
const row = (page: Page, quantity: string) => results(page).getByRole('row', { name: new RegExp(`^${quantity}`) });

test.beforeEach(async ({ lab }) => {
  await lab.open('?level=load');
  await expect(lab.page.getByRole('heading', { name: 'Load lab', level: 1 })).toBeVisible();
});

test('a small load runs and shows measured beside Erlang B', async ({ page }) => {
  await field(page, 'Arrivals').fill('20000');
  await form(page).getByRole('button', { name: 'Run' }).click();
  await expect(results(page)).toBeVisible();
  await expect(results(page).locator('caption')).toContainText('20,000 callers');
  await expect(results(page).locator('caption')).toContainText('Erlang B');
  const refused = row(page, 'Refused at once').getByRole('cell');
  // Measured, interval, theory, deviation — theory is B(3 Erlangs, 5) = 11.0 %.
  await expect(refused.nth(0)).toHaveText(/^\d+\.\d %$/);
  await expect(refused.nth(1)).toHaveText(/%.*–.*%/);
  await expect(refused.nth(2)).toHaveText('11.0 %');
  await expect(refused.nth(3)).toHaveText(/^[+−]?\d+(\.\d)? %$/);
  await expect(page.getByRole('status').filter({ hasText: 'Finished in' })).toBeVisible();
});

test('waiting callers are measured against Erlang C, and the hockey stick gets measured points', async ({ page }) => {
  await field(page, 'Pool size (maxSize)').fill('4');
  await form(page)
    .getByRole('radio', { name: /Wait as long as it takes/ })
    .check();
  await field(page, 'Arrivals').fill('20000');
  await form(page).getByRole('button', { name: 'Run' }).click();
  await expect(results(page).locator('caption')).toContainText('Erlang C');
  await expect(row(page, 'Had to wait').getByRole('cell').nth(2)).toHaveText('50.9 %');
  await page.getByRole('button', { name: 'Measure the curve' }).click();
  await expect(page.getByRole('img', { name: /Mean wait against utilization/ }).locator('.load-measured')).toHaveCount(
    6,
  );
});

test('the advisor’s answer follows the target', async ({ page }) => {
  const advisor = page.getByRole('region', { name: 'How big should my pool be?' });
  const answer = advisor.getByRole('status', { name: 'Smallest pool' });
  await expect(answer).toHaveAttribute('data-size', '8');
  await expect(answer).toContainText('8 objects');
  await advisor.getByLabel('Refused at most (%)').fill('10');
  await expect(answer).toHaveAttribute('data-size', '6');
  await advisor.getByRole('radio', { name: /mean wait/ }).check();
  await advisor.getByLabel('Mean wait at most (ms)').fill('1');
  await expect(answer).toContainText('Erlang C gives a mean wait');
  const size = Number(await answer.getAttribute('data-size'));
  await advisor.getByLabel('Mean wait at most (ms)').fill('20');
  await expect(answer).not.toHaveAttribute('data-size', String(size));
  await advisor.getByRole('button', { name: 'Check it by measuring' }).click();
  await expect(advisor.getByText(/^Measured with 200,000 callers: mean wait/)).toBeVisible();
});

test('a long run says so before it starts, and Cancel stops it', async ({ page }) => {
  await field(page, 'Arrivals').fill('5000000');
  await expect(form(page).getByText(/This run will take about/)).toBeVisible();
  await form(page).getByRole('button', { name: 'Run' }).click();
  const progress = page.getByRole('progressbar', { name: /Running 5,000,000 arrivals/ });
  await expect(progress).toBeVisible();
  await expect(page.getByText(/of 5,000,000 arrivals/)).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Cancelled.' })).toBeVisible();
  await expect(progress).toBeHidden();
  await expect(form(page).getByRole('button', { name: 'Run' })).toBeEnabled();
  await expect(results(page)).toBeHidden();
});

test('bad input gets a plain message and no run', async ({ page }) => {
  await field(page, 'Arrivals per second').fill('0');
  await expect(form(page).getByText('The arrival rate must be above 0 a second.')).toBeVisible();
  await expect(field(page, 'Arrivals per second')).toHaveAttribute('aria-invalid', 'true');
  await expect(form(page).getByRole('button', { name: 'Run' })).toBeDisabled();
  await field(page, 'Arrivals per second').fill('50');
  await form(page)
    .getByRole('radio', { name: /Wait as long as it takes/ })
    .check();
  await expect(form(page).getByRole('alert')).toContainText('The pool cannot keep up');
  await expect(form(page).getByRole('button', { name: 'Run' })).toBeDisabled();
  await field(page, 'Pool size (maxSize)').fill('many');
  await expect(form(page).getByText('The pool size must be a number, not “many”.')).toBeVisible();
});

test('no pool against the pool, side by side', async ({ page }) => {
  await field(page, 'Arrivals').fill('20000');
  await page.getByRole('button', { name: 'Compare with no pool' }).click();
  const table = page.getByRole('table', { name: 'No pool against the pool' });
  await expect(table.getByRole('row', { name: /^Connections opened/ })).toContainText('20,000');
  await expect(
    table
      .getByRole('row', { name: /^Connections opened/ })
      .getByRole('cell')
      .nth(1),
  ).toHaveText('5');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the load lab passes axe in ${colorScheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await field(page, 'Arrivals').fill('10000');
    await field(page, 'Hold time (ms)').fill('');
    await expect(form(page).getByText('Enter the hold time.')).toBeVisible();
    await field(page, 'Hold time (ms)').fill('100');
    await form(page).getByRole('button', { name: 'Run' }).click();
    await expect(results(page)).toBeVisible();
    const axe = await new AxeBuilder({ page }).include('.load-lab').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('callers who give up are measured against M/M/c+D, by pool size too', async ({ page }) => {
  await form(page).getByRole('radio', { name: 'Wait, then give up' }).check();
  await field(page, 'Acquire timeout (ms)').fill('20');
  await field(page, 'Arrivals').fill('20000');
  await form(page).getByRole('button', { name: 'Run' }).click();
  await expect(results(page).locator('caption')).toContainText('M/M/c+D');
  await expect(row(page, 'Gave up').getByRole('cell').nth(2)).toHaveText(/^\d+\.\d+ %$/);
  await page.getByRole('button', { name: 'Measure every pool size' }).click();
  await expect(
    page.getByRole('img', { name: /who give up against pool size/ }).locator('.load-measured'),
  ).not.toHaveCount(0);
});

test('the load lab fits a 360 px screen', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await field(page, 'Arrivals').fill('10000');
  await form(page).getByRole('button', { name: 'Run' }).click();
  await expect(results(page)).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
