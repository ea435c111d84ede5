/**
 * Page objects and fixtures for the lab's end-to-end tests: locators by role and accessible name,
 * and a console watcher that fails a test on any console error or uncaught exception.
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import type { LevelId } from '../src/engine';
import { LEVEL_PAGES } from '../src/stories';

export class Lab {
  constructor(readonly page: Page) {}

  async open(query: string): Promise<void> {
    await this.page.goto(`/${query}`);
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  /** The lab level page for a level id, fresh. */
  async level(id: string): Promise<void> {
    await this.open(`?level=${id}`);
    await expect(this.stage).toBeVisible();
  }

  get stage(): Locator {
    return this.page.getByRole('region', { name: 'The library' });
  }

  get shelf(): Locator {
    return this.page.getByRole('list', { name: 'The shelf, top first' });
  }

  get code(): Locator {
    return this.page.getByRole('region', { name: 'The code' });
  }

  get warnings(): Locator {
    return this.page.getByRole('region', { name: 'Warnings' });
  }

  get narration(): Locator {
    return this.page.getByTestId('narration');
  }

  /** "Moment 12 of 40 · t = …" */
  get position(): Locator {
    return this.page.getByRole('region', { name: 'What is happening' }).locator('.narration__meta');
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name, exact: typeof name === 'string' });
  }

  reader(name: string): Locator {
    return this.page.getByRole('group', { name: `Reader ${name}`, exact: true });
  }

  async act(reader: string, action: string): Promise<void> {
    await this.reader(reader).getByRole('button', { name: action, exact: true }).click();
  }

  /** Open a panel that folds away ("Try it yourself", "Event log"…), if it is not open yet. */
  async unfold(label: string): Promise<void> {
    const toggle = this.page.getByRole('group', { name: 'Panels to open' }).getByRole('button', { name: label });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  }

  /** Add readers by hand (opens "Try it yourself" first). */
  async addReaders(n: number): Promise<void> {
    await this.unfold('Try it yourself');
    for (let i = 0; i < n; i++) await this.button('+ Add a reader').click();
  }

  /** Press a shortcut with focus on the page body, away from any button. */
  async key(key: string): Promise<void> {
    await this.page.locator('body').press(key);
  }

  async playStory(title: string): Promise<void> {
    await this.page
      .getByRole('group', { name: /Scenarios/ })
      .getByRole('button', { name: title, exact: true })
      .click();
    await this.key('End');
  }

  /** The moment in view: its number on the timeline. */
  async momentNumber(): Promise<number> {
    const text = (await this.position.textContent()) ?? '';
    const m = /Moment (\d+) of (\d+)/.exec(text);
    if (!m) throw new Error(`no moment in "${text}"`);
    return Number(m[1]);
  }

  /** What the stage and code show, as text, to compare two moments. */
  async snapshot(): Promise<{ stage: string; code: string; shelf: string | null; narration: string }> {
    return {
      stage: (await this.stage.innerText()).trim(),
      code: (await this.code.locator('.code__status').innerText()).trim(),
      shelf: await this.stage
        .locator('[data-shelf]')
        .getAttribute('data-shelf')
        .catch(() => null),
      narration: (await this.narration.innerText()).trim(),
    };
  }

  callout(title: string): Locator {
    return this.warnings.getByRole('heading', { name: title });
  }
}

/**
 * Wait until the page in view has hydrated (App.tsx marks it): each page is prerendered, and a press
 * on the markup before its code has taken over would be lost. A lab level opened with no link words
 * sleeps until the learner starts something (wake.ts marks it `data-asleep`); `wake` presses Shift,
 * a learner's first key, and waits for it to hydrate too.
 */
export async function hydrated(page: Page, wake = true): Promise<void> {
  await page.waitForFunction(() => ['hydrated', 'asleep'].some((k) => k in document.documentElement.dataset));
  if (!wake || !(await page.evaluate(() => 'asleep' in document.documentElement.dataset))) return;
  await page.keyboard.press('Shift');
  await page.waitForFunction(() => 'hydrated' in document.documentElement.dataset);
}

export const test = base.extend<{ lab: Lab; consoleErrors: string[]; wakeLab: boolean }>({
  /** Whether opening a sleeping lab level wakes it (the fixture's Shift); a test of the sleep itself turns it off. */
  wakeLab: [true, { option: true }],
  // Every navigation of a test ends on a hydrated page (a link of the old form, `/?level=…`, moves to its page first).
  page: async ({ page, wakeLab }, use) => {
    const goto = page.goto.bind(page);
    page.goto = async (url, options) => {
      const response = await goto(url, options);
      await hydrated(page, wakeLab);
      return response;
    };
    const reload = page.reload.bind(page);
    page.reload = async (options) => {
      const response = await reload(options);
      await hydrated(page, wakeLab);
      return response;
    };
    await use(page);
  },
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('request', (r) => {
        const url = new URL(r.url());
        if (!['127.0.0.1', 'localhost'].includes(url.hostname) && url.protocol.startsWith('http'))
          errors.push(`request left the origin: ${r.url()}`);
      });
      await use(errors);
      expect(errors, 'console errors or outside requests').toEqual([]);
    },
    { auto: true },
  ],
  lab: async ({ page }, use) => {
    await use(new Lab(page));
  },
});

export { expect };

/** The lab levels of the path (pages with a stage): the levels the stories give a page. */
export const LAB_LEVELS: readonly LevelId[] = LEVEL_PAGES.map((p) => p.id);
