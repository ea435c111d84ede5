import { expect, test } from './fixtures';

test('the page opens at the start of the path without console errors', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('link', { name: /Pool Lab/ })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Learning path' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Learning path' }).locator('[aria-current="page"]')).toHaveCount(1);
});
