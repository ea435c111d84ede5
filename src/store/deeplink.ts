/**
 * Deep links: `?level=level2&scenario=dirty-book&step=12`. Reading one never fails: whatever is
 * wrong in it, the nearest valid view opens and a notice says what was ignored.
 *
 * `level` is a page of the path (analogy, level1…level4, database, production, load — whichever
 * the app has), `scenario` a story of that level, `step` a moment on its timeline (0 is the start).
 * The parameter keeps its name so that links already shared still work.
 */

export interface LinkTarget {
  /** A page id from the app's path. */
  readonly page: string;
  readonly story: string | null;
  /** The moment asked for (the link's `step`); checked against the timeline once it has run. */
  readonly moment: number | null;
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
   * For such a page only `level` is read here; its other parameters are left to it.
   */
  readonly ownsLink?: (page: string) => boolean;
}

export interface ParsedLink {
  readonly target: LinkTarget;
  /** One plain sentence per thing the link asked for and did not get. */
  readonly notices: readonly string[];
}

const MAX_MOMENT = 1_000_000;

export function parseDeepLink(search: string, ctx: LinkContext): ParsedLink {
  const params = new URLSearchParams(search);
  const notices: string[] = [];
  const first = ctx.pages[0] ?? 'analogy';
  const title = (p: string) => ctx.titleOf?.(p) ?? p;

  const rawPage = params.get('level');
  let page = first;
  if (rawPage !== null) {
    const wanted = rawPage.trim().toLowerCase();
    if (ctx.pages.includes(wanted)) page = wanted;
    else
      notices.push(
        `The link asked for a level called "${clip(rawPage)}", which the lab does not have, so it opened ${title(first)}.`,
      );
  }
  if (ctx.ownsLink?.(page)) return { target: { page, story: null, moment: null }, notices };

  const rawStory = params.get('scenario');
  let story: string | null = null;
  if (rawStory !== null && rawStory !== '') {
    if (!ctx.isLab(page)) {
      notices.push(`${title(page)} has no scenarios, so "${clip(rawStory)}" was ignored.`);
    } else if (ctx.storiesOf(page).includes(rawStory)) {
      story = rawStory;
    } else {
      notices.push(`${title(page)} has no scenario called "${clip(rawStory)}"; pick one from the buttons.`);
    }
  }

  const rawMoment = params.get('step');
  let moment: number | null = null;
  if (rawMoment !== null && rawMoment !== '') {
    const n = Number(rawMoment);
    if (!ctx.isLab(page)) notices.push(`${title(page)} has no timeline, so step=${clip(rawMoment)} was ignored.`);
    else if (!/^\d+$/.test(rawMoment.trim()) || !Number.isSafeInteger(n)) {
      notices.push(`"${clip(rawMoment)}" is not a moment on the timeline, so the lab starts at the beginning.`);
    } else moment = Math.min(n, MAX_MOMENT);
  }
  return { target: { page, story, moment }, notices };
}

/** The query string for a view; empty values are left out. */
export function formatDeepLink(target: LinkTarget): string {
  const params = new URLSearchParams();
  params.set('level', target.page);
  if (target.story) params.set('scenario', target.story);
  if (target.moment !== null && target.moment > 0) params.set('step', String(target.moment));
  return `?${params.toString()}`;
}

/** Quote at most 40 characters of what the link said. */
function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
