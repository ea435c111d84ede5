/**
 * Beats and the code panel: a story steps one visible change at a time, each told in the sentence
 * the engine's events make (computed here from the story, not typed); old `?step=` links (event
 * indices) open the beat that holds their event; "line by line" steps through every event; the
 * warnings are marked on the scrubber by name; the code is highlighted and nothing is cut off.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { productionBeats, storyBeats } from './beats';
import { expect, test } from './fixtures';

const ONE_PER_LEVEL = [
  ['level1', 'grows-forever-level1'],
  ['level2', 'dirty-book-level2'],
  ['level3', 'crash-leaks-level3'],
  ['level4', 'crash-inside-with-level4'],
  ['database', 'race-database'],
] as const;

for (const [level, id] of ONE_PER_LEVEL) {
  test(`${id} plays as its beats, one sentence each`, async ({ lab }) => {
    const { beats, events, sentences } = storyBeats(id);
    expect(beats.length).toBeLessThan(events.length * 0.6);
    await lab.open(`?level=${level}&scenario=${id}&step=0`);
    await expect(lab.position).toContainText(`Moment 0 of ${beats.length - 1}`);
    for (let k = 0; k < beats.length; k++) {
      if (k > 0) await lab.button('Step forward').click();
      await expect(lab.narration).toHaveText(sentences[k]!);
    }
    await expect(lab.button('Step forward')).toBeDisabled();
  });
}

const run = (page: Page) => page.getByRole('region', { name: 'The run' });

test('the production page plays by beats too', async ({ page }) => {
  const { beats, sentences } = productionBeats('production-interleave', ['lock', 'reset'], [1, 0]);
  await page.goto('/?level=production&scenario=pick-order&off=lock,reset&choices=1,0&step=0');
  const narration = run(page).getByTestId('narration');
  await expect(run(page).getByRole('slider', { name: 'Timeline' })).toHaveAttribute('max', String(beats.length - 1));
  for (let k = 0; k < beats.length; k++) {
    if (k > 0) await run(page).getByRole('button', { name: 'Step forward', exact: true }).click();
    await expect(narration).toHaveText(sentences[k]!);
  }
});

test('the README’s old links open the beat that holds their event, and stay put', async ({ lab, page }) => {
  const lab2 = storyBeats('dirty-book-level2');
  const b = lab2.beatOf(12);
  await lab.open('?level=level2&scenario=dirty-book-level2&step=12');
  expect(await lab.momentNumber()).toBe(b);
  await expect(lab.narration).toHaveText(lab2.sentences[b]!);
  await page.reload();
  expect(await lab.momentNumber()).toBe(b);
  // The moment written back is the beat's last event, which opens the same beat.
  await lab.button('Step back').click();
  await lab.button('Step forward').click();
  await expect(page).toHaveURL(new RegExp(`step=${lab2.beats[b]!.last}$`));
  await page.reload();
  expect(await lab.momentNumber()).toBe(b);

  const prod = productionBeats('production-interleave', ['lock', 'reset'], [1, 0]);
  const p = prod.beatOf(12);
  await page.goto('/?level=production&scenario=pick-order&off=lock,reset&choices=1,0&step=12');
  await expect(run(page).getByRole('slider', { name: 'Timeline' })).toHaveValue(String(p));
  await expect(run(page).getByTestId('narration')).toHaveText(prod.sentences[p]!);
  // The run has one choice point, so the page keeps the first pick.
  await expect(page).toHaveURL(new RegExp(`choices=1&step=${prod.beats[p]!.last}$`));
  await page.reload();
  await expect(run(page).getByRole('slider', { name: 'Timeline' })).toHaveValue(String(p));
});

test('line by line steps through every event, and lights one event’s lines', async ({ lab, page }) => {
  const { events, lines, beats } = storyBeats('grows-forever-level1');
  await lab.open('?level=level1&scenario=grows-forever-level1&step=0');
  // By beats a return lights its lines at once; line by line the first event alone.
  await page.getByRole('checkbox', { name: 'Line by line' }).check();
  await lab.button('Jump to start').click();
  await expect(lab.position).toContainText(`Moment 0 of ${events.length - 1}`);
  for (let i = 0; i < 12; i++) {
    if (i > 0) await lab.button('Step forward').click();
    await expect(lab.narration).toHaveText(lines[i]!);
  }
  await page.getByRole('checkbox', { name: 'Line by line' }).uncheck();
  await expect(lab.position).toContainText(`of ${beats.length - 1}`);
});

test('warnings are marked on the scrubber, each named, and take you there', async ({ lab, page }) => {
  const { beats } = storyBeats('grows-forever-level1');
  const warned = beats.flatMap((b, k) => (b.warned ? [k] : []));
  expect(warned.length).toBeGreaterThan(0);
  await lab.open('?level=level1&scenario=grows-forever-level1&step=0');
  const marks = page.getByRole('list', { name: 'Warnings on the timeline' }).getByRole('button');
  await expect(marks).toHaveCount(warned.length);
  const first = warned[0]!;
  const mark = page.getByRole('button', { name: new RegExp(`^Go to moment ${first}, a warning: .*more than the 2`) });
  await mark.click();
  expect(await lab.momentNumber()).toBe(first);
  await expect(lab.warnings.getByRole('heading').first()).toBeVisible();
});

test('a warning’s “Go to moment” counts as the transport does, by beats or line by line', async ({ lab, page }) => {
  const { beats, events } = storyBeats('grows-forever-level1');
  const warned = beats.findIndex((b) => b.warned);
  const at = beats[warned]!.last;
  // The newest warning by then: the card that is open.
  const newest = events.findLastIndex((e, i) => i <= at && e.type === 'monitor.warned');
  await lab.open(`?level=level1&scenario=grows-forever-level1&step=${at}`);
  const go = () => lab.warnings.getByRole('button', { name: /^Go to moment \d+$/ }).first();
  await expect(go()).toHaveText(`Go to moment ${warned}`);
  // The moment it names is the one the transport shows there.
  await go().click();
  expect(await lab.momentNumber()).toBe(warned);
  // Line by line, the moment is the warning's own event.
  await page.getByRole('checkbox', { name: 'Line by line' }).check();
  await expect(go()).toHaveText(`Go to moment ${newest}`);
  await go().click();
  expect(await lab.momentNumber()).toBe(newest);
});

test('the code panel is highlighted, explains yield*, and lights every line a beat ran', async ({ lab }) => {
  const { beats, events } = storyBeats('grows-forever-level1');
  // A return: its events ran release.push; the panel lights those lines and says RELEASE.
  const k = beats.findIndex((b) => b.op === 'release');
  await lab.open(`?level=level1&scenario=grows-forever-level1&step=${beats[k]!.first}`);
  await expect(lab.code.locator('.tok-k').first()).toBeVisible();
  await expect(lab.code.getByText('read it as await', { exact: false })).toBeVisible();
  const ran = new Set(
    events.slice(beats[k]!.first, beats[k]!.last + 1).flatMap((e) => (e.line === null ? [] : [e.line])),
  );
  await expect(lab.code.locator('.code__status')).toHaveAttribute('data-step', [...ran].join(' '));
  await expect(lab.code.locator('.code__status')).toContainText('RELEASE');
  await expect(lab.code.locator('[data-now="yes"]').first()).toHaveAttribute('data-op', 'release');
  // A beat's lines ran (some are over by its end), each named with its own line number; line by
  // line, the one event's line is running.
  await expect(lab.code.locator('.code__status')).toContainText(/ ran release\.push \(line \d+\)/);
  await lab.page.getByRole('checkbox', { name: 'Line by line' }).check();
  const shelved = events.findIndex((e, i) => i >= beats[k]!.first && e.line !== null);
  await lab.open(`?level=level1&scenario=grows-forever-level1&step=${shelved}`);
  await expect(lab.code.locator('.code__status')).toContainText(/ is running release\.push \(line \d+\)/);
});

for (const width of [1280, 360]) {
  test(`no code line is cut off at ${width} px`, async ({ lab, page }) => {
    await page.setViewportSize({ width, height: 900 });
    for (const level of ['level4', 'production'] as const) {
      await lab.open(`?level=${level}`);
      const scroll = page.locator('.code__scroll').first();
      await expect(scroll).toBeVisible();
      const cut = await scroll.evaluate((box) => {
        const out: string[] = [];
        if (box.scrollWidth > box.clientWidth + 1) out.push(`the panel scrolls ${box.scrollWidth - box.clientWidth}px`);
        const right = box.getBoundingClientRect().right;
        for (const t of box.querySelectorAll<HTMLElement>('.code__text'))
          if (t.getBoundingClientRect().right > right + 1) out.push(`line ${t.parentElement?.dataset.line} runs off`);
        return out;
      });
      expect(cut).toEqual([]);
    }
  });
}

// The code box keeps the running lines in view at every moment: on the database page a long legend
// stands above the box, and the box was scrolled by the row's distance from the page's top; and a
// check's lines (SELECT 1 in validateConnection, `const alive = …` in acquire) are a dozen apart,
// and the second was cut off at the box's bottom edge. All lit lines are in view when they fit.
for (const [path, steps] of [
  ['?level=database&scenario=restart-database&step=0', 16],
  ['?level=database&scenario=race-database&step=0', 14],
  ['?level=level2&step=0', 10],
] as const) {
  test(`the running lines are in the code box's view at every moment (${path})`, async ({ lab, page }) => {
    await lab.open(path);
    const box = page.locator('.code__scroll').first();
    let seen = 0;
    for (let k = 0; k < steps; k++) {
      if ((await box.locator('[data-now="yes"]').count()) > 0) {
        seen++;
        await expect
          .poll(() =>
            box.evaluate((el) => {
              const b = el.getBoundingClientRect();
              const rows = [...el.querySelectorAll('[data-now="yes"]')].map((r) => r.getBoundingClientRect());
              const fits = rows.at(-1)!.bottom - rows[0]!.top <= b.height;
              const inView = (r: DOMRect) => r.top >= b.top - 1 && r.bottom <= b.bottom + 1;
              return fits ? rows.every(inView) : inView(rows[0]!);
            }),
          )
          .toBe(true);
      }
      const forward = lab.button('Step forward');
      if (await forward.isDisabled()) break;
      await forward.click();
    }
    expect(seen).toBeGreaterThan(3);
  });
}

test('the code legend stacks its words in a narrow panel instead of a column a few letters wide', async ({
  lab,
  page,
}) => {
  const widths = () =>
    page.locator('.code__legend dd').evaluateAll((dds) => dds.map((dd) => dd.getBoundingClientRect().width));
  // A narrow window: the panel is under 36rem, and each word's explanation takes the panel's width.
  await page.setViewportSize({ width: 560, height: 900 });
  await lab.open('?level=database');
  const panel = (await page.locator('.panel.code').first().boundingBox())!.width;
  expect(panel).toBeLessThan(576);
  expect((await widths()).length).toBeGreaterThan(2);
  for (const w of await widths()) expect(w).toBeGreaterThan(panel * 0.7);
  // At 1280 px the panel is wide (under the scene): word and explanation side by side, and the
  // explanation still a wide column.
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const w of await widths()) expect(w).toBeGreaterThan(320);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`beats, scrubber marks and the highlighted code pass axe in ${scheme}`, async ({ lab, page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await lab.open('?level=level4&scenario=crash-inside-with-level4&step=7');
    await expect(page.getByRole('list', { name: 'Warnings on the timeline' })).toBeVisible();
    const result = await new AxeBuilder({ page }).include('.controls').include('.code').include('.narration').analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
