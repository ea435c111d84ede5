/**
 * Issue 9: numbers that say what they count. At the end of Level 3 "A crash before release" the
 * badge said "Borrowed 2" and the chart "0 borrowed": one was the pool's counter, the other what
 * readers hold, and nothing said so. Now both are named, in the same words in the badge, the chart
 * and the table, and their difference is named as the leak it is.
 */
import { STORIES } from '../src/stories';
import { expect, test } from './fixtures';
import { momentsOf } from './truth-walk';

// These tests walk the timeline event by event, as the engine records it: line by line.
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('pool-lab:line-by-line', 'on'));
});

test('two "borrowed" numbers disagree unlabelled: no more — Level 3 "A crash before release"', async ({
  lab,
  page,
}) => {
  await lab.open('?level=level3&scenario=crash-leaks-level3');
  await lab.key('End');
  const badge = lab.stage.getByRole('list', { name: 'Counts' });
  await expect(badge).toContainText('The pool thinks 2 are out');
  await expect(badge).toContainText('Readers hold 0');
  const gap = lab.stage.locator('[data-counter="gap"]');
  await expect(gap).toContainText('2 more than readers hold: the leak — 2 books lost');

  // The chart says the same, in the same words.
  await lab.unfold('Metrics');
  const chart = page.locator('.mchart__caption');
  await expect(chart).toContainText('The pool thinks 2 are out. Readers hold 0.');
  await expect(chart).toContainText('2 more than readers hold: the leak');
  await page.locator('summary', { hasText: 'The chart as a table' }).click();
  const rows = page.getByRole('region', { name: "The chart's figures" }).locator('tbody tr');
  await expect(rows.last().locator('td').nth(2)).toHaveText('2');
  await expect(rows.last().locator('td').nth(3)).toHaveText('0');

  // And the table view.
  await lab.button('Show as a table').click();
  await expect(lab.stage.locator('[data-table="counts"]')).toHaveText(
    /^The pool thinks 2 are out\. Readers hold 0\. 2 more than readers hold: the leak/,
  );
});

test('the badge and the chart give the same counts at every moment — database "The database restarts"', async ({
  lab,
  page,
}) => {
  const moments = momentsOf(STORIES.find((s) => s.id === 'restart-database')!.scenario);
  await lab.open('?level=database&scenario=restart-database&step=0');
  await lab.unfold('Metrics');
  const badge = lab.stage.getByRole('list', { name: 'Counts' });
  const chart = page.locator('.mchart__caption');
  let pressSeen = 0;
  for (const m of moments) {
    await expect(lab.position).toContainText(`Moment ${m.index} of`);
    const { inUse, held } = m.world.pool;
    await expect(badge.locator('[data-counter="pool-count"]')).toHaveText(String(inUse));
    await expect(badge.locator('[data-counter="held"]')).toHaveText(String(held));
    // "Created" counts a connection from the moment its making begins: while one is still being
    // made, the badge says how many are at the press, as the press draws them.
    const printing = m.world.objects.filter((o) => o.places.some((p) => p.at === 'press'));
    if (printing.length > 0) {
      pressSeen++;
      await expect(badge.locator('[data-counter="at-press"]')).toHaveText(`(${printing.length} still at the press)`);
      // And the press says when each will be ready, on the virtual clock.
      const readyAt = printing.map((o) => {
        const made = moments.find((x) => x.event.type === 'object.creating' && x.event.object === o.id)!.event;
        return `ready at ${made.t + (made as { ms: number }).ms} ms`;
      });
      await expect(lab.stage.locator('[data-room="press"] .progress__text')).toHaveText(readyAt);
    } else await expect(badge.locator('[data-counter="at-press"]')).toHaveCount(0);
    if (m.index > 0)
      await expect(chart).toContainText(
        `The pool thinks ${inUse} ${inUse === 1 ? 'is' : 'are'} out. Readers hold ${held}.`,
      );
    if (m.index < moments.length - 1) await lab.button('Step forward').click();
  }
  expect(pressSeen).toBeGreaterThan(0);
});

test('one book in two readers’ hands counts once in each, as two loans, and the badge says so — Level 1 "One book returned twice"', async ({
  lab,
}) => {
  await lab.open('?level=level1&scenario=double-release-level1&step=0');
  const badge = lab.stage.getByRole('list', { name: 'Counts' });
  await expect(badge.locator('[data-counter="shared"]')).toHaveCount(0);
  await lab.key('End');
  // B and C each hold Book 1: two loans of one book (the pool's counter, where it keeps one, counts two).
  await expect(badge.locator('[data-counter="held"]')).toHaveText('2');
  await expect(badge.locator('[data-counter="shared"]')).toHaveText('⚠ 1 book in more than one reader’s hands');
});

test('a count below zero is said once, by the counter’s flag with what it should be — Level 2 "One book returned twice"', async ({
  lab,
}) => {
  const moments = momentsOf(STORIES.find((s) => s.id === 'double-release-level2')!.scenario);
  const below = moments.find((m) => (m.world.pool.inUse ?? 0) < 0)!;
  expect(below.world.pool.owed).not.toBeNull();
  await lab.open(`?level=level2&scenario=double-release-level2&step=${below.index}`);
  const badge = lab.stage.getByRole('list', { name: 'Counts' });
  await expect(badge.locator('[data-counter="pool-count"]')).toHaveText(String(below.world.pool.inUse));
  await expect(badge.locator('[data-counter="should"]')).toHaveText(`⚠ below zero, should be ${below.world.pool.owed}`);
  await expect(lab.stage.locator('[data-counter="gap"]')).toHaveCount(0);
  // The table's one line still says the count is wrong, and what it should be.
  await lab.button('Show as a table').click();
  await expect(lab.stage.locator('[data-table="counts"]')).toContainText(
    `The pool’s count is wrong: it should be ${below.world.pool.owed}.`,
  );
});
