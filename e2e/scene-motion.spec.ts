/**
 * Issue 12, the scene's moves: an object travels from station to station (Level 1 "The pool grows
 * forever": Book 2 goes from the shelf to the counter for Reader A), for as long as travel.ts says;
 * with the system's reduced-motion setting it does not travel at all — a cut.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// These tests reason in events (a link's step= is an event index): step line by line, as before beats.
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('pool-lab:line-by-line', 'on'));
});

interface Frame {
  readonly place: string | null;
  readonly transform: string;
  readonly x: number;
  readonly y: number;
}

/** Step forward from inside the page and read Book 2 on each of the next animation frames. */
function stepAndWatch(page: Page, frames: number): Promise<Frame[]> {
  return page.evaluate(async (n) => {
    document.querySelector<HTMLButtonElement>('button[aria-label="Step forward"]')!.click();
    const out: Frame[] = [];
    for (let i = 0; i < n; i++) {
      await new Promise((r) => requestAnimationFrame(r));
      const el = document.querySelector<HTMLElement>('[data-layout-id="book-2"]')!;
      const box = el.getBoundingClientRect();
      out.push({ place: el.dataset.place ?? null, transform: getComputedStyle(el).transform, x: box.x, y: box.y });
    }
    return out;
  }, frames);
}

async function openBeforeThePop(page: Page) {
  await page.goto('/?level=level1&scenario=grows-forever-level1&step=8');
  const book = page.locator('[data-layout-id="book-2"]');
  await expect(book).toHaveAttribute('data-place', 'shelf');
  // The motion features load after the first paint: a step there and back makes sure they are in.
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(book).toHaveAttribute('data-place', 'counter');
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(book).toHaveAttribute('data-place', 'shelf');
  await expect.poll(() => book.evaluate((el) => getComputedStyle(el).transform)).toBe('none');
}

test.describe('with motion allowed', () => {
  test.use({ reducedMotion: 'no-preference' });

  test('a book travels from the shelf to the counter, for at least the floor of 250 ms', async ({ page }) => {
    await openBeforeThePop(page);
    const frames = await stepAndWatch(page, 8);
    const last = frames.at(-1)!;
    expect(frames.every((f) => f.place === 'counter')).toBe(true);
    // On its way: drawn away from where it lands, moved by a transform, a different place each frame.
    expect(frames.filter((f) => f.transform !== 'none').length).toBeGreaterThan(4);
    expect(new Set(frames.map((f) => `${Math.round(f.x)},${Math.round(f.y)}`)).size).toBeGreaterThan(3);
    expect(last.transform).not.toBe('none');
    const ms = Number(await page.getByRole('region', { name: 'The library' }).getAttribute('data-move-ms'));
    expect(ms).toBeGreaterThanOrEqual(250);
    // And it lands.
    await expect
      .poll(() => page.locator('[data-layout-id="book-2"]').evaluate((el) => getComputedStyle(el).transform))
      .toBe('none');
  });
});

test.describe('with reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });

  test('the same move is a cut: the book is at the counter on the very next frame and never travels', async ({
    page,
  }) => {
    await openBeforeThePop(page);
    const frames = await stepAndWatch(page, 8);
    expect(frames.map((f) => f.place)).toEqual(Array(8).fill('counter'));
    expect(frames.map((f) => f.transform)).toEqual(Array(8).fill('none'));
    expect(new Set(frames.map((f) => `${Math.round(f.x)},${Math.round(f.y)}`)).size).toBe(1);
  });
});

/** The clock's words on each of the next animation frames, and the moment's own time (data-clock). */
function watchClock(page: Page, frames: number): Promise<{ shown: string; at: number }[]> {
  return page.evaluate(async (n) => {
    const out: { shown: string; at: number }[] = [];
    for (let i = 0; i < n; i++) {
      await new Promise((r) => requestAnimationFrame(r));
      const clock = document.querySelector<HTMLElement>('.scene .clock')!;
      out.push({ shown: clock.querySelector('.clock__t')!.textContent!, at: Number(clock.dataset.clock) });
    }
    return out;
  }, frames);
}

const msOf = (shown: string) => Number(shown.replace(/^t = /, '').replace(/ ms$/, '').replace(/,/g, ''));

test.describe('the virtual clock while a book is printed (Level 3 "A dead book handed out")', () => {
  // The press starts printing Book 1 at 0 ms; the next moment is the book off the press, 114 ms later.
  /** Open the moment the press starts, press Play, and read the clock on the next `frames` frames. */
  const playAndWatch = async (page: Page, frames: number) => {
    await page.goto('/?level=level3&scenario=dead-handout-level3&step=0');
    await page.getByRole('button', { name: 'Step forward' }).click();
    while ((await page.locator('[data-room="press"] .progress').count()) === 0)
      await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(page.locator('.scene .clock__t')).toHaveText('t = 0 ms');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    return watchClock(page, frames);
  };

  test.describe('with motion', () => {
    test.use({ reducedMotion: 'no-preference' });
    test('runs on towards the next moment as the bar fills, never past it', async ({ page }) => {
      const frames = await playAndWatch(page, 40);
      const during = frames.filter((f) => f.at === 0).map((f) => msOf(f.shown));
      // Time passes on the clock while the bar fills: some frame shows a time between the two moments.
      expect(during.some((t) => t > 0 && t < 114)).toBe(true);
      expect(Math.max(...during)).toBeLessThanOrEqual(114);
      // And it never runs backwards.
      for (let i = 1; i < during.length; i++) expect(during[i]).toBeGreaterThanOrEqual(during[i - 1]!);
    });
  });

  test.describe('with reduced motion', () => {
    test.use({ reducedMotion: 'reduce' });
    test('stays at the moment’s own time', async ({ page }) => {
      const frames = await playAndWatch(page, 20);
      for (const f of frames) expect(msOf(f.shown)).toBe(f.at);
    });
  });
});
