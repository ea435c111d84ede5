/**
 * The timeline: stepping both ways shows the same page, every shortcut, the scrubber, the log,
 * and deep links (good and bad).
 */
import { storyBeats } from './beats';
import { expect, test } from './fixtures';

test('step back then forward shows exactly the same shelf, readers and code line', async ({ lab }) => {
  await lab.open('?level=level2&scenario=double-release-level2&step=0');
  for (let i = 0; i < 7; i++) await lab.button('Step forward').click();
  expect(await lab.momentNumber()).toBe(7);
  const at7 = await lab.snapshot();
  for (let i = 0; i < 3; i++) await lab.button('Step back').click();
  expect(await lab.snapshot()).not.toEqual(at7);
  for (let i = 0; i < 3; i++) await lab.button('Step forward').click();
  expect(await lab.snapshot()).toEqual(at7);
  await expect(lab.code.locator('[data-now="yes"]').first()).toBeVisible();
});

test('every keyboard shortcut works', async ({ lab, page }) => {
  await lab.open('?level=level1&scenario=grows-forever-level1&step=0');
  const speed = page.getByRole('combobox', { name: 'Speed' });

  await lab.key('ArrowRight');
  await lab.key('ArrowRight');
  expect(await lab.momentNumber()).toBe(2);
  await lab.key('ArrowLeft');
  expect(await lab.momentNumber()).toBe(1);
  await lab.key('End');
  const last = await lab.momentNumber();
  expect(last).toBeGreaterThan(10);
  await lab.key('Home');
  expect(await lab.momentNumber()).toBe(0);

  await expect(speed).toHaveValue('1');
  await lab.key('+');
  await expect(speed).toHaveValue('2');
  await lab.key('-');
  await lab.key('-');
  await expect(speed).toHaveValue('0.5');

  await lab.key('Space');
  await expect(lab.button('Pause')).toBeVisible();
  await expect.poll(() => lab.momentNumber()).toBeGreaterThan(0);
  await lab.key('Space');
  await expect(lab.button('Play')).toBeVisible();
  const paused = await lab.momentNumber();
  await lab.button('Step back').focus();
  await page.keyboard.press('ArrowLeft');
  expect(await lab.momentNumber()).toBe(paused - 1);
});

test('shortcuts stay out of the way while typing', async ({ lab, page }) => {
  await lab.open('?level=level2&scenario=exhaustion-level2&step=3');
  await lab.unfold('Try it yourself');
  const field = page.getByLabel('What Use writes');
  await field.click();
  await field.pressSequentially('a -+ b');
  await field.press('End');
  await field.press('ArrowLeft');
  await field.press('Home');
  await expect(field).toHaveValue('a -+ b');
  expect(await lab.momentNumber()).toBe(storyBeats('exhaustion-level2').beatOf(3));
  await expect(page.getByRole('combobox', { name: 'Speed' })).toHaveValue('1');
});

test('the scrubber and the jump buttons move the cursor', async ({ lab, page }) => {
  await lab.open('?level=database&scenario=restart-database');
  await lab.button('Jump to end').click();
  const last = await lab.momentNumber();
  await page.getByRole('slider', { name: 'Timeline' }).fill('7');
  expect(await lab.momentNumber()).toBe(7);
  await lab.button('Jump to start').click();
  expect(await lab.momentNumber()).toBe(0);
  await expect(lab.button('Jump to start')).toBeDisabled();
  await lab.button('Jump to end').click();
  expect(await lab.momentNumber()).toBe(last);
  await expect(lab.button('Step forward')).toBeDisabled();
});

test('choosing a log entry jumps back to it', async ({ lab, page }) => {
  await lab.open('?level=level3&scenario=crash-leaks-level3');
  await lab.key('End');
  await lab.unfold('Event log');
  const log = page.getByRole('region', { name: 'Event log' });
  const entry = log.getByRole('button').filter({ hasText: 'crashes' }).first();
  const text = (await entry.innerText()).split('\n').pop()!.replace(/^⚠\s*/, '').trim();
  await entry.click();
  await expect(lab.narration).toHaveText(text);
  await expect(log.locator('[aria-current="step"]')).toContainText(text);
});

test('a deep link lands on the right step and the address follows the cursor', async ({ lab, page }) => {
  // The README's link: step=12 is an event index, which opens the beat that holds event 12.
  const { beats, beatOf } = storyBeats('dirty-book-level2');
  const beat = beatOf(12);
  await lab.open('?level=level2&scenario=dirty-book-level2&step=12');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Level 2 — a maximum size');
  expect(await lab.momentNumber()).toBe(beat);
  await expect(lab.button('Play')).toBeVisible();
  await expect(page.getByRole('button', { name: 'A dirty book', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await lab.button('Step forward').click();
  await expect(page).toHaveURL(new RegExp(`/level-2/\\?scenario=dirty-book-level2&step=${beats[beat + 1]!.last}$`));
  await page.reload();
  expect(await lab.momentNumber()).toBe(beat + 1);
});

test('a bad deep link opens the nearest valid view with a notice', async ({ lab, page }) => {
  await lab.open('?level=level2&scenario=no-such-story&step=3');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Level 2 — a maximum size');
  await expect(page.getByRole('status').filter({ hasText: 'no scenario called "no-such-story"' })).toBeVisible();

  await lab.open('?level=level9');
  await expect(page.getByRole('status').filter({ hasText: 'does not have' })).toBeVisible();

  await lab.open('?level=level1&scenario=dirty-book-level1&step=banana');
  await expect(page.getByRole('status').filter({ hasText: '"banana" is not a moment on the timeline' })).toBeVisible();
  expect(await lab.momentNumber()).toBe(0);

  await lab.open('?level=level1&scenario=dirty-book-level1&step=100000');
  await expect(page.getByRole('status').filter({ hasText: 'asked for moment 100000' })).toBeVisible();
  await expect(lab.button('Step forward')).toBeDisabled();

  await page.getByRole('button', { name: /^Dismiss/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'asked for moment' })).toHaveCount(0);
});

test('the path links move between levels and back keeps each level’s work', async ({ lab, page }) => {
  await lab.level('level2');
  await lab.addReaders(1);
  await lab.act('A', 'Acquire');
  const nav = page.getByRole('navigation', { name: 'Learning path' });
  await nav.getByRole('link', { name: 'Level 3' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Level 3 — cleaning on return');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Level 2 — a maximum size');
  await expect(lab.stage.locator('[data-reader="A"]')).toContainText('Book 2');
});
