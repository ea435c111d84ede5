/**
 * The first view comes from prerendered HTML, and a lab level's code waits for the learner
 * (src/ui/wake.ts): opened with no link words, the page fetches none of the lab until the learner
 * starts something, and a press made before the code arrives is made once it has.
 */
import type { Page, Request, Route } from '@playwright/test';
import { STORIES } from '../src/stories';
import { ROUTES, routePath } from '../src/ui/routes';
import { expect, test } from './fixtures';

test.use({ wakeLab: false });

/** The lab level's own code (the page's chunk and the engine's), by the names Vite gives its chunks. */
const isLabCode = (r: Request) => /\/assets\/(LabLevelRoute|labRuntime|run|Stage)-[\w-]+\.js$/.test(r.url());

function labRequests(page: Page): Request[] {
  const seen: Request[] = [];
  page.on('request', (r) => {
    if (isLabCode(r)) seen.push(r);
  });
  return seen;
}

/** Hold the lab level's own chunk back on the network; the function returned lets it through. */
async function holdLabCode(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  await page.route(/\/assets\/LabLevelRoute-[\w-]+\.js$/, async (route: Route) => {
    await released;
    await route.continue();
  });
  return release;
}

const story = STORIES.find((s) => s.level === 'level2')!;

/** The button of that story, among the level's scenarios. */
const storyButton = (page: Page) =>
  page.getByRole('group', { name: /Scenarios/ }).getByRole('button', { name: story.title, exact: true });

test('each page’s HTML already holds its first view', async ({ request }) => {
  for (const [path, heading] of [
    ['/', 'The library analogy'],
    ['/level-2/', 'Level 2'],
    ['/load-lab/', 'Load lab'],
  ] as const) {
    const html = await (await request.get(path)).text();
    expect(html, path).toMatch(new RegExp(`<h1[^>]*>[^<]*${heading}`, 'i'));
  }
  const level = await (await request.get('/level-2/')).text();
  expect(level).toContain('class="shelf"');
  expect(level, 'a lab level does not preload its code').not.toMatch(/modulepreload[^>]*LabLevelRoute/);
});

test('a lab level’s prerendered view is the one it wakes to: the same run, at the same moment', async ({
  page,
  lab,
}) => {
  for (const route of ROUTES.filter((r) => r.kind === 'lab')) {
    const path = routePath(route);
    await page.goto(path);
    const asleep = await lab.position.innerText();
    const scene = await lab.stage.innerText();
    await page.keyboard.press('Shift');
    await expect(page.locator('html')).toHaveAttribute('data-hydrated', route.id);
    await expect(lab.position, path).toHaveText(asleep);
    expect(await lab.stage.innerText(), path).toBe(scene);
  }
});

test('the production page’s prerendered view is the story it hydrates to', async ({ browser, page }) => {
  const bare = await browser.newContext({ javaScriptEnabled: false });
  const html = await bare.newPage();
  await html.goto('/production/');
  const prerendered = await html.locator('.narration__meta').allInnerTexts();
  await bare.close();
  await page.goto('/production/');
  expect(prerendered.length).toBeGreaterThan(0);
  expect(prerendered[0]).not.toMatch(/Moment 0 of 0/);
  expect(await page.locator('.narration__meta').allInnerTexts()).toEqual(prerendered);
});

test('a lab level opened with no link fetches none of the lab until the learner starts something', async ({
  page,
  lab,
}) => {
  const seen = labRequests(page);
  await page.goto('/level-2/');
  await expect(page.locator('html')).toHaveAttribute('data-asleep', '');
  await page.waitForLoadState('networkidle');
  // Reading is not starting: scrolling the page down and back fetches nothing.
  await page.mouse.wheel(0, 600);
  await page.mouse.wheel(0, -600);
  await page.waitForLoadState('networkidle');
  expect(seen.map((r) => r.url())).toEqual([]);
  await expect(lab.stage).toBeVisible();

  // The pointer coming over one of its controls wakes it.
  await storyButton(page).hover();
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'level2');
  await expect(page.locator('html')).not.toHaveAttribute('data-asleep');
  await expect(page.locator('html')).not.toHaveAttribute('data-waking');
  expect(seen.length).toBeGreaterThan(0);
});

