/**
 * What a link means on the lab's pages: `?level=level2&scenario=dirty-book&step=12`, or a
 * scenario file in the fragment (`#file=…`). The link format itself is link.ts's; this reads its
 * words against the pages the app has. Reading one never fails: whatever is wrong in it, the
 * nearest valid view opens and a notice says what was ignored.
 *
 * `level` is a page of the path (analogy, level1…level4, database, production, load — whichever
 * the app has), `scenario` a story of that level, `step` a moment on its timeline (0 is the start).
 * A file in the fragment opens on the page of its own level. `part` is a part of a lab page's
 * lesson (works, question, fix, recap), given only when the link names one.
 */
import { isLessonPart, LESSON_PARTS, type LessonPart } from './lessonPart';
import { andList } from './format';
import { pageOf, quoted, readLink, writeLink, type LinkedFile, type ManualRun } from './link';

export interface LinkTarget {
  /** A page id from the app's path. */
  readonly page: string;
  readonly story: string | null;
  /** The moment asked for (the link's `step`); checked against the timeline once it has run. */
  readonly moment: number | null;
  /** The part of the page's lesson to show (absent: the lesson's first). */
  readonly part?: LessonPart | null;
  /** A scenario file the link carries (lab pages; a page that owns its link reads its own). */
  readonly file?: LinkedFile | null;
  /** A run built by hand on top of the story, the file or a fresh pool (lab pages). */
  readonly run?: ManualRun | null;
  /** Writing only: the run as fragment.ts's encodeRun wrote it. */
  readonly runText?: string | null;
}

export interface LinkContext {
  /** Page ids in path order; the first is where a link with no valid page lands. */
  readonly pages: readonly string[];
  /** Whether a page is a lab level (which has stories and a timeline). */
  readonly isLab: (page: string) => boolean;
  /** Story ids of a lab level. */
  readonly storiesOf: (page: string) => readonly string[];
  /** Display name of a page, for notices. */
  readonly titleOf?: (page: string) => string;
  /**
   * Whether a page reads the rest of its link itself (the production page: see productionLink.ts).
   * For such a page only `level` (or its file's level) is read here; the rest is left to it.
   */
  readonly ownsLink?: (page: string) => boolean;
  /** The page that shows runs of a level, if any (a file in a link opens there). */
  readonly pageOfLevel?: (level: string) => string | undefined;
}

export interface ParsedLink {
  readonly target: LinkTarget;
  /** One plain sentence per thing the link asked for and did not get. */
  readonly notices: readonly string[];
}

export function parseDeepLink(search: string, ctx: LinkContext, hash = ''): ParsedLink {
  const { words, faults, notices: general } = readLink(search, hash);
  const notices: string[] = [];
  const first = ctx.pages[0] ?? 'analogy';
  const title = (p: string) => ctx.titleOf?.(p) ?? p;

  let page = first;
  if (words.level !== null) {
    const wanted = pageOf(words.level, ctx.pages);
    if (wanted !== undefined) page = wanted;
    else
      notices.push(
        `The link asked for a level called ${quoted(words.level)}, which the lab does not have, so it opened ${title(first)}.`,
      );
  }

  let file = words.file;
  if (file) {
    const level = file.scenario.level;
    const home = file.load === undefined ? ctx.pageOfLevel?.(level) : undefined;
    if (home === undefined) {
      notices.push(
        file.load === undefined
          ? `No page of the lab shows ${level} runs, so the link’s file was not opened; run it with npm run simulate.`
          : 'The link’s file is a load run; run it with npm run simulate, or give its numbers to the Load lab’s form.',
      );
      file = null;
    } else {
      if (words.level !== null && home !== page)
        notices.push(`The link’s file is a run of ${title(home)}, so it opened ${title(home)}.`);
      page = home;
    }
  }
  const part = readPart(words.part, page, ctx, notices);
  // A page that reads its own link says itself what it could not have.
  if (ctx.ownsLink?.(page)) return { target: { page, story: null, moment: null }, notices };
  notices.unshift(...general);

  let story: string | null = null;
  if (words.scenario !== null) {
    if (!ctx.isLab(page)) {
      notices.push(`${title(page)} has no scenarios, so ${quoted(words.scenario)} was ignored.`);
    } else if (file) {
      notices.push(`The link carries a file, so the scenario ${quoted(words.scenario)} was ignored.`);
    } else if (ctx.storiesOf(page).includes(words.scenario)) {
      story = words.scenario;
    } else {
      notices.push(`${title(page)} has no scenario called ${quoted(words.scenario)}; pick one from the buttons.`);
    }
  }

  let moment: number | null = null;
  const asked = words.moment ?? faults.moment;
  if (asked !== undefined && asked !== null) {
    if (!ctx.isLab(page)) notices.push(`${title(page)} has no timeline, so step=${quoted(String(asked))} was ignored.`);
    else if (words.moment === null)
      notices.push(`${quoted(String(asked))} is not a moment on the timeline, so the lab starts at the beginning.`);
    else moment = words.moment;
  }

  let run = words.run;
  if (run && !ctx.isLab(page)) {
    notices.push(`${title(page)} has no runs built by hand, so the link’s run was ignored.`);
    run = null;
  }
  if (run && story !== null) {
    // The run says which story it follows; the query's scenario is the same one or a stale word.
    if (run.base !== story)
      notices.push(`The link’s run follows its own story, so the scenario ${quoted(story)} was ignored.`);
    story = null;
  }

  const switches = [words.off !== null || faults.off ? 'off' : null, words.choices || faults.choice ? 'choices' : null];
  const ignored = switches.filter((w): w is string => w !== null);
  if (ignored.length > 0)
    notices.push(
      `${title(page)} has no switches to set, so ${ignored.join(' and ')} ${ignored.length === 1 ? 'was' : 'were'} ignored.`,
    );

  return {
    target: { page, story, moment, ...(part ? { part } : {}), ...(file ? { file } : {}), ...(run ? { run } : {}) },
    notices,
  };
}

/** The lesson part a link names, if the page has a lesson and the word is one of its parts. */
function readPart(word: string | null, page: string, ctx: LinkContext, notices: string[]): LessonPart | null {
  if (word === null) return null;
  const title = ctx.titleOf?.(page) ?? page;
  const part = word.toLowerCase();
  if (!ctx.isLab(page) || ctx.ownsLink?.(page))
    notices.push(`${title} has no lesson parts, so part=${quoted(word)} was ignored.`);
  else if (isLessonPart(part)) return part;
  else
    notices.push(
      `The lesson has no part called ${quoted(word)} (its parts are ${andList([...LESSON_PARTS])}), so it opens at its start.`,
    );
  return null;
}

/** The address for a view; empty values (and moment 0) are left out, a file goes in the fragment. */
export function formatDeepLink(target: LinkTarget): string {
  return writeLink({
    level: target.page,
    part: target.part ?? null,
    scenario: target.story,
    moment: target.moment !== null && target.moment > 0 ? target.moment : null,
    file: target.file?.json ?? null,
    run: target.runText ?? null,
  });
}
