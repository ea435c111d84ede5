/**
 * Issue 9: where every object is comes from the engine. Objects on their way (popped, being
 * cleaned, handed over) used to be drawn in LOST; a double release draws the object in both
 * places, each copy marked as the same object. And a walk of three stories, moment by moment:
 * the table's Where column, the caption and the lit code lines are the engine's at every moment.
 */
import type { Locator } from '@playwright/test';
import { STORIES } from '../src/stories';
import { expect, test } from './fixtures';
import { momentsOf, productionScenario, type Moment } from './truth-walk';

// These tests walk the timeline event by event, as the engine records it: line by line.
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('pool-lab:line-by-line', 'on'));
});

const story = (id: string) => STORIES.find((s) => s.id === id)!;

/** The Lost room of a stage, and the books drawn in it. */
const lostIn = (stage: Locator) => stage.getByRole('group', { name: 'Lost', exact: true }).locator('[data-object]');

async function stepThrough(scope: Locator, moments: readonly Moment[], check: (m: Moment) => Promise<void>) {
  const position = scope.locator('.narration__meta');
  const start = scope.getByRole('button', { name: 'Jump to start' });
  if (await start.isEnabled()) await start.click();
  for (const m of moments) {
    await expect(position).toContainText(`Moment ${m.index} of`);
    await check(m);
    if (m.index < moments.length - 1) await scope.getByRole('button', { name: 'Step forward' }).click();
  }
}

test('objects on their way are drawn as LOST: no more — Level 1 "The pool grows forever"', async ({ lab, page }) => {
  await lab.open('?level=level1&scenario=grows-forever-level1&step=9');
  // The pool has taken Book 2 off the shelf for Reader A: it is at the counter, for A.
  await expect(lab.narration).toContainText('takes Book 2 off the top of the shelf for Reader A');
  const counter = lab.stage.getByRole('group', { name: 'Counter', exact: true });
  await expect(counter.locator('[data-object="2"]')).toContainText('Reader A');
  await expect(lostIn(lab.stage)).toHaveCount(0);
  // Nothing is ever lost in this story: at no moment is anything drawn there.
  const moments = momentsOf(story('grows-forever-level1').scenario);
  await stepThrough(page.locator('main'), moments, async () => {
    await expect(lostIn(lab.stage)).toHaveCount(0);
  });
});

test('objects on their way are drawn as LOST: no more — Level 3 "A dead book", while the book is cleaned', async ({
  lab,
  page,
}) => {
  const moments = momentsOf(story('dead-handout-level3').scenario);
  const cleaning = moments.find((m) => m.event.type === 'object.resetting')!;
  await lab.open(`?level=level3&scenario=dead-handout-level3&step=${cleaning.index}`);
  const desk = lab.stage.getByRole('group', { name: 'Cleaning desk', exact: true });
  await expect(desk.locator('[data-object="1"]')).toBeVisible();
  await expect(lostIn(lab.stage)).toHaveCount(0);
  await stepThrough(page.locator('main'), moments, async () => {
    await expect(lostIn(lab.stage)).toHaveCount(0);
  });
});

test('objects on their way are drawn as LOST: no more — production "Waiting in line", during ROLLBACK and the hand-over', async ({
  page,
}) => {
  await page.goto('/?level=production&scenario=queue');
  const run = page.getByRole('region', { name: 'The run' });
  const stage = run.getByRole('region', { name: 'The library' });
  // The page runs the story with its switches, all on unless the link says otherwise.
  const moments = momentsOf(productionScenario('queue'));
  await stepThrough(run, moments, async (m) => {
    await expect(lostIn(stage)).toHaveCount(0);
    if (m.event.type === 'object.handedoff') {
      // Handed straight to the first in line: at the counter, on its way to that reader.
      const to = m.event.to;
      await expect(
        stage.getByRole('group', { name: 'Counter', exact: true }).locator(`[data-object="${m.event.object}"]`),
      ).toContainText(`Reader ${to}`);
    }
  });
});

test('a book released twice is drawn twice, each copy marked as the same book', async ({ lab }) => {
  await lab.open('?level=level2&scenario=double-release-level2');
  await lab.key('End');
  const moments = momentsOf(story('double-release-level2').scenario);
  const twice = moments.find((m) => m.event.type === 'monitor.warned' && m.event.warning === 'double-shelved')!;
  await lab.button('Jump to start').click();
  await lab.page.getByRole('slider', { name: 'Timeline' }).fill(String(twice.index));
  const copies = lab.shelf.locator(`[data-object="${twice.event.object}"]`);
  await expect(copies).toHaveCount(2);
  for (const copy of await copies.all()) await expect(copy).toContainText('the same book is also on the shelf again');
  const ids = await copies.evaluateAll((els) => els.map((el) => el.getAttribute('data-layout-id')));
  expect(new Set(ids).size).toBe(2);
  expect(ids).toContain(`book-${twice.event.object}`);
});

for (const [id, page] of [
  ['grows-forever-level1', 'level1'],
  ['dead-handout-level3', 'level3'],
] as const) {
  test(`${id}, moment by moment: the table's Where column, the caption and the lit lines are the engine's`, async ({
    lab,
  }) => {
    await lab.open(`?level=${page}&scenario=${id}&step=0`);
    await lab.button('Show as a table').click();
    const table = lab.stage.locator('table[data-table="objects"]');
    const moments = momentsOf(story(id).scenario);
    await stepThrough(lab.page.locator('main'), moments, async (m) => {
      await expect(lab.narration).toHaveText(m.caption);
      await expect(table.locator('tbody tr')).toHaveCount(m.world.objects.length);
      for (const [object, where] of m.where)
        await expect(table.locator(`tr[data-row-object="${object}"] td`).first()).toHaveText(where);
      const lit = await lab.code
        .locator('[data-now="yes"]')
        .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-line'))));
      expect(lit, `moment ${m.index}`).toEqual(m.lit);
    });
  });
}
