/**
 * Nothing built is lost (issue 11, item 5): a run made by hand — the actions pressed, the sizes
 * chosen, "Same instant" — lives in the address's fragment and comes back exactly on a reload, in
 * a new page, and on back and forward; a run too long for a link says so and is offered as a file;
 * Undo takes back the last action, from the keyboard; a bad run in a link gets one notice.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, Lab, test } from './fixtures';

/** What the lab shows of a run: the stage, code, narration, the moment and the manual panel. */
async function view(lab: Lab) {
  return {
    stage: (await lab.stage.innerText()).trim(),
    code: (await lab.code.locator('.code__status').innerText()).trim(),
    narration: (await lab.narration.innerText()).trim(),
    moment: await lab.momentNumber(),
    steps: (await lab.page.getByRole('region', { name: 'Try it yourself' }).locator('.panel__sub').innerText()).trim(),
    readers: await lab.page.locator('.manual__name').allInnerTexts(),
  };
}

const notices = (lab: Lab) => lab.page.locator('.notice__text');

test('the issue’s run: a reload and the same address in a new page give the same run at the same moment', async ({
  lab,
  page,
  context,
}) => {
  await lab.level('database');
  await lab.addReaders(2);
  for (const action of ['Acquire', 'Use (write)', 'Release']) await lab.act('A', action);
  for (const action of ['Acquire', 'Read']) await lab.act('B', action);
  await expect(page.getByText('5 steps so far')).toBeVisible();
  // Look back a few moments: the moment is kept too.
  await lab.key('ArrowLeft');
  await lab.key('ArrowLeft');
  await expect(page).toHaveURL(/#run=1~~x10~A\.a,A\.u,A\.l,B\.a,B\.r$/);
  const before = await view(lab);
  expect(before.steps).toBe('5 steps so far');

  await page.reload();
  await expect(page.getByText('5 steps so far')).toBeVisible();
  expect(await view(lab)).toEqual(before);
  await expect(notices(lab)).toHaveCount(0);

  const other = await context.newPage();
  const there = new Lab(other);
  await other.goto(page.url());
  await expect(other.getByText('5 steps so far')).toBeVisible();
  expect(await view(there)).toEqual(before);
  await expect(notices(there)).toHaveCount(0);
});

test('back and forward give back the sizes, the steps and "Same instant"', async ({ lab, page }) => {
  await lab.level('level2');
  await lab.unfold('Try it yourself');
  await page.getByLabel('Most allowed (maxSize)').fill('3');
  await lab.addReaders(3);
  await page.getByRole('checkbox', { name: /Same instant/ }).check();
  await lab.act('A', 'Acquire');
  await lab.act('B', 'Acquire');
  await expect(page).toHaveURL(/#run=1~~m2_x3~A\.a\*t\d[\d.]*,B\.a\*t\d[\d.]*~C~\d/);
  const before = await view(lab);

  await page.getByRole('navigation', { name: 'Learning path' }).getByRole('link', { name: 'Level 3' }).click();
  await expect(page).toHaveURL(/\/level-3\//);
  await page.goBack();
  await expect(page).toHaveURL(/\/level-2\//);
  await expect(page.getByLabel('Most allowed (maxSize)')).toHaveValue('3');
  await expect(page.getByRole('checkbox', { name: /Same instant/ })).toBeChecked();
  expect(await view(lab)).toEqual(before);

  await page.goForward();
  await expect(page).toHaveURL(/\/level-3\//);
  await page.goBack();
  await expect(page.getByLabel('Most allowed (maxSize)')).toHaveValue('3');
  expect(await view(lab)).toEqual(before);
  await expect(notices(lab)).toHaveCount(0);
});

test('a run longer than a link carries says so and is offered as a file', async ({ lab, page }) => {
  test.slow(); // thirty replays of a growing run
  await lab.level('level1');
  await lab.addReaders(1);
  await lab.act('A', 'Acquire');
  // Each note of 500 characters takes about 670 in the link: 25 of them pass 16 KB.
  await page.getByLabel('What Use writes').fill('n'.repeat(500));
  const note = page.getByRole('status').filter({ hasText: 'a link carries' });
  for (let i = 0; i < 26; i++) await lab.act('A', 'Use (write)');
  await expect(note).toContainText('more than the 16 KB a link carries');
  await expect(page).not.toHaveURL(/#run=/);
  await expect(page).toHaveURL(/\/level-1\/$/);

  const download = page.waitForEvent('download');
  await note.getByRole('button', { name: 'Save this run as a file' }).click();
  const file = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
  expect(file.level).toBe('level1');
  expect(file.steps).toHaveLength(27);
  expect(file.steps.at(-1)).toEqual({ client: 'A', do: 'use', write: 'n'.repeat(500) });

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const result = await new AxeBuilder({ page }).include('.manual').analyze();
    expect(result.violations.map((v) => `${scheme} ${v.id}`)).toEqual([]);
  }

  // Undo brings it back under the limit, and into the address.
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Undo: Reader A uses (writes)' }).click();
  await expect(note).toHaveCount(0);
  await expect(page).toHaveURL(/#run=/);
});

test('Undo takes back the last action, from the keyboard, and says which', async ({ lab, page }) => {
  await lab.level('level2');
  await lab.addReaders(1);
  await lab.act('A', 'Acquire');
  await lab.act('A', 'Release');
  await expect(page.getByText('2 steps so far')).toBeVisible();

  await lab.button('+ Add a reader').focus();
  await page.keyboard.press('Tab');
  const undo = page.getByRole('button', { name: 'Undo: Reader A releases' });
  await expect(undo).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('1 step so far')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo: Reader A acquires' })).toBeFocused();
  await expect(lab.reader('A')).toContainText('holds book');
  await page.keyboard.press('Enter');
  await lab.unfold('Try it yourself');
  await expect(page.getByText('a fresh pool')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo (nothing to undo)' })).toBeDisabled();
  // Reader A is still there to act for.
  await lab.act('A', 'Acquire');
  await expect(page.getByText('1 step so far')).toBeVisible();
});

test('a bad run in a link gets one notice, and the page works', async ({ lab, page }) => {
  await lab.open('?level=level2#run=1~~~A.a,A.zz');
  await expect(notices(lab)).toHaveText(['The link’s run cannot be opened: its step 2 is not a step ("A.zz").']);
  await lab.unfold('Try it yourself');
  await expect(page.getByText('a fresh pool')).toBeVisible();
  await lab.addReaders(1);
  await lab.act('A', 'Acquire');
  await expect(page.getByText('1 step so far')).toBeVisible();
  await expect(page).toHaveURL(/#run=1~~m2_x10~A\.a$/);
});
