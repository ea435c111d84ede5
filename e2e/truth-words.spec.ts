/**
 * Issue 9: the caption and the code pointer agree with the stage and with themselves. Production
 * "Waiting in line" said Connection 1 "goes straight to Reader C … without touching the shelf" and
 * then "Reader C got Connection 1 from the shelf"; "Book 1 is dead now, though nothing shows it
 * yet" was said while the stage showed it crossed out; a callout said "object 2" where the rest
 * said "Connection 2"; and on Level 4 "A crash inside the safe block", moment 7, the pointer lit
 * `acquire.create` while the narration said Reader A wrote "half a thought".
 */
import { STORIES } from '../src/stories';
import { expect, test } from './fixtures';
import { momentsOf, productionScenario } from './truth-walk';

// These tests walk the timeline event by event, as the engine records it: line by line.
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('pool-lab:line-by-line', 'on'));
});

test('narration contradicts itself: no more — production "Waiting in line" hands Connection 1 over, not from the shelf', async ({
  page,
}) => {
  const moments = momentsOf(productionScenario('queue'));
  const handoff = moments.find((m) => m.event.type === 'object.handedoff')!;
  const got = moments.find((m) => m.index > handoff.index && m.event.type === 'object.acquired')!;
  const run = page.getByRole('region', { name: 'The run' });
  const narration = run.getByTestId('narration');
  await page.goto(`/?level=production&scenario=queue&step=${handoff.index}`);
  await expect(narration).toHaveText(
    'Connection 1 goes straight to Reader C, first in line, without touching the shelf.',
  );
  await page.goto(`/?level=production&scenario=queue&step=${got.index}`);
  await expect(narration).toContainText('Reader C got Connection 1, passed on from Reader A');
  await expect(narration).not.toContainText('from the shelf');
});

test('narration contradicts the stage: no more — Level 3 "A dead book" says dead when it shows it', async ({ lab }) => {
  const moments = momentsOf(STORIES.find((s) => s.id === 'dead-handout-level3')!.scenario);
  const killed = moments.find((m) => m.event.type === 'step.finished' && m.event.do === 'kill')!;
  await lab.open(`?level=level3&scenario=dead-handout-level3&step=${killed.index}`);
  await expect(lab.shelf.locator('[data-object="1"]')).toContainText('✕ dead');
  // A space between the name and the mark on screen too ("Book 1✕ dead" ran together).
  const gap = await lab.shelf.locator('[data-object="1"] .book__dead').evaluate((mark) => {
    const name = document.createRange();
    name.selectNodeContents(mark.parentElement!.firstChild!);
    return mark.getBoundingClientRect().left - name.getBoundingClientRect().right;
  });
  expect(gap).toBeGreaterThan(3);
  await expect(lab.narration).toHaveText('Book 1 stays where it is, dead; the pool has not noticed.');
  await lab.button('Step back').click();
  await expect(lab.narration).toHaveText('Book 1 falls apart on the shelf: it is dead now.');
});

test('a callout says "object 2": no more — database "A connection dies while borrowed"', async ({ lab }) => {
  await lab.open('?level=database&scenario=dies-while-borrowed-database');
  await lab.key('End');
  const card = lab.warnings.locator('[data-warning="capacity-lost"]');
  await card.locator('summary').click();
  await expect(card).toContainText('Here: releasing Connection 2 failed');
  await expect(lab.warnings).not.toContainText(/object \d/);
  await expect(lab.warnings).not.toContainText(/\b\d+ objects\b/);
});

test('the code pointer is wrong: no more — Level 4 "A crash inside the safe block", moment 8', async ({ lab }) => {
  await lab.open('?level=level4&scenario=crash-inside-with-level4&step=8');
  await expect(lab.narration).toContainText('wrote “half a thought”');
  const status = lab.code.locator('.code__status');
  await expect(status).not.toHaveAttribute('data-step', /^acquire\./);
  const lit = lab.code.locator('[data-now="yes"]');
  for (const line of await lit.all()) await expect(line).toContainText('body(');
  await expect(lab.code.locator('[data-now="yes"]', { hasText: 'createFunc' })).toHaveCount(0);
});

test('the code legend names what the page’s methods give back: connections on the database page, books on Level 2', async ({
  lab,
}) => {
  await lab.open('?level=database');
  const legend = lab.code.locator('.code__legend');
  await expect(legend).toContainText('Op<Connection>');
  await expect(legend).toContainText('gives back a connection');
  await expect(legend).toContainText('Promise<Connection>');
  await expect(legend).toContainText('slow work (opening a connection, a query)');
  await expect(legend).not.toContainText(/book/i);
  await lab.open('?level=level2');
  await expect(legend).toContainText('slow work (printing a book)');
  await expect(legend).toContainText('Op<Book>');
  await expect(legend).toContainText('Promise<Book>');
});

test('the code names whose line ran last when the reader on stage is outside the pool’s code — database "The database restarts"', async ({
  lab,
}) => {
  // "Reader A is outside the pool’s code. Last line run: createConnection.create (line 41)" gave
  // Reader A the line Reader B's acquire had run.
  const moments = momentsOf(STORIES.find((s) => s.id === 'restart-database')!.scenario);
  const coded = (i: number) => moments[i]!.event.line !== null && moments[i]!.event.type !== 'monitor.warned';
  const outside = moments.find((m) => {
    if (m.event.line !== null || m.event.client === null) return false;
    for (let i = m.index - 1; i >= 0; i--) if (coded(i)) return moments[i]!.event.client !== m.event.client;
    return false;
  })!;
  let by = outside.index - 1;
  while (!coded(by)) by--;
  await lab.open(`?level=database&scenario=restart-database&step=${outside.index}`);
  const status = lab.code.locator('.code__status');
  await expect(status).toContainText(`Reader ${outside.event.client} is outside the pool’s code.`);
  const runner = moments[by]!.event.client;
  await expect(status).toContainText(`Last line run, by ${runner === null ? 'the pool' : `Reader ${runner}`}:`);
});

test('the counts call a closed pool closed, and no more: the database’s close() leaves it lending', async ({ lab }) => {
  const moments = momentsOf(STORIES.find((s) => s.id === 'close-with-borrowed-database')!.scenario);
  const closed = moments.findIndex((m) => m.event.type === 'pool.closed');
  const made = moments.find((m) => m.index > closed && m.event.type === 'object.creating')!;
  await lab.open(`?level=database&scenario=close-with-borrowed-database&step=${made.index}`);
  const chip = lab.stage.locator('[data-counter="closed"]');
  await expect(chip).toHaveText('Closed: close() has run');
  await expect(lab.stage).not.toContainText('lends nothing more');
});
