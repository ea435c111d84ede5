/**
 * Issue 9: what every reader is doing comes from the engine, in words. A refused or timed-out
 * reader used to look idle ("idle · holds no book") while the narration said it was turned away;
 * the waiting line was never drawn. Axe checks the new states in light and dark.
 */
import AxeBuilder from '@axe-core/playwright';
import { STORIES } from '../src/stories';
import { expect, test } from './fixtures';
import { momentsOf, productionScenario } from './truth-walk';

// These tests walk the timeline event by event, as the engine records it: line by line.
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('pool-lab:line-by-line', 'on'));
});

for (const level of ['level2', 'level3', 'level4', 'database'] as const) {
  test(`refused readers look idle: no more — ${level} "More readers than …"`, async ({ lab }) => {
    await lab.open(`?level=${level}&scenario=exhaustion-${level}`);
    await lab.key('End');
    await expect(lab.narration).toContainText('leaves without a');
    const c = lab.stage.locator('[data-reader="C"]');
    await expect(c).toHaveAttribute('data-state', 'refused');
    await expect(c.locator('.reader__state')).toHaveText('refused');
    await expect(c.locator('.reader__error')).toContainText(/available|exhausted|no /i);
    await expect(c).not.toContainText('idle');
    await expect(c).not.toContainText('holds no');
  });
}

const queue = productionScenario('queue');

test('timed-out readers look idle and the line is never drawn: no more — production "Waiting in line"', async ({
  page,
}) => {
  const moments = momentsOf(queue);
  const lined = moments.find((m) => m.world.clients.filter((c) => c.state === 'waiting').length === 3)!;
  await page.goto(`/?level=production&scenario=queue&step=${lined.index}`);
  const stage = page.getByRole('region', { name: 'The run' }).getByRole('region', { name: 'The library' });
  // The line, first in line first, drawn on the stage, and each waiting card with its place in it.
  const line = stage.getByRole('list', { name: 'Waiting line, first in line first' });
  await expect(line.getByRole('listitem')).toHaveText(['1st Reader C', '2nd Reader D', '3rd Reader E']);
  await expect(stage.locator('[data-reader="D"]')).toContainText('2nd in line');
  await expect(stage.locator('[data-reader="D"]')).toHaveAttribute('data-state', 'waiting');

  // After they give up, D and E say so, with the error, until the story ends (their last action).
  await page.getByRole('region', { name: 'The run' }).getByRole('button', { name: 'Jump to end' }).click();
  for (const name of ['D', 'E']) {
    const card = stage.locator(`[data-reader="${name}"]`);
    await expect(card).toHaveAttribute('data-state', 'timed-out');
    await expect(card.locator('.reader__state')).toHaveText('timed out');
    await expect(card.locator('.reader__error')).toContainText('Timed out after 300 ms');
    // (The pool's own message says "idle 0": it counts idle connections. The card never says idle.)
    await expect(card).not.toContainText('holds no');
  }
  await expect(line).toHaveCount(0);
  await expect(stage.locator('.waiting-line')).toContainText('nobody is waiting');
});

test('a reader holding its book never says it is still asking for one — Level 1 "The pool grows forever"', async ({
  lab,
}) => {
  const moments = momentsOf(STORIES.find((s) => s.id === 'grows-forever-level1')!.scenario);
  const got = moments.find((m) => m.event.type === 'object.acquired' && m.event.client === 'A')!;
  await lab.open(`?level=level1&scenario=grows-forever-level1&step=${got.index}`);
  const a = lab.stage.locator('[data-reader="A"]');
  await expect(a.locator('.reader__hands [data-object="2"]')).toBeVisible();
  await expect(a).not.toContainText('asking');
});

test('a reader the safe block is returning for after its crash stays marked crashed — Level 4 "A crash inside the safe block"', async ({
  lab,
}) => {
  const moments = momentsOf(STORIES.find((s) => s.id === 'crash-inside-with-level4')!.scenario);
  const crashed = moments.find((m) => m.event.type === 'block.failed')!;
  const cleaning = moments.find((m) => m.event.type === 'object.resetting' && m.event.client === 'A')!;
  const a = lab.stage.locator('[data-reader="A"]');
  await lab.open(`?level=level4&scenario=crash-inside-with-level4&step=${crashed.index}`);
  await expect(a).toHaveAttribute('data-state', 'crashed');
  await expect(a.locator('.reader__avatar')).toBeVisible();
  // Returning now, by the block's finally: the crash mark stays and the card says whose return it is.
  await lab.open(`?level=level4&scenario=crash-inside-with-level4&step=${cleaning.index}`);
  await expect(a).toHaveAttribute('data-state', 'returning');
  await expect(a).toHaveAttribute('data-crashed', 'yes');
  await expect(a.locator('.reader__avatar')).toBeVisible();
  await expect(a).toContainText('crashed; the block returns it anyway');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the waiting line and timed-out readers have no axe violations in ${scheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const moments = momentsOf(queue);
    const gaveUp = moments.find((m) => m.event.type === 'acquire.timedout')!;
    await page.goto(`/?level=production&scenario=queue&step=${gaveUp.index}`);
    const run = page.getByRole('region', { name: 'The run' });
    await expect(run.locator('[data-state="timed-out"]').first()).toBeVisible();
    await expect(run.locator('.waiting-line')).toBeVisible();
    await run.getByRole('button', { name: 'Show as a table' }).click();
    const result = await new AxeBuilder({ page }).include('.prod-column').analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
