import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { analogyView } from '../src/store/analogy';
import { ms } from '../src/store/format';
import { expect, test } from './fixtures';

const verdict = (page: Page) => page.getByTestId('analogy-verdict');

test('the analogy page shows both totals, the pool’s smaller', async ({ lab, page }) => {
  await lab.open('?level=analogy');
  await expect(page.getByRole('heading', { level: 1, name: 'The library analogy' })).toBeVisible();
  const [without, withPool] = analogyView(8).sides;
  await expect(verdict(page)).toContainText(
    `Without a pool: ${ms(without.totalMs)}, with a pool: ${ms(withPool.totalMs)}`,
  );
  await expect(page.getByTestId('withoutPool-total')).toHaveText(ms(without.totalMs));
  await expect(page.getByTestId('withPool-total')).toHaveText(ms(withPool.totalMs));
  expect(withPool.totalMs).toBeLessThan(without.totalMs);
});

test('changing the readers reruns both sides; a bad value gets a message and changes nothing', async ({
  lab,
  page,
}) => {
  await lab.open('?level=analogy');
  const field = page.getByRole('textbox', { name: 'How many readers come' });
  await field.fill('20');
  const twenty = analogyView(20).sides;
  await expect(verdict(page)).toContainText(
    `Without a pool: ${ms(twenty[0].totalMs)}, with a pool: ${ms(twenty[1].totalMs)}`,
  );

  await field.fill('0');
  await expect(page.getByRole('alert')).toContainText('At least one reader');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(verdict(page)).toContainText(ms(twenty[0].totalMs));

  await field.fill('many');
  await expect(page.getByRole('alert')).toContainText('not a number');
  await field.fill('3');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(verdict(page)).toContainText(ms(analogyView(3).sides[0].totalMs));
});

test('each side steps through what happened, one sentence a moment', async ({ lab, page }) => {
  await lab.open('?level=analogy');
  const side = page.getByRole('region', { name: 'Without a pool' });
  const frames = analogyView(8).sides[0].frames;
  await expect(side.getByText(frames[0]!.text)).toBeVisible();
  await expect(side.getByRole('button', { name: 'Previous moment, without a pool' })).toBeDisabled();
  await side.getByRole('button', { name: 'Next moment, without a pool' }).click();
  await expect(side.getByText(frames[1]!.text)).toBeVisible();
  await side.getByRole('button', { name: 'Last moment, without a pool' }).click();
  await expect(side.getByText(`Moment ${frames.length} of ${frames.length}`)).toBeVisible();
  await expect(side.getByText(frames.at(-1)!.text)).toBeVisible();
  await expect(side.getByRole('button', { name: 'Next moment, without a pool' })).toBeDisabled();
  // The other side keeps its own place.
  const other = page.getByRole('region', { name: 'With a pool' });
  await expect(other.getByText(/^Moment 1 of/)).toBeVisible();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the analogy page passes axe in ${colorScheme}`, async ({ lab, page }) => {
    await page.emulateMedia({ colorScheme });
    await lab.open('?level=analogy');
    await page.getByRole('textbox', { name: 'How many readers come' }).fill('x');
    await expect(page.getByRole('alert')).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('the analogy page works at 360 px wide', async ({ lab, page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await lab.open('?level=analogy');
  await expect(verdict(page)).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
