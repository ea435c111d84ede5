/**
 * The learning path, in order: each entry is one page of the lab and one link in the header.
 * Lab levels (`kind: 'lab'`) run on the shared lab store; other pages (`kind: 'page'`) bring their
 * own component, loaded lazily so the first load stays small.
 *
 * The levels' pages follow the level registry: its order on the path, and each level's label and
 * title. A level of the text gets a lab page when the stories give it one (src/stories, LEVEL_PAGES);
 * the level whose fixes are switches gets the production page. The id is what deep links use:
 * `?level=level2`.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { LevelId, LevelInfo } from '../engine';
import { LEVEL_LIST, SWITCHED_LEVEL } from '../store/levels';
import { hasLabPage } from './lib/links';

interface RouteBase {
  /** Deep-link id (`?level=…`). */
  readonly id: string;
  /** Short name for the path in the header. */
  readonly label: string;
  /** Page title. */
  readonly title: string;
}

export interface LabRoute extends RouteBase {
  readonly kind: 'lab';
  readonly level: LevelId;
}

export interface PageRoute extends RouteBase {
  readonly kind: 'page';
  readonly component: LazyExoticComponent<ComponentType>;
  /**
   * The page reads and writes the rest of its deep link itself (beyond `?level=`): the app then
   * leaves those parameters alone.
   */
  readonly ownsLink?: boolean;
}

export type Route = LabRoute | PageRoute;

const ProductionPage = lazy(() => import('./production/ProductionPage'));

/** A level's page: the shared lab, or the production page for the level with switches. */
function levelRoute(info: LevelInfo): Route[] {
  const named = { id: info.id, label: info.label, title: info.title };
  if (info.id === SWITCHED_LEVEL) return [{ ...named, kind: 'page', component: ProductionPage, ownsLink: true }];
  return hasLabPage(info.id) ? [{ ...named, kind: 'lab', level: info.id }] : [];
}

export const ROUTES: readonly Route[] = [
  {
    id: 'analogy',
    label: 'Analogy',
    title: 'The library analogy',
    kind: 'page',
    component: lazy(() => import('./analogy/AnalogyPage')),
  },
  ...LEVEL_LIST.flatMap(levelRoute),
  {
    id: 'load',
    label: 'Load lab',
    title: 'The load lab',
    kind: 'page',
    component: lazy(() => import('./load/LoadLabPage')),
  },
];

export function routeById(id: string): Route | undefined {
  return ROUTES.find((r) => r.id === id);
}

/** Whether a page reads the rest of its deep link itself (see PageRoute.ownsLink). */
export function ownsLink(id: string): boolean {
  const r = routeById(id);
  return r?.kind === 'page' && r.ownsLink === true;
}
