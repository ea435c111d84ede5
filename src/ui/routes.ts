/**
 * The learning path, in order: each entry is one page of the lab, one link in the header and one
 * prerendered HTML file at build (its address from the link module: `/`, `/level-2/`, `/load-lab/`).
 * Lab levels (`kind: 'lab'`) run on the shared lab store; other pages (`kind: 'page'`) bring their
 * own. Every page's code is loaded lazily (pages.tsx), so the shell that draws the path carries
 * none of the engine, the store or the stories.
 *
 * The list is written out rather than computed from the level registry, which would bring the
 * engine into the shell; routes.test.ts holds it equal to the registry (each level's label and
 * title, its order on the path) and to the stories (which levels have a page of their own).
 */
import type { LevelId } from '../engine';
import { pathOfPage } from '../store/linkPath';

interface RouteBase {
  /** The page's id in links (`?level=…` in the link module's query). */
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
  /**
   * The page reads and writes the rest of its deep link itself (beyond the page): the app then
   * leaves those parameters alone.
   */
  readonly ownsLink?: boolean;
  /** The page needs the lab store (the production page's switchboard runs on it). */
  readonly usesLab?: boolean;
}

export type Route = LabRoute | PageRoute;

const lab = (level: LevelId, label: string, title: string): LabRoute => ({
  id: level,
  kind: 'lab',
  level,
  label,
  title,
});

export const ROUTES: readonly Route[] = [
  { id: 'analogy', label: 'Analogy', title: 'The library analogy', kind: 'page' },
  lab('level1', 'Level 1', 'Level 1 — the basic pool'),
  lab('level2', 'Level 2', 'Level 2 — a maximum size'),
  lab('level3', 'Level 3', 'Level 3 — cleaning on return'),
  lab('level4', 'Level 4', 'Level 4 — a guaranteed return'),
  lab('database', 'Database', 'The database pool'),
  {
    id: 'production',
    label: 'Production',
    title: 'The production pool',
    kind: 'page',
    ownsLink: true,
    usesLab: true,
  },
  { id: 'load', label: 'Load lab', title: 'The load lab', kind: 'page' },
];

export function routeById(id: string): Route | undefined {
  return ROUTES.find((r) => r.id === id);
}

/** A page's short name, as the path in the header shows it (its id when no route has it). */
export function labelOf(id: string): string {
  return routeById(id)?.label ?? id;
}

/** Whether a page reads the rest of its deep link itself (see PageRoute.ownsLink). */
export function ownsLink(id: string): boolean {
  const r = routeById(id);
  return r?.kind === 'page' && r.ownsLink === true;
}

/** Whether a page runs on the lab store (lab levels, and pages that say so). */
export function usesLab(route: Route): boolean {
  return route.kind === 'lab' || route.usesLab === true;
}

/** A page's address: `/`, `/level-2/`, `/load-lab/`. */
export const routePath = (route: Route): string => pathOfPage(route.id);
