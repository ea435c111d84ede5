/**
 * Links that last and runs that travel: every link form the README has ever published opens the
 * same view it did; a production run saved as a file and opened again (or put in a link's
 * fragment) gives the same view; a file in a link opens on its level's page; a link with many
 * faults says each once.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

// These tests reason in events (a link's step= is an event index): step line by line, as before beats.
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('pool-lab:line-by-line', 'on'));
});

const run = (page: Page) => page.getByRole('region', { name: 'The run' });
const sw = (page: Page, name: string) => page.getByRole('switch', { name, exact: true });
const slider = (page: Page) => run(page).getByRole('slider', { name: 'Timeline' });
const fragment = (json: unknown) => Buffer.from(JSON.stringify(json)).toString('base64url');

/** What the production page shows: enough to tell two views apart. */
async function productionView(page: Page) {
  const switches: Record<string, string | null> = {};
  for (const name of ['Max size', 'Thread safety', 'Reset', 'Validation', 'Timeout', 'Cleanup'])
    switches[name] = await sw(page, name).getAttribute('aria-checked');
  return {
    switches,
    moment: await slider(page).inputValue(),
    picked: await page
      .getByRole('group', { name: /^Choice \d/ })
      .getByRole('button', { pressed: true })
      .allInnerTexts(),
    narration: await run(page).getByTestId('narration').innerText(),
    warnings: await run(page).getByRole('region', { name: 'Warnings' }).innerText(),
  };
}

test('the README’s published links open the views they always did', async ({ lab, page }) => {
  await lab.open('?level=level2&scenario=dirty-book-level2&step=12');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Level 2 — a maximum size');
  await expect(page.getByRole('button', { name: 'A dirty book', exact: true })).toHaveAttribute('aria-pressed', 'true');
  expect(await lab.momentNumber()).toBe(12);
  await expect(page.getByRole('button', { name: /^Dismiss/ })).toHaveCount(0);

  await lab.open('?level=production&scenario=pick-order&off=lock,reset&choices=1,0&step=12');
  await expect(page.getByRole('button', { name: 'Pick the order yourself', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(sw(page, 'Thread safety')).toHaveAttribute('aria-checked', 'false');
  await expect(sw(page, 'Reset')).toHaveAttribute('aria-checked', 'false');
  const choice = page.getByRole('group', { name: /^Choice 1, at 102 ms/ });
  await expect(choice.getByRole('button', { name: 'Run B next' })).toHaveAttribute('aria-pressed', 'true');
  await expect(slider(page)).toHaveValue('12');
});

test('a production run saved as a file opens as the same view, from the file and from a link', async ({
  lab,
  page,
}) => {
  await lab.open('?level=production&scenario=pick-order&off=lock&choices=1&step=30');
  const before = await productionView(page);
  expect(before.picked).toEqual(['Run B next']);

  const saving = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save this run as a file' }).click();
  const download = await saving;
  expect(download.suggestedFilename()).toBe('pool-lab-pick-order-lock-off.json');
  const path = await download.path();
  const text = readFileSync(path, 'utf8');
  const file = JSON.parse(text);
  expect(file).toMatchObject({ level: 'production', choices: [1], options: { fixes: { lock: false, reset: true } } });
  expect(file.$schema).toMatch(/\/scenario\.schema\.json$/);

  // The file's content as a link's fragment: the same view.
  await lab.open(`?level=production&step=30#file=${fragment(file)}`);
  await expect(page.getByText('Your run.')).toBeVisible();
  expect(await productionView(page)).toEqual(before);
  await expect(page.getByRole('button', { name: /^Dismiss/ })).toHaveCount(0);
  // The address keeps the run (switches and picks inside the file) and follows the cursor.
  await run(page).getByRole('button', { name: 'Step back', exact: true }).click();
  await expect(page).toHaveURL(/\/production\/\?step=29#file=[\w-]+$/);
  await page.reload();
  await expect(slider(page)).toHaveValue('29');
  await expect(sw(page, 'Thread safety')).toHaveAttribute('aria-checked', 'false');

  // The file opened on the page: the same run, at its end.
  await lab.open('?level=production&scenario=pick-order&off=lock&choices=1');
  const atEnd = await productionView(page);
  await lab.open('?level=production');
  await page.getByLabel('Open a scenario file').setInputFiles(path);
  await expect(page).toHaveURL(/\/production\/#file=/);
  await expect(page.getByText('Your run.')).toBeVisible();
  expect(await productionView(page)).toEqual(atEnd);
});

test('a file in a link opens on its level’s page, and a bad one says what is wrong', async ({ lab, page }) => {
  const file = {
    level: 'level2',
    options: { minSize: 1, maxSize: 2 },
    seed: 4,
    steps: [
      { client: 'A', do: 'acquire' },
      { client: 'B', do: 'acquire' },
      { client: 'C', do: 'acquire' },
    ],
  };
  await lab.open(`?step=5#file=${fragment(file)}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Level 2 — a maximum size');
  expect(await lab.momentNumber()).toBe(5);
  await lab.button('Jump to end').click();
  await expect(lab.warnings.locator('[data-warning="exhausted"]')).toBeVisible();
  await expect(page).toHaveURL(/\/level-2\/\?step=\d+#file=/);

  await lab.open(`?level=level2#file=${fragment({ level: 'level2', steps: [{ client: 'A', do: 'with' }] })}`);
  await expect(
    page.getByRole('status').filter({ hasText: 'The link’s file cannot be opened: step 1: level2 has no "with" step' }),
  ).toBeVisible();
});

test('a link with many faults says each once, briefly', async ({ lab, page }) => {
  // (Kept short enough for the server: a query of thousands of parts is refused before the page loads.)
  const junk = Array.from({ length: 200 }, (_, i) => `junk${i}=1`).join('&');
  await lab.open(`?level=production&level=level1&off=${Array(300).fill('nope').join(',')}&${junk}`);
  const shown = await page.getByRole('status').getByText(/./).allInnerTexts();
  const texts = shown.filter((t) => !/^Dismiss|^ℹ$/.test(t));
  expect(texts).toEqual(
    expect.arrayContaining([
      'The link gives level more than once; the first of each is used.',
      expect.stringMatching(/^The link has parts the lab does not read \("junk0", "junk1", "junk2" and 197 more\)/),
      'The link’s off list names 300 fixes; there are 6, so only the first 20 names were read.',
      expect.stringMatching(/^The link asked to switch off "nope", which is not a fix/),
    ]),
  );
  for (const t of texts) expect(t.length).toBeLessThan(200);
});
