/**
 * The path end to end, as a newcomer walks it: from the home page through every lesson — each part
 * leading to the next, a question answered before the story plays, the fix opened on the level that
 * fixes it and Back returning to the lesson's three lines — then "Next lesson" on to the production
 * pool and the Load lab, where the path ends; the home page then shows every lesson done.
 */
import { LESSONS, askQuestion, fixLevelOf } from '../src/store/lessons';
import { levelOf } from '../src/store/levels';
import { pathOfPage } from '../src/store/linkPath';
import { expect, test } from './fixtures';

test('a newcomer goes from the home page to the end of the path by its own buttons', async ({ page }) => {
  test.slow();
  await page.goto('/');
  const path = page.getByRole('navigation', { name: 'The path' });
  await path.getByRole('link', { name: 'Start with Level 1' }).click();
  const lesson = page.getByRole('region', { name: /The lesson/ });
  const h1 = page.getByRole('heading', { level: 1 });

  for (const [i, l] of LESSONS.entries()) {
    await expect(h1).toHaveText(levelOf(l.level).title);
    await lesson.getByRole('button', { name: 'Next: What will happen? →' }).click();
    const part = lesson.getByRole('region', { name: 'What will happen?', exact: true });
    await expect(part).toBeFocused();
    const q = askQuestion(l);
    await part.getByRole('radio', { name: q.answer, exact: true }).check();
    await part.getByRole('button', { name: 'Check, then watch' }).click();
    await expect(part.getByRole('status')).toContainText(`Right: ${q.answer}`);
    await lesson.getByRole('button', { name: 'Next: The fix →' }).click();
    await lesson.getByRole('link', { name: `See it on ${levelOf(fixLevelOf(l)!).label}` }).click();
    await expect(h1).toHaveText(levelOf(fixLevelOf(l)!).title);
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`${pathOfPage(l.level)}\\?part=recap`));
    const recap = lesson.getByRole('region', { name: 'In three lines', exact: true });
    await expect(recap).toBeFocused();
    await expect(lesson.getByRole('button', { name: /^4\. In three lines.*done/ })).toBeVisible();
    const next = LESSONS[i + 1]?.level ?? 'production';
    await recap.getByRole('link', { name: `Next lesson: ${levelOf(next).label} →` }).click();
  }

  await expect(h1).toHaveText(levelOf('production').title);
  await page
    .getByRole('navigation', { name: 'Next on the path' })
    .getByRole('link', { name: /Next lesson: Load lab/ })
    .click();
  await expect(h1).toHaveText('Load lab');
  const end = page.getByRole('navigation', { name: 'Next on the path' });
  await expect(end).toContainText('This is the end of the path.');
  await end.getByRole('link', { name: 'Back to the path' }).click();
  for (const l of LESSONS)
    await expect(path.getByRole('listitem').filter({ hasText: levelOf(l.level).label })).toContainText('done');
  await expect(path.getByRole('link', { name: `Continue: ${levelOf('production').label}` })).toBeVisible();
});
