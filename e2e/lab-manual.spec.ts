/**
 * The same faults the stories show, made by hand in manual mode, in orders no story uses; and the
 * option form's validation.
 */
import { callout } from '../src/store/callouts';
import { expect, test, type Lab } from './fixtures';

async function sizes(lab: Lab, values: Record<string, string>) {
  await lab.unfold('Try it yourself');
  for (const [label, value] of Object.entries(values)) await lab.page.getByLabel(label).fill(value);
}

async function expectCallout(lab: Lab, warning: Parameters<typeof callout>[0], level: Parameters<typeof callout>[1]) {
  await expect(lab.warnings.locator(`[data-warning="${warning}"]`).first()).toContainText(
    callout(warning, level).title,
  );
}

test('level 2: two readers with room for one — the pool refuses the second', async ({ lab }) => {
  await lab.level('level2');
  await sizes(lab, { 'Made at start (minSize)': '0', 'Most allowed (maxSize)': '1' });
  await lab.addReaders(2);
  await lab.act('B', 'Acquire');
  await lab.act('A', 'Acquire');
  await expectCallout(lab, 'exhausted', 'level2');
  await expect(lab.stage.locator('[data-counter="pool-count"]')).toHaveText('1');
});

test('level 1: B gets the book A wrote in, then reads A’s note', async ({ lab, page }) => {
  await lab.level('level1');
  await lab.addReaders(2);
  await lab.act('A', 'Acquire');
  await page.getByLabel('What Use writes').fill('secret plan');
  await lab.act('A', 'Use (write)');
  await lab.act('A', 'Release');
  await lab.act('B', 'Acquire');
  await expectCallout(lab, 'dirty-object', 'level1');
  await lab.act('B', 'Read');
  await expectCallout(lab, 'dirty-read', 'level1');
  await expect(lab.stage.locator('[data-reader="B"]')).toContainText('secret plan');
});

test('level 3: a crash while holding a book loses it', async ({ lab }) => {
  await lab.level('level3');
  await lab.addReaders(1);
  await lab.act('A', 'Acquire');
  await lab.act('A', 'Crash');
  await expectCallout(lab, 'leaked', 'level3');
  await expect(lab.page.getByRole('group', { name: 'Lost' })).toContainText('Book 1');
  await expect(lab.stage.locator('[data-reader="A"]')).toContainText('crashed');
});

test('level 2: releasing twice puts one book on the shelf twice', async ({ lab }) => {
  await lab.level('level2');
  await lab.addReaders(1);
  await lab.act('A', 'Acquire');
  await lab.act('A', 'Release');
  await lab.act('A', 'Release again');
  await expectCallout(lab, 'double-shelved', 'level2');
  await expect(lab.stage.locator('[data-counter="pool-count"]')).toContainText('-1');
  await expect(lab.shelf).toContainText('shelved twice');
});

test('level 4: a book killed on the shelf is handed out dead', async ({ lab }) => {
  await lab.level('level4');
  await lab.addReaders(2);
  await lab.act('A', 'Acquire');
  await lab.act('A', 'Release');
  await lab.button('Kill a book…').click();
  await lab.stage.getByRole('button', { name: /^Book 1.*Kill it$/ }).click();
  await expect(lab.stage.locator('[data-object="1"][data-alive="no"]')).toBeVisible();
  await lab.act('B', 'Acquire');
  await expectCallout(lab, 'dead-handout', 'level4');
});

test('level 4: a crash inside the with-block still returns the book', async ({ lab }) => {
  await lab.level('level4');
  await lab.addReaders(1);
  await lab.act('A', 'With block, crash inside');
  await expect(lab.shelf).toHaveAttribute('data-shelf', '1');
  await expect(lab.warnings).toHaveCount(0);
});

test('database: a restart under a borrowed connection makes its release fail', async ({ lab }) => {
  await lab.level('database');
  await lab.addReaders(1);
  await lab.act('A', 'Acquire');
  await lab.button('Restart database').click();
  await lab.act('A', 'Release');
  await expectCallout(lab, 'capacity-lost', 'database');
});

test('database: close() with a connection out leaves it open', async ({ lab }) => {
  await lab.level('database');
  await lab.addReaders(2);
  await lab.act('B', 'Acquire');
  await lab.button('Close pool').click();
  await expectCallout(lab, 'closed-with-borrowed', 'database');
  await expect(lab.page.getByRole('group', { name: 'Bin' })).toContainText('Conn 1');
});

test('bad sizes get a message beside the field and the page keeps working', async ({ lab, page }) => {
  await lab.level('level2');
  await lab.addReaders(1);
  await lab.act('A', 'Acquire');
  const before = await lab.snapshot();
  const max = page.getByLabel('Most allowed (maxSize)');
  for (const [value, message] of [
    ['', /Enter a whole number/],
    ['-2', /cannot be negative/],
    ['lots', /not a number/],
    ['99999', /too many to draw/],
    ['1', /minSize \(2\) is above maxSize \(1\)/],
  ] as const) {
    await max.fill(value);
    await expect(max).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible();
    expect(await lab.snapshot()).toEqual(before);
  }
  // The learner's step survives a good value.
  await max.fill('4');
  await expect(max).not.toHaveAttribute('aria-invalid');
  await expect(lab.stage.locator('[data-reader="A"]')).toContainText('Book 2');
  await expect(lab.stage.locator('[data-counter="max"]')).toHaveText('4');
});

test('sizes that would break the learner’s steps are refused and the steps kept', async ({ lab, page }) => {
  await lab.level('level1');
  await lab.addReaders(1);
  await lab.act('A', 'Acquire');
  await lab.act('A', 'Release');
  await lab.button('Kill a book…').click();
  await lab.stage.getByRole('button', { name: /^Book 5.*Kill it$/ }).click();
  // With 2 books made at start there is no Book 5 to kill: the run stays as it was.
  await page.getByLabel('Made at start (size)').fill('2');
  await expect(
    page.getByRole('alert').filter({ hasText: /your steps stop at step 3: object 5 does not exist/ }),
  ).toBeVisible();
  await expect(lab.stage.locator('[data-object="5"][data-alive="no"]')).toBeVisible();
  await expect(page.getByText('3 steps so far')).toBeVisible();
});

test('every panel follows a run grown click by click (its arrays grow in place)', async ({ lab, page }) => {
  await lab.level('level1');
  await lab.unfold('Metrics');
  await lab.unfold('Event log');
  await lab.addReaders(2);
  const metric = (name: string) =>
    page
      .getByRole('region', { name: 'What the pool saved' })
      .locator('.metric', { has: page.getByText(name, { exact: true }) })
      .locator('dd');
  const log = page.getByRole('region', { name: 'Event log' });
  await lab.act('A', 'Acquire');
  await lab.act('A', 'Release');
  await expect(metric('Reused from the shelf')).toHaveText('1');
  await lab.act('B', 'Acquire');
  // The newest moment is in the narration, the log and the metrics, each from the grown run.
  await expect(lab.narration).toContainText('Reader B');
  await expect(log).toContainText('Reader B');
  await expect(metric('Reused from the shelf')).toHaveText('2');
  await lab.act('B', 'Release');
  await lab.act('A', 'Acquire');
  await expect(metric('Reused from the shelf')).toHaveText('3');
  await expect(lab.narration).toContainText('Reader A');
});
