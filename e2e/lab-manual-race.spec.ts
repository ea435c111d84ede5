/**
 * Manual mode's "same instant": actions pressed while it is on start together, so a learner can
 * make the database pool's race by hand (four acquires at once, maxSize 2, four connections).
 */
import { callout } from '../src/store/callouts';
import { expect, test } from './fixtures';

test('database: four acquires at the same instant open more connections than the maximum', async ({ lab, page }) => {
  await lab.level('database');
  await lab.unfold('Try it yourself');
  await page.getByLabel('Most allowed (maxSize)').fill('2');
  await expect(lab.stage.locator('[data-counter="created"]')).toHaveText('2');
  await lab.addReaders(4);

  const together = page.getByRole('checkbox', { name: 'Same instant: the next actions start together' });
  await together.check();
  await expect(together).toBeChecked();
  await expect(
    page.getByRole('status').filter({ hasText: /Actions now start together at t = \d+(\.\d)? ms/ }),
  ).toBeVisible();

  for (const r of ['A', 'B', 'C', 'D']) await lab.act(r, 'Acquire');

  await expect(page.getByText('4 steps so far')).toBeVisible();
  await expect(lab.warnings.locator('[data-warning="over-max"]').first()).toContainText(
    callout('over-max', 'database').title,
  );
  await expect(lab.stage.locator('[data-counter="created"]')).toHaveText('4');
  await expect(lab.stage.locator('[data-counter="pool-count"]')).toHaveText('4');
});

test('database: the same four acquires one after another stop at the maximum', async ({ lab, page }) => {
  await lab.level('database');
  await lab.unfold('Try it yourself');
  await page.getByLabel('Most allowed (maxSize)').fill('2');
  await lab.addReaders(4);
  await expect(page.getByRole('checkbox', { name: 'Same instant: the next actions start together' })).not.toBeChecked();
  await expect(
    page.getByRole('status').filter({ hasText: 'Off: each action starts when the one before it has finished.' }),
  ).toBeVisible();

  for (const r of ['A', 'B', 'C', 'D']) await lab.act(r, 'Acquire');

  await expect(page.getByText('4 steps so far')).toBeVisible();
  await expect(lab.warnings.locator('[data-warning="exhausted"]').first()).toContainText(
    callout('exhausted', 'database').title,
  );
  await expect(lab.warnings.locator('[data-warning="over-max"]')).toHaveCount(0);
  await expect(lab.stage.locator('[data-counter="created"]')).toHaveText('2');
});
