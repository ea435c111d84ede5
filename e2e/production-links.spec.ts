/**
 * Deep links to the production page: a link lands on its scenario, switches, picks and step; the
 * address follows the learner and a reload or back/forward restores the view; a bad link opens
 * the nearest valid view with notices.
 */
import type { Page } from '@playwright/test';
import { productionBeats } from './beats';
import { expect, test } from './fixtures';

const run = (page: Page) => page.getByRole('region', { name: 'The run' });
const sw = (page: Page, name: string) => page.getByRole('switch', { name, exact: true });
const scenarioButton = (page: Page, label: string) => page.getByRole('button', { name: label, exact: true });
const slider = (page: Page) => run(page).getByRole('slider', { name: 'Timeline' });
const notice = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text });

async function open(page: Page, query: string) {
  await page.goto(`/${query}`);
  await expect(page.getByRole('heading', { level: 1, name: 'The production pool' })).toBeVisible();
}

test('a production deep link lands on its scenario, switches, picks and step', async ({ page }) => {
  await open(page, '?level=production&scenario=pick-order&off=lock&choices=1&step=30');
  await expect(scenarioButton(page, 'Pick the order yourself')).toHaveAttribute('aria-pressed', 'true');
  await expect(sw(page, 'Thread safety')).toHaveAttribute('aria-checked', 'false');
  for (const name of ['Max size', 'Reset', 'Validation', 'Timeout', 'Cleanup'])
    await expect(sw(page, name)).toHaveAttribute('aria-checked', 'true');
  const choice = page.getByRole('group', { name: /^Choice 1, at 102 ms/ });
  await expect(choice.getByRole('button', { name: 'Run B next' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('your order')).toBeVisible();
  // step=30 is an event index: the slider shows the beat that holds it.
  const told = productionBeats('production-interleave', ['lock'], [1]);
  await expect(slider(page)).toHaveValue(String(told.beatOf(30)));
  // B read A's data because both held one connection: the advice names thread safety, not reset.
  const dirty = run(page).getByRole('region', { name: 'Warnings' }).locator('[data-warning="dirty-read"]');
  await expect(dirty).toContainText('Switch the thread safety fix back on');
  await expect(page.getByRole('button', { name: /^Dismiss/ })).toHaveCount(0);
  // The address names the beat's last event, which opens the same beat.
  // (At the run's last event the address names no step: it opens at the end.)
  const last = told.beats[told.beatOf(30)]!.last;
  const step = last === told.events.length - 1 ? '' : `&step=${last}`;
  await expect(page).toHaveURL(new RegExp(`/production/\\?scenario=pick-order&off=lock&choices=1${step}$`));
});

test('the address follows the switches, the picks and the cursor; reload and back restore them', async ({ page }) => {
  await open(page, '?level=production');
  await expect(page).toHaveURL(/\/production\/\?scenario=same-book$/);

  await scenarioButton(page, 'A dirty book').click();
  await sw(page, 'Reset').click();
  await expect(page).toHaveURL(/\/production\/\?scenario=dirty&off=reset$/);
  await run(page).getByRole('button', { name: 'Step back', exact: true }).click();
  const step = await slider(page).inputValue();
  const event = productionBeats('production-no-reset', ['reset']).beats[Number(step)]!.last;
  await expect(page).toHaveURL(new RegExp(`scenario=dirty&off=reset&step=${event}$`));

  await page.reload();
  await expect(scenarioButton(page, 'A dirty book')).toHaveAttribute('aria-pressed', 'true');
  await expect(sw(page, 'Reset')).toHaveAttribute('aria-checked', 'false');
  await expect(slider(page)).toHaveValue(step);
  // One beat before the end B has just been handed A's dirty connection.
  await expect(run(page).locator('[data-warning]').first()).toContainText('Switch the reset fix back on');

  // A fresh production page from the header, then back to the view before it.
  await page.getByRole('navigation', { name: 'Learning path' }).getByRole('link', { name: 'Production' }).click();
  await expect(scenarioButton(page, 'Two readers get the same book')).toHaveAttribute('aria-pressed', 'true');
  await expect(sw(page, 'Reset')).toHaveAttribute('aria-checked', 'true');
  await page.goBack();
  await expect(scenarioButton(page, 'A dirty book')).toHaveAttribute('aria-pressed', 'true');
  await expect(sw(page, 'Reset')).toHaveAttribute('aria-checked', 'false');
  await expect(slider(page)).toHaveValue(step);

  // A hand-picked order is part of the link too.
  await scenarioButton(page, 'Pick the order yourself').click();
  await sw(page, 'Thread safety').click();
  const choice = page.getByRole('group', { name: /^Choice 1, at 102 ms/ });
  await choice.getByRole('button', { name: 'Run B next' }).click();
  await expect(page).toHaveURL(/scenario=pick-order&off=lock,reset&choices=1&step=\d+$/);
  await page.reload();
  await expect(
    page.getByRole('group', { name: /^Choice 1, at 102 ms/ }).getByRole('button', { name: 'Run B next' }),
  ).toHaveAttribute('aria-pressed', 'true');
});

test('a bad production link opens the nearest valid view with notices', async ({ page }) => {
  await open(page, '?level=production&scenario=nope&off=lock,banana&choices=7&step=99999');
  await expect(scenarioButton(page, 'Two readers get the same book')).toHaveAttribute('aria-pressed', 'true');
  await expect(sw(page, 'Thread safety')).toHaveAttribute('aria-checked', 'false');
  await expect(notice(page, 'no scenario called "nope"')).toBeVisible();
  await expect(notice(page, '"banana", which is not a fix')).toBeVisible();
  await expect(notice(page, 'Choice 1 in the link is 7')).toBeVisible();
  await expect(notice(page, 'asked for moment 99999')).toBeVisible();
  await expect(page.getByText("the scheduler's order")).toBeVisible();
  await expect(run(page).getByRole('button', { name: 'Step forward', exact: true })).toBeDisabled();
  await expect(page).toHaveURL(/\/production\/\?scenario=same-book&off=lock$/);

  await open(page, '?level=production&scenario=dirty&step=banana');
  await expect(notice(page, '"banana" is not a moment on the timeline')).toBeVisible();
  await expect(scenarioButton(page, 'A dirty book')).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: /^Dismiss/ }).click();
  await expect(notice(page, 'is not a moment on the timeline')).toHaveCount(0);
});
