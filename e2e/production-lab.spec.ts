/**
 * The production page's other tools: picking who runs next produces the race on purpose; the
 * borrower ledger's jump lands on the acquire that leaked; side by side calls out the difference
 * a fix makes; and the page has no axe violations.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { productionBeats } from './beats';
import { expect, test } from './fixtures';

async function openProduction(page: Page) {
  await page.goto('/?level=production');
  await expect(page.getByRole('heading', { level: 1, name: 'The production pool' })).toBeVisible();
}

const run = (page: Page) => page.getByRole('region', { name: 'The run' });

/** Choose a story: it plays from its start, and the checks that follow are about its end. */
async function storyToItsEnd(page: Page, label: string) {
  await page.getByRole('button', { name: label, exact: true }).click();
  await run(page).getByRole('button', { name: 'Jump to end' }).click();
}

test('running B first at the moment A finishes its check makes the race, with the lock off', async ({ page }) => {
  await openProduction(page);
  await page.getByRole('button', { name: 'Pick the order yourself', exact: true }).click();
  await page.getByRole('switch', { name: 'Thread safety', exact: true }).click();
  const choice = page.getByRole('group', { name: /^Choice 1, at 102 ms/ });
  await expect(choice.getByRole('button', { name: 'Run A next' })).toHaveAttribute('aria-pressed', 'true');
  await expect(run(page).locator('[data-warning="shared-object"]')).toHaveCount(0);

  await choice.getByRole('button', { name: 'Run B next' }).click();
  await expect(choice.getByRole('button', { name: 'Run B next' })).toHaveAttribute('aria-pressed', 'true');
  // The timeline is at the moment of the choice; at the end B holds A's book and read A's note.
  await expect(page.getByTestId('narration')).toContainText('B');
  await run(page).getByRole('button', { name: 'Jump to end' }).click();
  await expect(run(page).locator('[data-warning="shared-object"]').first()).toBeAttached();
  await expect(run(page).locator('[data-warning="dirty-read"]').first()).toBeAttached();

  await choice.getByRole('button', { name: 'Let the scheduler choose' }).click();
  await expect(choice.getByRole('button', { name: 'Run A next' })).toHaveAttribute('aria-pressed', 'true');
  await run(page).getByRole('button', { name: 'Jump to end' }).click();
  await expect(run(page).locator('[data-warning="shared-object"]')).toHaveCount(0);
});

test('the production pool is narrated as a pool of connections from its first moment', async ({ page }) => {
  await openProduction(page);
  // maxSize 2 and no minSize: the pool opens with nothing made, so only the level can say what it lends.
  await page.getByRole('button', { name: 'Creating past the maximum', exact: true }).click();
  const narration = run(page).getByTestId('narration');
  await run(page).getByRole('button', { name: 'Jump to start' }).click();
  // The first beat is the pool opening, ready at once.
  await expect(narration).toHaveText(
    'The pool is ready with an empty shelf: each connection will be made when first asked for.',
  );
  // Line by line, its two events.
  await run(page).getByRole('checkbox', { name: 'Line by line' }).check();
  await run(page).getByRole('button', { name: 'Jump to start' }).click();
  await expect(narration).toHaveText('The pool opens and starts connecting to the database.');
  await run(page).getByRole('button', { name: 'Step forward' }).click();
  await expect(narration).toHaveText(
    'The pool is ready with an empty shelf: each connection will be made when first asked for.',
  );
});

test('with the lock on, no order makes the race', async ({ page }) => {
  await openProduction(page);
  await page.getByRole('button', { name: 'Pick the order yourself', exact: true }).click();
  const choice = page.getByRole('group', { name: /^Choice 1, at 102 ms/ });
  await choice.getByRole('button', { name: 'Run B next' }).click();
  await expect(choice.getByRole('button', { name: 'Run B next' })).toHaveAttribute('aria-pressed', 'true');
  await run(page).getByRole('button', { name: 'Jump to end' }).click();
  await expect(run(page).locator('[data-warning="shared-object"]')).toHaveCount(0);
});

test('the ledger flags the leaked connection and jumps the timeline to its acquire', async ({ page }) => {
  await openProduction(page);
  await storyToItsEnd(page, 'A leak, traced to its borrower');
  const ledger = run(page).getByRole('region', { name: 'Borrower ledger' });
  const row = ledger.locator('tr[data-leak="yes"]');
  await expect(row).toHaveAttribute('data-borrower', 'A');
  await expect(row).toContainText('step 1');
  await expect(row).toContainText('leak suspected');
  const jump = row.getByRole('button', { name: 'Connection 1: go to its acquire' });
  const index = await jump.getAttribute('data-acquire-index');
  await jump.click();
  // The timeline shows the beat that holds the acquire.
  const beat = productionBeats('production-leak').beatOf(Number(index));
  await expect(run(page).getByRole('slider', { name: 'Timeline' })).toHaveValue(String(beat));
  await expect(page.getByTestId('narration')).toContainText('A');
  // At its acquire the connection has just been lent: the ledger shows it, not yet overdue.
  await expect(ledger.locator('tr[data-object="1"]')).toHaveAttribute('data-leak', 'no');
});

