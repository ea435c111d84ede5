import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

test('the acquire flow lights the refusal at the end of the exhaustion story', async ({ lab, page }) => {
  await lab.open('?level=level2&scenario=exhaustion-level2');
  await lab.key('End');
  await lab.unfold('Acquire flow');
  const chart = page.getByRole('img', { name: 'How acquire decides on this level' });
  await expect(chart).toBeVisible();
  await expect(page.locator('.flowchart figcaption')).toHaveText('Now: Refuse: pool exhausted');
  await expect(page.locator('.flowchart')).toHaveAttribute('data-lit', 'refuse');
  // At the start, before any reader asks, nothing is lit.
  await lab.key('Home');
  await expect(page.locator('.flowchart figcaption')).toHaveText('Not inside an acquire at this moment.');
});

test('the database flow has the validation loop, and the metrics chart has a text alternative', async ({
  lab,
  page,
}) => {
  await lab.open('?level=database&scenario=restart-database');
  await lab.key('End');
  await lab.unfold('Acquire flow');
  await lab.unfold('Metrics');
  const flow = page.locator('.flowchart');
  await expect(flow.locator('[data-node="alive"]')).toContainText('Still alive? (SELECT 1)');
  await expect(flow.locator('[data-node="discard"]')).toContainText('Close it, try the next');
  const chart = page.getByRole('img', {
    name: 'On the shelf, the pool’s count, readers’ hands and created, over virtual time',
  });
  await expect(chart).toBeVisible();
  await expect(page.locator('.mchart figcaption')).toContainText('3 created');
  await page.getByText('The chart as a table').click();
  await expect(page.getByRole('region', { name: "The chart's figures" }).getByRole('table')).toBeVisible();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the flow and metrics charts pass axe in ${colorScheme}`, async ({ lab, page }) => {
    await page.emulateMedia({ colorScheme });
    await lab.open('?level=database&scenario=restart-database&step=24');
    await lab.unfold('Acquire flow');
    await lab.unfold('Metrics');
    await expect(page.locator('.flowchart figcaption')).toHaveText('Now: Open a new connection');
    await expect(page.locator('.mchart svg')).toBeVisible();
    await page.getByText('The chart as a table').click();
    const results = await new AxeBuilder({ page }).include('.flowchart').include('.mchart').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
