/**
 * Issue 12, the layout at every moment: on a 1280×600 viewport (a 1280×720 projector) the scene,
 * its caption and the transport fit without scrolling and nothing overflows sideways — not only at
 * a story's start but at its busiest beats (many readers, a long waiting line, a full shelf, long
 * captions, errors on the readers). So every story of every level page is walked beat by beat, in
 * the page as it opens and in presentation mode. The full walk (about 260 beats, each measured in
 * one evaluate) takes well under a minute, so nothing is sampled. On a 360 px phone, every beat
 * again: nothing sticks out sideways.
 */
import type { Page } from '@playwright/test';
import { STORIES } from '../src/stories';
import { storyBeats } from './beats';
import { expect, LAB_LEVELS, test, type Lab } from './fixtures';
import { misfitsOf } from './fit';

test.use({ viewport: { width: 1280, height: 600 } });

/** Step through the story in view from its start to its end, collecting what does not fit. */
async function walk(lab: Lab, page: Page, story: string, beats: number, mode: string): Promise<string[]> {
  const out: string[] = [];
  const sideways = mode === '360 px';
  await lab.key('Home');
  for (let moment = 0; moment < beats; moment++) {
    await expect(lab.narration).toHaveAttribute('data-moment', String(moment));
    for (const m of await misfitsOf(page, { sideways })) out.push(`${mode}, ${story} beat ${moment}: ${m}`);
    if (moment < beats - 1) await lab.key('ArrowRight');
  }
  return out;
}

for (const level of LAB_LEVELS) {
  test(`${level}: every story fits at 1280×600 at every beat, with and without presentation mode`, async ({
    lab,
    page,
  }) => {
    test.slow();
    const misfits: string[] = [];
    for (const story of STORIES.filter((s) => s.level === level)) {
      const beats = storyBeats(story.id).beats.length;
      await lab.open(`?level=${level}&scenario=${story.id}`);
      await expect(lab.stage).toBeVisible();
      misfits.push(...(await walk(lab, page, story.id, beats, 'page')));
      await lab.key('p');
      await expect(lab.button('Leave presentation mode')).toBeVisible();
      misfits.push(...(await walk(lab, page, story.id, beats, 'presentation')));
      await lab.key('Escape');
      await expect(lab.button('Presentation mode')).toBeVisible();
    }
    expect(misfits).toEqual([]);
  });
}

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  for (const level of LAB_LEVELS)
    test(`${level}: nothing sticks out sideways at any beat of any story`, async ({ lab, page }) => {
      test.slow();
      const misfits: string[] = [];
      for (const story of STORIES.filter((s) => s.level === level)) {
        await lab.open(`?level=${level}&scenario=${story.id}`);
        await expect(lab.stage).toBeVisible();
        misfits.push(...(await walk(lab, page, story.id, storyBeats(story.id).beats.length, '360 px')));
      }
      expect(misfits).toEqual([]);
    });
});
