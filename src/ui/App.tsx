/**
 * The shell: the learning path across the top, notices, the page in view and the footer. It is
 * what every page's prerendered HTML starts with, and it carries none of the lab: each page's code
 * loads with the page (pages.tsx). The page in view is the address's (`/`, `/level-2/`…; the link
 * module's linkPath.ts); a move to another page is a transition, so the page on screen stays until
 * the next one is ready. A page that does not run on the lab store still reads a link it was given
 * (`?step=…` on the load lab, a page the lab does not have) once it has hydrated, to say what it
 * ignored.
 */
import { startTransition, Suspense, useEffect, useRef, useState } from 'react';
import { pageOfPath, pathOfPage } from '../store/linkPath';
import { hasLinkWords, onAddressChange, onLinkClick } from './nav';
import { RoutePage } from './pages';
import { Notices } from './panels/Notices';
import { opened } from './opening';
import { PanelBoundary } from './panels/PanelBoundary';
import { routeById, ROUTES, usesLab, type Route } from './routes';

/** The page an address shows: the first of the path for an address that names none. */
export function routeOfPath(pathname: string): Route {
  return routeById(pageOfPath(pathname) ?? '') ?? ROUTES[0]!;
}

/**
 * Marks the page hydrated (`<html data-hydrated="level2">`) once its code has loaded and taken over
 * the prerendered markup, and the link is applied. Until then a press on the prerendered page does
 * nothing; the end-to-end tests wait for this mark.
 */
function Hydrated({ page }: { page: string }) {
  // Marked one render after hydration: a page that applies its link by setting its own state (the
  // production page) has drawn that view by then.
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    if (!settled) {
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setSettled(true);
      return;
    }
    document.documentElement.dataset.hydrated = page;
    opened(); // a lab page did at its link (labRuntime.ts); a page off the lab does here
  }, [page, settled]);
  return null;
}

export function App({ path }: { path: string }) {
  const [pathname, setPathname] = useState(path);
  useEffect(
    () =>
      onAddressChange(() => {
        startTransition(() => setPathname(window.location.pathname));
      }),
    [],
  );
  const route = routeOfPath(pathname);

  useEffect(() => {
    // A page off the lab store given a link to read, or an address that names no page: the lab says what it ignored.
    if (!usesLab(route) && (hasLinkWords() || pageOfPath(window.location.pathname) !== route.id))
      void import('./labRuntime').then((lab) => lab.startLab(route.id));
    // Only on the first page: after that the lab, once started, reads every address itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const firstPage = useRef(true);
  useEffect(() => {
    document.title = `${route.title} — Pool Lab`;
    if (firstPage.current) {
      firstPage.current = false;
      return;
    }
    // A new page: move focus to its heading, as a page load would.
    // (A lazily loaded page may take a few frames to show its heading.)
    let tries = 0;
    const focusHeading = () => {
      const h1 = document.querySelector<HTMLElement>('#main h1');
      if (!h1) {
        if (++tries < 60) requestAnimationFrame(focusHeading);
        return;
      }
      if (!h1.hasAttribute('tabindex')) h1.setAttribute('tabindex', '-1');
      h1.focus();
    };
    requestAnimationFrame(focusHeading);
  }, [route]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to the lab
      </a>
      <header className="site-header">
        <a className="brand" href="/" onClick={onLinkClick} aria-label="Pool Lab, start of the path">
          <span className="brand__mark" aria-hidden="true">
            ▤
          </span>
          Pool Lab
        </a>
        <nav aria-label="Learning path">
          <ol className="path">
            {ROUTES.map((r) => (
              <li key={r.id}>
                <a href={pathOfPage(r.id)} onClick={onLinkClick} aria-current={r.id === route.id ? 'page' : undefined}>
                  {r.label}
                </a>
              </li>
            ))}
          </ol>
        </nav>
      </header>
      <main id="main" className="site-main">
        <Notices />
        <PanelBoundary name="This page" resetKey={route.id}>
          <Suspense fallback={<p className="page-loading">Loading {route.title}…</p>}>
            <RoutePage route={route} />
            <Hydrated page={route.id} />
          </Suspense>
        </PanelBoundary>
      </main>
      <footer className="site-footer">
        <p>
          Everything here runs in your browser on a simulated clock: times are virtual milliseconds, and the same story
          always plays the same way.
        </p>
      </footer>
    </>
  );
}