test('a press made before the lab’s code has arrived is made once it has', async ({ page, lab }) => {
  // The page's chunk is held back until the press has been made.
  const release = await holdLabCode(page);
  await page.goto('/level-2/');
  const button = storyButton(page);
  await button.click();
  await expect(page.locator('html')).toHaveAttribute('data-waking', '');
  await expect(page).toHaveURL(/\/level-2\/$/);
  release();
  // The story the learner pressed starts, as if the code had been there all along.
  await expect(lab.button('Pause')).toBeVisible();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
});

test('a shortcut key that woke the page is pressed again once it is awake', async ({ page, lab }) => {
  const release = await holdLabCode(page);
  await page.goto('/level-2/');
  const last = await lab.momentNumber();
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('html')).toHaveAttribute('data-waking', '');
  release();
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'level2');
  await expect(lab.position).toContainText(`Moment ${last - 1} of`);
});

test('a link that asks for something wakes the page at once', async ({ page, lab }) => {
  const seen = labRequests(page);
  await page.goto(`/level-2/?scenario=${story.id}&step=3`);
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'level2');
  await expect(storyButton(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(lab.stage).toBeVisible();
  expect(seen.length).toBeGreaterThan(0);
});

test('until a link’s view is on the page, the default view under it is dimmed, says so and takes no press', async ({
  page,
  lab,
}) => {
  // Before, the prerendered default run (Level 2's ordinary day, at its end) stood there as if it
  // were the link's, and a press on its transport was lost or landed on the wrong run.
  const release = await holdLabCode(page);
  // Not awaited: the fixture's goto waits for the page to hydrate, which the held code keeps it from.
  const opened = page.goto(`/level-2/?scenario=${story.id}&step=3`);
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-opening', '');
  const said = () =>
    lab.stage.locator('.scene__caption .narration').evaluate((n) => getComputedStyle(n, '::after').content);
  await expect.poll(said).toBe('"Opening the link…"');
  const style = await page
    .getByRole('button', { name: 'Step forward', exact: true })
    .evaluate((b) => [getComputedStyle(b).pointerEvents, getComputedStyle(b.closest('.controls')!).opacity]);
  expect(style).toEqual(['none', '0.4']);
  release();
  await opened;
  await expect(html).toHaveAttribute('data-hydrated', 'level2');
  await expect(html).not.toHaveAttribute('data-opening');
  await expect(storyButton(page)).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(said).toBe('none');
  expect(await lab.stage.evaluate((s) => getComputedStyle(s.querySelector('.scene__map')!).opacity)).toBe('1');
});

test('a page opened without a link is never marked as opening one', async ({ page }) => {
  await page.goto('/level-2/');
  await expect(page.locator('html')).toHaveAttribute('data-asleep', '');
  await expect(page.locator('html')).not.toHaveAttribute('data-opening');
});

test('a lab level reached from another page loads at once', async ({ page, lab }) => {
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Learning path' })
    .getByRole('link', { name: /Level 2/ })
    .click();
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'level2');
  await expect(lab.stage).toBeVisible();
});

test('a level page with nothing to play yet has its Play button off, until a story is picked', async ({
  page,
  lab,
}) => {
  // Level 3 starts empty: the pool opens with nothing on its shelf, and that is the one moment.
  const level3 = STORIES.find((s) => s.level === 'level3')!;
  const button = page
    .getByRole('group', { name: /Scenarios/ })
    .getByRole('button', { name: level3.title, exact: true });
  await page.goto('/level-3/');
  await button.hover();
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'level3');
  await expect(lab.position).toContainText('Moment 0 of 0');
  await expect(lab.button('Play')).toBeDisabled();
  await button.click();
  await expect(lab.button('Pause')).toBeEnabled();
});
