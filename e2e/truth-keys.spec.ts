/**
 * Issue 9's keys: Space after choosing a story pauses it (it used to press the story's button
 * again and restart it); every shortcut works wherever the focus is, except in text fields and for
 * a key the focused control uses itself; and the single-key shortcuts can be turned off, a
 * setting the browser remembers (WCAG 2.1.4).
 */
import type { Page } from '@playwright/test';
import { storyBeats } from './beats';
import { expect, test } from './fixtures';

test('Space restarts the story: no more — after choosing a story, Space pauses it', async ({ lab, page }) => {
  await lab.level('level1');
  await lab.button('The pool grows forever').click();
  // The story plays, and the focus has moved to its Pause button.
  await expect(lab.button('Pause')).toBeFocused();
  await expect.poll(() => lab.momentNumber()).toBeGreaterThanOrEqual(3);
  await page.keyboard.press('Space');
  await expect(lab.button('Play')).toBeVisible();
  await expect(lab.button('Play')).toBeFocused();
  const paused = await lab.momentNumber();
  expect(paused).toBeGreaterThanOrEqual(3);
  // Paused means paused: the moment stays where Space left it.
  await expect(lab.position).toContainText(`Moment ${paused} of`);
  await page.keyboard.press('Space');
  await expect(lab.button('Pause')).toBeVisible();
  await expect.poll(() => lab.momentNumber()).toBeGreaterThan(paused);
});

test('on the production page, choosing a scenario plays it from its start, with the focus on Pause, and the keys drive its run', async ({
  page,
}) => {
  await page.goto('/?level=production');
  const run = page.getByRole('region', { name: 'The run' });
  const position = run.locator('.narration__meta');
  // The page opens at the end of its first story; a story chosen plays from its start, as on the level pages.
  await expect(run.getByRole('button', { name: 'Step forward' })).toBeDisabled();
  await page.getByRole('button', { name: 'Waiting in line', exact: true }).click();
  await expect(run.getByRole('button', { name: 'Pause' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(run.getByRole('button', { name: 'Play' })).toBeFocused();
  await expect(run.getByRole('button', { name: 'Step forward' })).toBeEnabled();
  await page.keyboard.press('Home');
  await expect(position).toContainText('Moment 0 of');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(position).toContainText('Moment 2 of');
  await page.keyboard.press('End');
  await expect(run.getByRole('button', { name: 'Step forward' })).toBeDisabled();
});

test('shortcuts work from a tick box, which keeps Space for itself', async ({ lab, page }) => {
  await lab.open('?level=level2&scenario=exhaustion-level2&step=3');
  const keys = page.getByRole('checkbox', { name: 'Keyboard shortcuts' });
  await keys.focus();
  await page.keyboard.press('ArrowRight');
  expect(await lab.momentNumber()).toBe(storyBeats('exhaustion-level2').beatOf(3) + 1);
  await page.keyboard.press('End');
  await expect(lab.button('Step forward')).toBeDisabled();
  await page.keyboard.press('Home');
  expect(await lab.momentNumber()).toBe(0);
  // Space is the box's own key: it ticks the box off and plays nothing.
  await page.keyboard.press('Space');
  await expect(keys).not.toBeChecked();
  await expect(lab.button('Play')).toBeVisible();
  await keys.check();
});

test('single-key shortcuts can be turned off, and stay off after a reload', async ({ lab, page }) => {
  await lab.open('?level=level1&scenario=grows-forever-level1&step=5');
  const keys = page.getByRole('checkbox', { name: 'Keyboard shortcuts' });
  await expect(keys).toBeChecked();
  await keys.uncheck();
  await expect(page.getByText('Off: single keys do nothing here')).toBeVisible();
  // Away from the box (Space would tick it).
  await page.getByRole('heading', { level: 1 }).focus();
  const at = storyBeats('grows-forever-level1').beatOf(5);
  for (const key of ['ArrowRight', 'ArrowLeft', 'Home', 'End', 'Space', '+', '-']) await lab.key(key);
  expect(await lab.momentNumber()).toBe(at);
  await expect(lab.button('Play')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Speed' })).toHaveValue('1');

  await page.reload();
  await expect(keys).not.toBeChecked();
  await lab.key('ArrowRight');
  expect(await lab.momentNumber()).toBe(at);
  // The buttons still work, and turning the keys back on brings them back.
  await lab.button('Step forward').click();
  expect(await lab.momentNumber()).toBe(at + 1);
  await keys.check();
  await lab.key('ArrowRight');
  expect(await lab.momentNumber()).toBe(at + 2);
});

test.describe('on a 360 px phone, choosing a story shows its scene from the top', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  /** Where the scene's top and the Play / Pause button's bottom are in the window. */
  const inView = (page: Page) =>
    page.evaluate(() => {
      const scene = document.querySelector('.scene')!.getBoundingClientRect();
      const play = document.querySelector('[data-control="play"]')!.getBoundingClientRect();
      return { sceneTop: Math.round(scene.top), playBottom: Math.round(play.bottom), view: innerHeight };
    });

  for (const [where, open, story] of [
    ['a level page', '/level-2/', 'A dirty book'],
    ['the production page', '/production/', 'Waiting in line'],
  ] as const) {
    test(`on ${where}`, async ({ page }) => {
      await page.goto(open);
      const button = page.getByRole('button', { name: story, exact: true }).first();
      await button.click();
      await expect(page.locator('[data-control="play"]')).toBeFocused();
      // The browser's own scroll to the focused button cut the scene's top off (by 160–180 px).
      await expect.poll(async () => (await inView(page)).sceneTop).toBeGreaterThanOrEqual(0);
      const { sceneTop, playBottom, view } = await inView(page);
      expect(sceneTop).toBeLessThan(8);
      expect(playBottom).toBeLessThanOrEqual(view);
    });
  }
});

test('at 1280×720, choosing a story leaves its scene and its Play / Pause button in view', async ({ lab, page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await lab.level('level1');
  await lab.button('The pool grows forever').click();
  await expect(lab.button('Pause')).toBeFocused();
  await page.evaluate(() => new Promise(requestAnimationFrame));
  const { sceneTop, playBottom } = await page.evaluate(() => ({
    sceneTop: document.querySelector('.scene')!.getBoundingClientRect().top,
    playBottom: document.querySelector('[data-control="play"]')!.getBoundingClientRect().bottom,
  }));
  expect(sceneTop).toBeGreaterThanOrEqual(0);
  expect(playBottom).toBeLessThanOrEqual(720);
});
