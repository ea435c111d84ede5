/**
 * Links between the pages of the path. A page's address is its deep link with nothing but the page
 * (see src/store/deeplink.ts), so a panel can link to a level without the route table — which
 * imports every page, and so would make the panel import itself through the page that draws it.
 */
import { formatDeepLink } from '../../store/deeplink';
import { writeLink } from '../../store/link';
import type { LessonPart } from '../../store/lessonPart';
import { LEVEL_PAGES } from '../../stories';

/** `?level=<id>`: the page of the path with that id. */
export function pageHref(page: string): string {
  return formatDeepLink({ page, story: null, moment: null });
}

/** Whether a level has a lab page of its own on the path (the text's levels). */
export function hasLabPage(level: string): boolean {
  return LEVEL_PAGES.some((p) => p.id === level);
}

/** `?level=<id>&scenario=<story>&step=<moment>`: a story's moment on its level's page. */
export function momentHref(page: string, story: string, moment: number): string {
  return formatDeepLink({ page, story, moment });
}

/** A scenario carried whole in the link's fragment, opened on its level's page. */
export function scenarioHref(scenario: { readonly level: string }): string {
  return writeLink({ level: scenario.level, file: scenario });
}

/** `?level=<id>&part=<part>`: one part of a level's lesson, for a teacher to share. */
export function partHref(page: string, part: LessonPart): string {
  return formatDeepLink({ page, story: null, moment: null, part });
}
