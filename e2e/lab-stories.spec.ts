import { callout } from '../src/store/callouts';
import { STORIES } from '../src/stories';
import { expect, LAB_LEVELS, test } from './fixtures';

const onLab = STORIES.filter((s) => LAB_LEVELS.includes(s.level));

test('every lab level has its scenario buttons', () => {
  for (const level of LAB_LEVELS)
    expect(
      onLab.some((s) => s.level === level),
      level,
    ).toBe(true);
});

for (const story of onLab) {
  test(`${story.level}: "${story.title}" plays to its callout`, async ({ lab, page }) => {
    await lab.level(story.level);
    await page
      .getByRole('group', { name: /Scenarios/ })
      .getByRole('button', { name: story.title, exact: true })
      .click();
    // It starts playing from the beginning…
    await expect(lab.button('Pause')).toBeVisible();
    await expect(
      page.getByRole('group', { name: /Scenarios/ }).getByRole('button', { name: story.title, exact: true }),
    ).toHaveAttribute('aria-pressed', 'true');
    // …and at its end the promised warning is the one on show.
    await lab.key('End');
    await expect(lab.button('Play')).toBeVisible();
    const text = callout(story.expect, story.level);
    const card = lab.warnings.locator(`article[data-warning="${story.expect}"]`);
    await expect(card.getByRole('heading', { name: text.title })).toBeVisible();
    await expect(card).toContainText(text.body);
    await expect(page).toHaveURL(new RegExp(`scenario=${story.id}`));
  });
}