test('side by side shows the same scenario with the fix off and on, and names the difference', async ({ page }) => {
  await openProduction(page);
  await storyToItsEnd(page, 'A dirty book');
  await page.getByLabel(/Side by side/).check();
  const off = page.getByRole('region', { name: 'Reset fix off', exact: true });
  const on = page.getByRole('region', { name: 'Reset fix on', exact: true });
  await expect(off.locator('[data-warning="dirty-read"]')).toBeVisible();
  await expect(on.locator('[data-warning]')).toHaveCount(0);
  const diff = page.getByRole('region', { name: 'The difference the Reset fix makes' });
  await expect(diff).toContainText('Step 5: off — saw "role=admin"; on — saw nothing (clean)');
  await expect(diff).toContainText('A reader saw another reader’s data');
});

test('side by side: each run is narrated, and its warnings name connections and readers as the page does', async ({
  page,
}) => {
  await openProduction(page);
  await storyToItsEnd(page, 'Two readers get the same book');
  await page.getByLabel(/Side by side/).check();
  const off = page.getByRole('region', { name: 'Thread safety fix off', exact: true });
  const on = page.getByRole('region', { name: 'Thread safety fix on', exact: true });
  // Each column has its own caption, saying the moment its own timeline is at.
  for (const column of [off, on]) {
    const caption = column.getByTestId('narration');
    await expect(caption).not.toBeEmpty();
    const moment = Number(await caption.getAttribute('data-moment'));
    await expect(column.getByRole('slider', { name: 'Timeline' })).toHaveValue(String(moment));
  }
  await expect(off.getByRole('heading', { name: 'What is happening (Thread safety fix off)' })).toBeAttached();
  // Each column's transport stays inside its panel at 1280 px (it ran 18 px past it on one line).
  await page.setViewportSize({ width: 1280, height: 720 });
  for (const column of [off, on]) {
    const spill = await column.locator('.controls').evaluate((panel) => {
      const box = panel.getBoundingClientRect();
      return [...panel.querySelectorAll('label, button, select, input')]
        .map((el) => el.getBoundingClientRect())
        .filter((r) => r.width > 0 && (r.right > box.right + 0.5 || r.left < box.left - 0.5)).length;
    });
    expect(spill).toBe(0);
  }
  // The warnings say "Connection 2" and "Reader A", never the monitor's "object 2" or a bare "A".
  const warnings = off.getByRole('list', { name: 'Warnings so far' });
  await expect(warnings.locator('[data-warning="shared-object"]')).toBeVisible();
  await expect(warnings).toContainText(/Connection \d/);
  await expect(warnings).toContainText(/Reader [A-Z]/);
  await expect(warnings).not.toContainText(/\bobject \d/);
});

test('a story with no fix of its own offers no side by side until a fix is switched off', async ({ page }) => {
  await openProduction(page);
  await storyToItsEnd(page, 'Waiting in line');
  await expect(page.getByLabel(/Side by side/)).toHaveCount(0);
  // The warning card beside the pool's books keeps its own height (it was stretched to theirs,
  // with gaps inside it).
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect(run(page).locator('.callout').first()).toBeVisible();
  const warnings = (await run(page).locator('.callouts').boundingBox())!;
  const books = (await run(page).locator('.prod-extras').boundingBox())!;
  expect(warnings.height).toBeLessThan(books.height - 50);
  await expect(page.getByText('This scenario has no fix of its own.')).toBeVisible();
  await page.getByRole('switch', { name: 'Timeout', exact: true }).click();
  await expect(page.getByLabel('Side by side: this scenario with the Timeout fix off and on')).toBeVisible();
  await page.getByLabel(/Side by side/).check();
  await expect(page.getByRole('region', { name: 'Timeout fix on', exact: true })).toBeVisible();
  // Back on, the scenario again has nothing to compare: the pair goes away with the offer.
  await page.getByRole('switch', { name: 'Timeout', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Timeout fix on', exact: true })).toHaveCount(0);
  await expect(page.getByText('This scenario has no fix of its own.')).toBeVisible();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the production page has no axe violations in ${scheme}`, async ({ page }) => {
    test.slow(); // two full axe passes over a page of two timelines
    await page.emulateMedia({ colorScheme: scheme });
    await openProduction(page);
    await page.getByRole('switch', { name: 'Thread safety', exact: true }).click();
    await storyToItsEnd(page, 'Two readers get the same book');
    await expect(run(page).locator('[data-warning]').first()).toBeVisible();
    let result = await new AxeBuilder({ page }).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.getByLabel(/Side by side/).check();
    await expect(page.getByRole('region', { name: 'Thread safety fix on', exact: true })).toBeVisible();
    result = await new AxeBuilder({ page }).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('a 360 px phone gets the whole production page without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openProduction(page);
  await storyToItsEnd(page, 'A leak, traced to its borrower');
  await expect(run(page).getByRole('region', { name: 'Borrower ledger' }).locator('tr[data-leak="yes"]')).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByRole('switch', { name: 'Cleanup', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('switch', { name: 'Cleanup', exact: true })).toHaveAttribute('aria-checked', 'false');
});
