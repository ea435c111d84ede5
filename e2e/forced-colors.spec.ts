/**
 * Issue 12, forced colours (Windows High Contrast and the like): the browser replaces every colour
 * with a few system colours and drops backgrounds and shadows, so nothing may be told by colour or
 * shadow alone. On a level page and on the production page, at every beat of a story: ACQUIRE, USE
 * and RELEASE are still named in words, each word in a box with a border; every book and every
 * station keeps a border; the lit code line is outlined (its background and side bar are gone);
 * the top of the shelf is outlined. And axe finds nothing.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, type Lab } from './fixtures';

test.use({ viewport: { width: 1280, height: 800 } });

/** What at this beat would vanish under forced colours; and which operations are named. */
function lostOf(page: Page) {
  return page.evaluate(() => {
    const out: string[] = [];
    const named = new Set<string>();
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && !el.closest('.sr-only');
    };
    const bordered = (el: Element) => {
      const s = getComputedStyle(el);
      return ['Top', 'Right', 'Bottom', 'Left'].some(
        (side) =>
          s.getPropertyValue(`border-${side.toLowerCase()}-style`) !== 'none' &&
          parseFloat(s.getPropertyValue(`border-${side.toLowerCase()}-width`)) >= 1,
      );
    };
    const outlined = (el: Element) => {
      const s = getComputedStyle(el);
      return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
    };
    for (const op of document.querySelectorAll('.scene .op')) {
      if (!shown(op)) continue;
      const word = (op.querySelector('.op__word')?.textContent ?? '').trim();
      if (!/^(ACQUIRE|USE|RELEASE)$/.test(word)) out.push(`an operation's mark without its word: "${op.textContent}"`);
      else named.add(word);
      if (!bordered(op)) out.push(`${word} has no border`);
    }
    for (const el of document.querySelectorAll('.scene .book, .scene .station'))
      if (shown(el) && !bordered(el)) out.push(`${el.className.split(' ')[0]} has no border`);
    for (const line of document.querySelectorAll('.code__line--now'))
      if (!outlined(line)) out.push(`lit code line ${line.getAttribute('data-line')} is not outlined`);
    for (const top of document.querySelectorAll('.shelf__slot[data-next-out] .book'))
      if (!outlined(top)) out.push('the top of the shelf is not outlined');
    return { out, named: [...named] };
  });
}

async function walk(lab: Lab, page: Page): Promise<{ lost: string[]; named: Set<string> }> {
  const lost: string[] = [];
  const named = new Set<string>();
  await lab.key('End');
  const last = await lab.momentNumber();
  await lab.key('Home');
  for (let moment = 0; moment <= last; moment++) {
    await expect(lab.narration).toHaveAttribute('data-moment', String(moment));
    const at = await lostOf(page);
    lost.push(...at.out.map((o) => `beat ${moment}: ${o}`));
    at.named.forEach((n) => named.add(n));
    if (moment < last) await lab.key('ArrowRight');
  }
  return { lost, named };
}

async function axeClean(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active' });
});

test('a level page in forced colours: the operations named, books, stations and the lit line drawn, axe clean', async ({
  lab,
  page,
}) => {
  test.slow();
  await lab.open('?level=level4&scenario=crash-inside-with-level4');
  expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
  const { lost, named } = await walk(lab, page);
  expect(lost).toEqual([]);
  expect([...named].sort()).toEqual(['ACQUIRE', 'RELEASE', 'USE']);
  await axeClean(page);
});

test('the production page in forced colours: the same, and axe clean', async ({ lab, page }) => {
  test.slow();
  await lab.open('?level=production&scenario=dirty&off=reset');
  const { lost, named } = await walk(lab, page);
  expect(lost).toEqual([]);
  expect(named.size).toBeGreaterThan(1);
  await axeClean(page);
});
