/**
 * Each page's code, loaded when the page is shown (and, for the page an address opens, preloaded
 * by its prerendered HTML): the shell itself carries none of the engine, the store, the stories or
 * motion. A lab level's code is the exception: its prerendered first view waits for the learner to
 * start something before fetching it (wake.ts), unless the link already asks for something (a
 * story, a moment, a file) or the page is reached from another page of the app.
 * `pageModule` names the module of each page, for the prerender's preload links.
 */
import { lazy, use, useEffect } from 'react';
import { hasLinkWords } from './nav';
import type * as LabLevelModule from './LabLevelRoute';
import type { LabRoute, Route } from './routes';
import { untilStarted, wake } from './wake';

const AnalogyPage = lazy(() => import('./analogy/AnalogyPage'));
const LoadLabPage = lazy(() => import('./load/LoadLabPage'));
const ProductionRoute = lazy(() => import('./ProductionRoute'));

/** The module whose chunk draws a page (see prerender.ts), and whether the page's HTML preloads it. */
export function pageModule(route: Route): { readonly module: string; readonly preload: boolean } {
  if (route.kind === 'lab') return { module: 'src/ui/LabLevelRoute.tsx', preload: false };
  if (route.id === 'production') return { module: 'src/ui/ProductionRoute.tsx', preload: true };
  if (route.id === 'load') return { module: 'src/ui/load/LoadLabPage.tsx', preload: true };
  return { module: 'src/ui/analogy/AnalogyPage.tsx', preload: true };
}

/** The prerendered lab level in the page, before its code has taken it over. */
const sleepingLevel = () => document.querySelector('#main .level');

let labCode: Promise<typeof LabLevelModule> | undefined;

/** The lab level's code: at once, or — for a prerendered level opened with no link words — once the learner starts something. */
function labLevelCode(): Promise<typeof LabLevelModule> {
  const waits = typeof window !== 'undefined' && sleepingLevel() !== null && !hasLinkWords();
  labCode ??= (waits ? untilStarted(sleepingLevel) : Promise.resolve()).then(() => import('./LabLevelRoute'));
  return labCode;
}

function LabLevel({ route }: { route: LabRoute }) {
  const { default: LabLevelRoute } = use(labLevelCode());
  useEffect(wake, []);
  return <LabLevelRoute route={route} />;
}

export function RoutePage({ route }: { route: Route }) {
  if (route.kind === 'lab') return <LabLevel route={route as LabRoute} />;
  if (route.id === 'production') return <ProductionRoute route={route} />;
  if (route.id === 'load') return <LoadLabPage />;
  return <AnalogyPage />;
}
