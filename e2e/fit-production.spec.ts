/**
 * Issue 12, the layout of the production page: on a 1280×600 viewport (a 1280×720 projector) the
 * run's scene, its caption and its transport fit without scrolling at every beat of every
 * production story — with every fix on, and with the story's own fix switched off (the busy runs:
 * eight readers past maxSize, the waiting line, the races) — in the page and in presentation mode.
 * The switchboard, the pool's books, who runs next and the code sit beside or below.
 */
import type { Page } from '@playwright/test';
import { FIX_NAMES } from '../src/engine';
import { expect, test, type Lab } from './fixtures';
import { misfitsOf } from './fit';

test.use({ viewport: { width: 1280, height: 600 } });

/** Step through the run in view from its start to its end, collecting what does not fit. */
async function walk(lab: Lab, page: Page, what: string): Promise<string[]> {
  const out: string[] = [];
  await lab.key('End');
  const last = await lab.momentNumber();
  await lab.key('Home');
  for (let moment = 0; moment <= last; moment++) {
    await expect(lab.narration).toHaveAttribute('data-moment', String(moment));
    for (const m of await misfitsOf(page)) out.push(`${what} beat ${moment}: ${m}`);
    if (moment < last) await lab.key('ArrowRight');
  }
  return out;
}

/** The scenario buttons of one switchboard row (or of "More"), read off the page. */
async function storiesOf(page: Page, group: string): Promise<string[]> {
  await page.goto('/?level=production');
  const buttons = page.locator(`${group} button[data-scenario]`);
  await expect(buttons.first()).toBeVisible();
  return buttons.evaluateAll((els) => els.map((el) => el.getAttribute('data-scenario')!));
}

async function walkAll(lab: Lab, page: Page, views: readonly string[]) {
  const misfits: string[] = [];
  for (const view of views) {
    await lab.open(`?level=production&${view}`);
    await expect(lab.stage).toBeVisible();
    misfits.push(...(await walk(lab, page, view)));
    await lab.key('p');
    await expect(page.getByRole('navigation', { name: 'Learning path' })).toBeHidden();
    misfits.push(...(await walk(lab, page, `presentation, ${view}`)));
    await lab.key('Escape');
    await expect(page.getByRole('navigation', { name: 'Learning path' })).toBeVisible();
  }
  expect(misfits).toEqual([]);
}

for (const fix of FIX_NAMES) {
  test(`production, the ${fix} row's stories fit at 1280×600 at every beat, the fix on and off`, async ({
    lab,
    page,
  }) => {
    test.slow();
    const ids = await storiesOf(page, `li[data-fix="${fix}"]`);
    await walkAll(
      lab,
      page,
      ids.flatMap((id) => [`scenario=${id}`, `scenario=${id}&off=${fix}`]),
    );
  });
}

test('production, the other stories fit at 1280×600 at every beat', async ({ lab, page }) => {
  test.slow();
  const ids = await storiesOf(page, '.prod-more');
  expect(ids.length).toBeGreaterThan(0);
  await walkAll(
    lab,
    page,
    ids.map((id) => `scenario=${id}`),
  );
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('each switchboard row keeps its words the width of the row, the switch above them', async ({ page }) => {
    await page.goto('/?level=production');
    const rows = page.locator('.prod-row');
    await expect(rows.first()).toBeVisible();
    const sizes = await rows.evaluateAll((els) =>
      els.map((row) => {
        const text = row.querySelector('.prod-row__text')!.getBoundingClientRect();
        const toggle = row.querySelector('.prod-switch')!.getBoundingClientRect();
        return { row: row.getBoundingClientRect().width, text: text.width, below: text.top >= toggle.bottom };
      }),
    );
    expect(sizes.length).toBe(FIX_NAMES.length);
    // Beside the switch, the words had about a third of the row: one or two words to a line.
    for (const s of sizes) {
      expect(s.below).toBe(true);
      expect(s.text).toBeGreaterThan(s.row * 0.8);
    }
  });
});
