/**
 * A page's address (`/level-2/`), from the link module's linkPath.ts alone: the light half of
 * links.ts, for what the home page draws (the lesson path), which must not bring the link reader,
 * the stories or the engine with it.
 */
import { pathOfPage } from '../../store/linkPath';

/** `/level-2/`: the page of the path with that id. */
export function pageHref(page: string): string {
  return pathOfPage(page);
}
