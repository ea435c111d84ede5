import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { analogyView } from '../src/store/analogy';
import { ms } from '../src/store/format';
import { expect, test } from './fixtures';

const scene = (page: Page, name: 'Without a pool' | 'With a pool') => page.getByRole('region', { name, exact: true });
const totals = (page: Page) =>
  page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'Both libraries are done' }) });
const readersField = (page: Page) => page.getByRole('textbox', { name: 'How many readers come' });
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

async function setUp(page: Page, readers: number, speed: string) {
  await readersField(page).fill(String(readers));
  await page.getByRole('combobox', { name: 'Speed' }).selectOption(speed);
}

/** Every drawn book of a scene, as the page draws it: its number, place and scene position. */
async function drawn(stage: Locator) {
  return stage
    .locator('[data-book]')
    .evaluateAll((els) =>
      els.map((el) => [
        el.getAttribute('data-book'),
        el.getAttribute('data-spot'),
        el.getAttribute('data-x'),
        el.getAttribute('data-y'),
      ]),
    );
}

test('the first frame is drawn at once: readers in line, no book, the clock at 0', async ({ lab, page }) => {
  await lab.open('?level=analogy');
  for (const name of ['Without a pool', 'With a pool'] as const) {
    const s = scene(page, name);
    await expect(s.getByText('t = 0 ms')).toBeVisible();
    await expect(s.locator('[data-reader][data-doing="not-yet"]')).toHaveCount(8);
    await expect(s.locator('[data-book]')).toHaveCount(0);
    await expect(s.getByText('Nothing has happened yet: press Play.')).toBeVisible();
  }
});

test('after Play the books move and the clocks run', async ({ lab, page }) => {
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await lab.open('?level=analogy');
  await button(page, 'Play').click();
  const stage = page.getByTestId('withoutPool-stage');
  const book = stage.locator('[data-book="1"]');
  await expect(book).toHaveAttribute('data-spot', 'press');
  const first = await book.boundingBox();
  // Book 1 leaves the press for Reader A's hands: its drawn position changes.
  await expect
    .poll(async () => JSON.stringify(await book.boundingBox()), { timeout: 15_000 })
    .not.toBe(JSON.stringify(first));
  // It has gone on to Reader A's hands (or, on a slow machine, already on to the bin).
  await expect(book).toHaveAttribute('data-spot', /^(hands|bin)$/);
  await expect(page.getByTestId('withoutPool-clock')).not.toHaveText('t = 0 ms');
  await expect(page.getByTestId('withPool-clock')).not.toHaveText('t = 0 ms');
  // Moving is a transition of the transform.
  const duration = await book.evaluate((el) => parseFloat(getComputedStyle(el).transitionDuration));
  expect(duration).toBeGreaterThan(0);
  await button(page, 'Pause').click();
  await expect(button(page, 'Play')).toBeVisible();
});

