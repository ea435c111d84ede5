/**
 * The learning path, in order: each entry is one page of the lab and one link in the header.
 * Lab levels (`kind: 'lab'`) run on the shared lab store; other pages (`kind: 'page'`) bring their
 * own component, loaded lazily so the first load stays small.
 *
 * To add a page, append one entry, e.g.
 *   { id: 'production', label: 'Production', title: 'The production pool', kind: 'page',
 *     component: lazy(() => import('./production/ProductionPage')) },
 * The id is what deep links use: `?level=production`.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { LevelId } from '../engine';

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

export const ROUTES: Route[] = [
  {
    id: 'analogy',
    label: 'Analogy',
    title: 'The library analogy',
    kind: 'page',
    component: lazy(() => import('./analogy/AnalogyPage')),
  },
  { id: 'level1', label: 'Level 1', title: 'Level 1 — the basic pool', kind: 'lab', level: 'level1' },
  { id: 'level2', label: 'Level 2', title: 'Level 2 — a maximum size', kind: 'lab', level: 'level2' },
  { id: 'level3', label: 'Level 3', title: 'Level 3 — cleaning on return', kind: 'lab', level: 'level3' },
  { id: 'level4', label: 'Level 4', title: 'Level 4 — a guaranteed return', kind: 'lab', level: 'level4' },
  { id: 'database', label: 'Database', title: 'The database pool', kind: 'lab', level: 'database' },
  {
    id: 'production',
    label: 'Production',
    title: 'The production pool',
    kind: 'page',
    component: lazy(() => import('./production/ProductionPage')),
    ownsLink: true,
  },
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
