/**
 * Links between the pages of the path, as the link module writes them (src/store/link.ts, with the
 * page in the path: linkPath.ts). A panel links to a level without the route table, which would
 * make the panel import itself through the page that draws it.
 */
import { formatDeepLink } from '../../store/deeplink';
import type { LessonPart } from '../../store/lessonPart';
import { addressOf, writeLink } from '../../store/link';
import { LEVEL_PAGES } from '../../stories';

export { pageHref } from './pageHref';

/** Whether a level has a lab page of its own on the path (the text's levels). */
export function hasLabPage(level: string): boolean {
  return LEVEL_PAGES.some((p) => p.id === level);
}

/** `/level-2/?scenario=<story>&step=<moment>`: a story's moment on its level's page. */
export function momentHref(page: string, story: string, moment: number): string {
  return addressOf(formatDeepLink({ page, story, moment }));
}

/** A scenario carried whole in the link's fragment, opened on its level's page. */
export function scenarioHref(scenario: { readonly level: string }): string {
  return addressOf(writeLink({ level: scenario.level, file: scenario }));
}

/** `/level-3/?part=fix`: one part of a level's lesson, for a teacher to share. */
export function partHref(page: string, part: LessonPart): string {
  return addressOf(writeLink({ level: page, part }));
}
