/**
 * Teachers' tools for the lessons: every part has its own link, which opens that part in view and
 * focused (a bad one gives a notice and the lesson's first part); each part offers its link to
 * copy; in presentation mode a clicker's Page Down / Page Up walk the parts and on to the next lesson.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const lesson = (page: Page) => page.getByRole('region', { name: /The lesson/ });
const part = (page: Page, name: string) => lesson(page).getByRole('region', { name, exact: true });
/** The button that shows a part ("3. The fix", with " (done)" once it is). */
const tab = (page: Page, name: string) =>
  lesson(page).getByRole('button', { name: new RegExp(`^\\d\\. ${name.replace('?', '\\?')}`) });

test('a part’s link opens that level with that part in view and focused', async ({ lab, page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await lab.open('?level=level3&part=fix');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Level 3');
  await expect(part(page, 'The fix')).toBeFocused();
  await expect(part(page, 'The fix')).toBeInViewport();
  await expect(tab(page, 'The fix')).toHaveAttribute('aria-current', 'step');
  await expect(part(page, 'The fix')).toContainText('safe block');
  await expect(page).toHaveURL(/\/level-3\/\?part=fix$/);
  await expect(page.locator('.notice__text')).toHaveCount(0);
});

test('a part the lesson does not have gives a notice, and the lesson opens at its start and works', async ({
  lab,
  page,
}) => {
  await lab.open('?level=level3&part=fixx');
  await expect(page.locator('.notice__text')).toHaveText([
    'The lesson has no part called "fixx" (its parts are works, question, fix and recap), so it opens at its start.',
  ]);
  await expect(tab(page, 'It works')).toHaveAttribute('aria-current', 'step');
  await part(page, 'It works').getByRole('button', { name: 'Play an ordinary day' }).click();
  await expect(lab.button('Pause')).toBeVisible();
});

test('each part offers its link: the address follows the part, and Copy link copies it whole', async ({
  lab,
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await lab.level('level2');
  for (const [name, word] of [
    ['It works', 'works'],
    ['What will happen?', 'question'],
    ['The fix', 'fix'],
    ['In three lines', 'recap'],
  ] as const) {
    await tab(page, name).click();
    await expect(page).toHaveURL(new RegExp(`/level-2/\\?part=${word}(&|$)`));
    const here = part(page, name);
    await expect(here.getByRole('link', { name: 'Link to this part' })).toHaveAttribute(
      'href',
      `/level-2/?part=${word}`,
    );
    await here.getByRole('button', { name: `Copy link to “${name}”` }).click();
    await expect(here).toContainText('Link copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      new URL(`/level-2/?part=${word}`, page.url()).href,
    );
  }
  // The part stays in the address while the lab moves: the question played its story.
  await tab(page, 'What will happen').click();
  await part(page, 'What will happen?').getByRole('radio').first().check();
  await part(page, 'What will happen?').getByRole('button', { name: 'Check, then watch' }).click();
  await lab.key('End');
  await expect(page).toHaveURL(/\/level-2\/\?part=question&scenario=dirty-book-level2/);
});

test('in presentation mode Page Down / Page Up walk the parts, then on to the next lesson', async ({ lab, page }) => {
  await lab.level('level2');
  // Outside presentation mode Page Down is the browser's: the part stays.
  await lab.key('PageDown');
  await expect(tab(page, 'It works')).toHaveAttribute('aria-current', 'step');

  await lab.key('p');
  await expect(lab.button('Leave presentation mode')).toBeVisible();
  const said = lesson(page).locator('[aria-live="polite"].sr-only');
  for (const [n, name, word] of [
    [2, 'What will happen?', 'question'],
    [3, 'The fix', 'fix'],
    [4, 'In three lines', 'recap'],
  ] as const) {
    await lab.key('PageDown');
    await expect(part(page, name)).toBeFocused();
    await expect(part(page, name)).toBeInViewport();
    await expect(said).toHaveText(`Part ${n} of 4: ${name}`);
    await expect(page).toHaveURL(new RegExp(`part=${word}`));
  }
  await lab.key('PageUp');
  await expect(part(page, 'The fix')).toBeFocused();
  await lab.key('PageDown');

  // Past the last part: the next lesson's first part, still presenting.
  await lab.key('PageDown');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Level 3');
  await expect(lab.button('Leave presentation mode')).toBeVisible();
  await expect(part(page, 'It works')).toBeFocused();
  await expect(page).toHaveURL(/\/level-3\/\?part=works/);
  // …and back before the first: the previous lesson's last part.
  await lab.key('PageUp');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Level 2');
  await expect(lab.button('Leave presentation mode')).toBeVisible();
  await expect(part(page, 'In three lines')).toBeFocused();
  await expect(page).toHaveURL(/\/level-2\/\?part=recap/);
});

test('a story chosen from the scenarios is named at the top of the lesson, in view, until the part plays its own', async ({
  lab,
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await lab.open('?level=level2');
  const note = lesson(page).locator('.lesson__onstage');
  await expect(note).toHaveCount(0);
  await page.getByRole('button', { name: 'More readers than books', exact: true }).click();
  // "It works" is about an ordinary day: the story on stage is said, where the learner is reading.
  await expect(note).toContainText('On the stage now: More readers than books. The pool may hold at most two.');
  await expect(note).toBeInViewport();
  // The part's own run takes the stage back, and the note goes.
  await part(page, 'It works').getByRole('button', { name: 'Play an ordinary day' }).click();
  await expect(note).toHaveCount(0);
  // The question part plays the lesson's own story (A dirty book): that is no other story.
  await tab(page, 'What will happen?').click();
  await page.getByRole('button', { name: 'A dirty book', exact: true }).click();
  await expect(note).toHaveCount(0);
  await page.getByRole('button', { name: 'A dead book handed out', exact: true }).click();
  await expect(note).toContainText('On the stage now: A dead book handed out.');
});

test('"It works" gives the ordinary day’s length as the day’s, not as the time to make a book', async ({
  lab,
  page,
}) => {
  await lab.open('?level=level3&part=works');
  // "makes 1 book in 118.5 ms" read as the printing time (114 ms): the day is said to take it; and
  // "ordinary", as the part's day is not the story a learner may have on the stage.
  await expect(part(page, 'It works').locator('.lesson__figures')).toHaveText(
    /^On this ordinary day Level 3 makes 1 book, and the day takes [\d.]+ ms; the same day on Level 2 makes 1 book and takes [\d.]+ ms\. /,
  );
});