test('at the end: both totals from the run, and Start with Level 1 opens Level 1', async ({ lab, page }) => {
  await lab.open('?level=analogy');
  await setUp(page, 3, '2');
  await button(page, 'Play').click();
  const view = analogyView(3);
  const [without, withPool] = view.sides;
  await expect(totals(page)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('withoutPool-total')).toHaveText(ms(without.totalMs));
  await expect(page.getByTestId('withPool-total')).toHaveText(ms(withPool.totalMs));
  await expect(page.getByTestId('withoutPool-wait')).toHaveText(ms(without.waitMs));
  await expect(page.getByTestId('withPool-wait')).toHaveText(ms(withPool.waitMs));
  await expect(page.getByTestId('withoutPool-printed')).toHaveText(String(without.printed));
  await expect(page.getByTestId('withPool-clock')).toContainText(`t = ${ms(withPool.finishedAt)}`);
  await expect(page.getByTestId('withoutPool-clock')).toContainText(`t = ${ms(without.finishedAt)}`);
  await totals(page).getByRole('link', { name: 'Start with Level 1' }).click();
  await expect(page).toHaveURL(/\/level-1\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Level 1');
});

test('reduced motion: books cut to their places, and the end is the same', async ({ lab, page }) => {
  const ends: string[] = [];
  for (const reducedMotion of ['reduce', 'no-preference'] as const) {
    await page.emulateMedia({ reducedMotion });
    await lab.open('?level=analogy');
    await setUp(page, 4, '2');
    await button(page, 'Play').click();
    const book = page.getByTestId('withPool-stage').locator('[data-book="1"]');
    await expect(book).toBeVisible();
    const duration = await book.evaluate((el) => getComputedStyle(el).transitionDuration);
    if (reducedMotion === 'reduce') expect(duration).toBe('0s');
    else expect(duration).not.toBe('0s');
    await expect(totals(page)).toBeVisible({ timeout: 30_000 });
    ends.push(
      JSON.stringify([
        await drawn(page.getByTestId('withoutPool-stage')),
        await drawn(page.getByTestId('withPool-stage')),
      ]),
    );
  }
  expect(ends[0]).toBe(ends[1]);
  // And it is the run's last frame.
  const [without, withPool] = analogyView(4).sides;
  const last = (f: (typeof without.frames)[number]) =>
    f.books.map((b) => [String(b.id), b.spot, String(b.x), String(b.y)]);
  expect(ends[0]).toBe(JSON.stringify([last(without.frames.at(-1)!), last(withPool.frames.at(-1)!)]));
});

test('Step goes one moment at a time, with a sentence and a list of what happened', async ({ lab, page }) => {
  await lab.open('?level=analogy');
  const [without, withPool] = analogyView(8).sides;
  await button(page, 'Step').click();
  await expect(page.getByTestId('withoutPool-caption')).toHaveText(without.frames[1]!.caption);
  await expect(page.getByTestId('withPool-caption')).toHaveText(withPool.frames[1]!.caption);
  await button(page, 'Step').click();
  await expect(page.getByTestId('withoutPool-caption')).toHaveText(without.frames[2]!.caption);
  const story = scene(page, 'Without a pool').getByText('What happened so far (2)');
  await story.click();
  await expect(
    scene(page, 'Without a pool').getByRole('listitem').filter({ hasText: without.frames[1]!.caption }),
  ).toBeVisible();
  await button(page, 'Restart').click();
  await expect(page.getByTestId('withoutPool-clock')).toHaveText('t = 0 ms');
});

test('changing the readers resets both scenes; a bad value gets a message and changes nothing', async ({
  lab,
  page,
}) => {
  await lab.open('?level=analogy');
  await button(page, 'Step').click();
  await expect(page.getByTestId('withoutPool-caption')).not.toHaveText('Nothing has happened yet: press Play.');
  const field = readersField(page);
  await field.fill('20');
  const s = scene(page, 'With a pool');
  await expect(s.locator('[data-reader]')).toHaveCount(20);
  await expect(page.getByTestId('withPool-caption')).toHaveText('Nothing has happened yet: press Play.');
  await expect(page.getByTestId('withPool-clock')).toHaveText('t = 0 ms');

  await field.fill('0');
  await expect(page.getByRole('alert')).toContainText('At least one reader');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(s.locator('[data-reader]')).toHaveCount(20);
  await field.fill('many');
  await expect(page.getByRole('alert')).toContainText('not a number');
  await field.fill('3');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(s.locator('[data-reader]')).toHaveCount(3);
  await button(page, 'Skip to the end').click();
  await expect(totals(page)).toContainText(ms(analogyView(3).sides[0].totalMs));
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the analogy page passes axe in ${colorScheme}, playing and at the end`, async ({ lab, page }) => {
    await page.emulateMedia({ colorScheme });
    await lab.open('?level=analogy');
    await readersField(page).fill('x');
    await expect(page.getByRole('alert')).toBeVisible();
    await button(page, 'Step').click();
    await button(page, 'Step').click();
    await button(page, 'Step').click();
    await expect(page.getByTestId('withoutPool-stage').locator('[data-book]').first()).toBeVisible();
    const playing = await new AxeBuilder({ page }).analyze();
    expect(playing.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await button(page, 'Skip to the end').click();
    await expect(totals(page)).toBeVisible();
    const end = await new AxeBuilder({ page }).analyze();
    expect(end.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('the analogy page works at 360 px wide: nothing overflows, from the first frame to the end', async ({
  lab,
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await lab.open('?level=analogy');
  const overflow = () =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);
  await readersField(page).fill(String(26));
  await button(page, 'Skip to the end').click();
  await expect(totals(page)).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
  // The two scenes are stacked.
  const a = await scene(page, 'Without a pool').boundingBox();
  const b = await scene(page, 'With a pool').boundingBox();
  expect(b!.y).toBeGreaterThan(a!.y + a!.height - 1);
});
