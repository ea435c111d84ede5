/**
 * Each page's code, loaded when the page is shown (and, for the page an address opens, preloaded
 * by its prerendered HTML): the shell itself carries none of the engine, the store, the stories or
 * motion. `pageModules` names the module of each page, for the prerender's preload links.
 */
import { lazy } from 'react';
import type { LabRoute, Route } from './routes';

const AnalogyPage = lazy(() => import('./analogy/AnalogyPage'));
const LoadLabPage = lazy(() => import('./load/LoadLabPage'));
const LabLevelRoute = lazy(() => import('./LabLevelRoute'));
const ProductionRoute = lazy(() => import('./ProductionRoute'));

/** The source module whose chunk draws a page (see prerender.ts). */
export function pageModule(route: Route): string {
  if (route.kind === 'lab') return 'src/ui/LabLevelRoute.tsx';
  if (route.id === 'production') return 'src/ui/ProductionRoute.tsx';
  if (route.id === 'load') return 'src/ui/load/LoadLabPage.tsx';
  return 'src/ui/analogy/AnalogyPage.tsx';
}

export function RoutePage({ route }: { route: Route }) {
  if (route.kind === 'lab') return <LabLevelRoute route={route as LabRoute} />;
  if (route.id === 'production') return <ProductionRoute route={route} />;
  if (route.id === 'load') return <LoadLabPage />;
  return <AnalogyPage />;
}
