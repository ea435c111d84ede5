/**
 * Accessibility and reach: axe finds nothing on any level page in light or dark (with a story
 * played to its warnings, a reader added, the code diff and the table view open); a 360 px phone
 * can use the lab; every level loads without a console error (the fixture checks every test).
 */
import AxeBuilder from '@axe-core/playwright';
import { storyBeats } from './beats';
import { STORIES } from '../src/stories';
import { expect, LAB_LEVELS, test, type Lab } from './fixtures';

async function busyPage(lab: Lab, level: string) {
  await lab.level(level);
  const story = STORIES.find((s) => s.level === level)!;
  await lab.playStory(story.title);
  await expect(lab.warnings).toBeVisible();
  await lab.addReaders(1);
  for (const panel of ['Acquire flow', 'Metrics', 'Event log']) await lab.unfold(panel);
  const diff = lab.page.locator('summary', { hasText: 'What changed in the code' });
  if (level !== 'level1') await diff.click();
  await lab.button('Show as a table').click();
}

for (const level of LAB_LEVELS) {
  test(`${level} has no axe violations in light or dark`, async ({ lab, page }) => {
    test.slow(); // a story played, the table open, then an axe pass in each colour scheme
    await busyPage(lab, level);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const result = await new AxeBuilder({ page }).analyze();
      expect(
        result.violations.map((v) => `${scheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      ).toEqual([]);
    }
  });
}

test('a 360 px phone gets the whole lab, stacked, with the other panels folded away', async ({ lab, page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await lab.open('?level=level3&scenario=crash-leaks-level3');
  await lab.key('End');
  await expect(lab.warnings).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);

  // Stacked: the scene with its caption, then the controls, then the code.
  const top = async (name: string) => (await page.getByRole('region', { name, exact: true }).boundingBox())!.y;
  const stage = await top('The library');
  const narration = await top('What is happening');
  const controls = await top('Playback');
  expect(stage).toBeLessThan(narration);
  expect(narration).toBeLessThan(controls);
  expect(controls).toBeLessThan(await top('The code'));
  await expect(lab.code).toBeVisible();

  // The flow and the metrics fold away until asked for.
  await expect(page.getByRole('region', { name: 'How acquire decides' })).toHaveCount(0);
  await lab.unfold('Acquire flow');
  await expect(page.getByRole('region', { name: 'How acquire decides' })).toBeVisible();
  await lab.unfold('Metrics');
  await expect(page.getByRole('region', { name: 'What the pool saved' })).toBeVisible();
  await lab.button('Step back').click();
  await lab.button('Step forward').click();
  await expect(lab.button('Step forward')).toBeDisabled();

  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations.map((v) => v.id)).toEqual([]);
});

test('the whole lab works from the keyboard alone', async ({ lab, page }) => {
  await lab.level('level2');
  // Tab to the first scenario button and press it with the keyboard.
  const first = page
    .getByRole('group', { name: /Scenarios/ })
    .getByRole('button')
    .first();
  for (let i = 0; i < 40 && !(await first.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(first).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(first).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('End');
  await expect(lab.warnings).toBeVisible();
  // A visible focus ring on every focusable control we reach, to the end of the page (the panels
  // that fold away are closed, so the page may end within a dozen stops).
  const reached: string[] = [];
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      return { outline: getComputedStyle(el).outlineStyle, what: el.outerHTML.slice(0, 100) };
    });
    if (focused === null) break;
    expect(focused.outline, focused.what).not.toBe('none');
    reached.push(focused.what);
  }
  expect(reached.length).toBeGreaterThanOrEqual(6);
});

test('each lab level loads and plays without a console error', async ({ lab }) => {
  for (const level of LAB_LEVELS) {
    await lab.level(level);
    await lab.key('Space');
    await lab.key('End');
    await expect(lab.button('Play')).toBeVisible();
  }
});

test('an error inside one panel shows a message there and the rest keeps working', async ({ lab, page }) => {
  await page.addInitScript(() => localStorage.setItem('pool-lab:break-panel', 'The code panel'));
  await lab.open('?level=level2&scenario=exhaustion-level2&step=4');
  await expect(page.getByRole('alert').filter({ hasText: 'The code panel could not be drawn.' })).toBeVisible();
  await expect(lab.stage).toBeVisible();
  await lab.button('Step forward').click();
  expect(await lab.momentNumber()).toBe(storyBeats('exhaustion-level2').beatOf(4) + 1);
  await page.evaluate(() => localStorage.removeItem('pool-lab:break-panel'));
  await lab.button('Try again').click();
  await expect(lab.code).toBeVisible();
});
