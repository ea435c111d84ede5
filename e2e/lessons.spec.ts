/**
 * Lessons: a question answered wrong (why, and a link to the moment) and right; the fix opening on
 * the level that fixes it; progress kept through a reload, set aside when corrupt, and not needed
 * when storage throws; "Continue" opening the first lesson not done.
 */
import { askQuestion, lessonOf } from '../src/store/lessons';
import { PROGRESS_KEY } from '../src/store/progress';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const level2 = lessonOf('level2')!;
const q2 = askQuestion(level2);
const wrong = q2.choices.find((c) => c !== q2.answer)!;

const lesson = (page: Page) => page.getByRole('region', { name: /The lesson/ });

async function answer(page: Page, choice: string) {
  await lesson(page)
    .getByRole('button', { name: /^\d\. What will happen/ })
    .click();
  await lesson(page).getByRole('radio', { name: choice, exact: true }).check();
  await lesson(page).getByRole('button', { name: 'Check, then watch' }).click();
}

test('a wrong answer says why and links to the moment it happens; the story then plays', async ({ lab, page }) => {
  await lab.level('level2');
  await answer(page, wrong);
  const result = lesson(page).getByRole('status');
  await expect(result).toContainText('Not quite');
  await expect(result).toContainText(q2.answer);
  await expect(lab.button('Pause')).toBeVisible();
  await lab.key('End');
  await expect(page).toHaveURL(new RegExp(`scenario=${level2.story.id}`));
  await result.getByRole('link', { name: 'See the moment it happens' }).click();
  await expect(page).toHaveURL(new RegExp(`step=${q2.moment}(&|$)`));
  await expect(lab.narration).toContainText('Reader B');
});

test('a right answer says so, and the question part is marked done — through a reload', async ({ lab, page }) => {
  await lab.level('level2');
  await answer(page, q2.answer);
  await expect(lesson(page).getByRole('status')).toContainText('Right');
  await page.reload();
  await expect(lesson(page).getByRole('button', { name: /^\d\. What will happen.*done/ })).toBeVisible();
  await lesson(page)
    .getByRole('button', { name: /^\d\. What will happen/ })
    .click();
  await expect(lesson(page).getByRole('status')).toContainText('Right');
});

test('the fix of the dirty book opens on Level 3, where the book comes back clean', async ({ lab, page }) => {
  await lab.level('level2');
  await lesson(page)
    .getByRole('button', { name: /^\d\. The fix/ })
    .click();
  await lesson(page).getByRole('link', { name: 'See it on Level 3' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Level 3');
  await lab.key('End');
  await lab.unfold('Event log');
  // B reads the book A wrote in, and finds it blank: the desk cleaned it on its way back.
  await expect(page.getByRole('region', { name: 'Event log' })).toContainText('Reader B reads Book 1: it is blank.');
  await page.goto('/?level=level2');
  await lesson(page)
    .getByRole('button', { name: /^\d\. The fix/ })
    .click();
  await expect(lesson(page).getByRole('button', { name: /^\d\. The fix.*done/ })).toBeVisible();
});

test('corrupt progress gives a notice and a working page', async ({ lab, page }) => {
  await page.addInitScript((key) => localStorage.setItem(key, '{broken'), PROGRESS_KEY);
  await lab.level('level1');
  await expect(lesson(page)).toContainText('could not be read');
  await lesson(page).getByRole('button', { name: 'Play an ordinary day' }).click();
  await expect(lab.button('Pause')).toBeVisible();
});

test('progress kept by an older version gives a notice and a working page, and is replaced by the new', async ({
  lab,
  page,
}) => {
  await page.addInitScript(
    ([key]) => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem(key!, JSON.stringify({ version: 0, done: ['level1', 'level2'] }));
    },
    [PROGRESS_KEY],
  );
  await lab.level('level2');
  await expect(lesson(page)).toContainText('from another version of the lab');
  await answer(page, q2.answer);
  await expect(lesson(page).getByRole('status').last()).toContainText('Right');
  const kept = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)!), PROGRESS_KEY);
  expect(kept).toEqual({ version: 1, lessons: { level2: { answer: { choice: q2.answer, right: true } } } });
});

test('storage that throws still gives a working lab', async ({ lab, page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
  });
  await lab.level('level2');
  await expect(lesson(page)).toContainText('will not be remembered');
  await answer(page, q2.answer);
  await expect(lesson(page).getByRole('status').last()).toContainText('Right');
});

test('"Continue" on the home page opens the first lesson not done; "Start over" forgets', async ({ page }) => {
  await page.addInitScript(
    ([key]) => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem(
        key!,
        JSON.stringify({ version: 1, lessons: { level1: { answer: { choice: 'x', right: true }, fixSeen: true } } }),
      );
    },
    [PROGRESS_KEY],
  );
  await page.goto('/');
  const path = page.getByRole('navigation', { name: 'The path' });
  await expect(path.getByText('Level 1').locator('..')).toContainText('done');
  await path.getByRole('link', { name: 'Continue: Level 2' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Level 2');
  await page.goBack();
  await path.getByRole('button', { name: 'Start over' }).click();
  await expect(path.getByRole('link', { name: 'Start with Level 1' })).toBeVisible();
});
