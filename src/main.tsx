/**
 * The entry: a link of the old form (`/?level=level2&…`) moves to its page's own address first, so
 * it opens that page's prerendered view; otherwise the prerendered page is hydrated. The page's
 * code, and the lab with it, loads with the page (pages.tsx); the link's story, moment or file is
 * applied once the page has hydrated (labRuntime.ts).
 */
import { StrictMode } from 'react';
import { createRoot, hydrateRoot, type RootOptions } from 'react-dom/client';
import { movedAddress } from './store/linkPath';
import { App } from './ui/App';
import { markOpening } from './ui/opening';
import { ROUTES } from './ui/routes';
import './ui/theme.css';
import './ui/app.css';
// The scene's look, then the layouts that place it (layout.css and its scene-fit.css override it).
import './ui/stage/scene.css';
import './ui/layout.css';

const { pathname, search, hash } = window.location;
const moved = movedAddress(
  pathname,
  search,
  hash,
  ROUTES.map((r) => r.id),
);
// An error a panel's boundary caught is shown in that panel; log it as a warning for developers.
// Errors nothing caught stay errors.
const options: RootOptions = {
  onCaughtError: (error, info) => console.warn('A panel caught an error:', error, info.componentStack),
};
const root = document.getElementById('root')!;
const app = (
  <StrictMode>
    <App path={pathname} />
  </StrictMode>
);
// Until the link's view is applied, the default view under it is marked as not the link's (opening.ts).
if (moved === null) markOpening(search, hash);
if (moved !== null) window.location.replace(moved);
// The built pages are prerendered; the dev server's page is empty and drawn here.
else if (root.hasChildNodes()) hydrateRoot(root, app, options);
else createRoot(root, options).render(app);
