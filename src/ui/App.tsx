/**
 * The shell: the learning path across the top, notices, and the page in view. Motion is set up
 * once here: `LazyMotion` (features loaded after first paint) with `m.*` components, and
 * `MotionConfig reducedMotion="user"` so the system's reduced-motion setting makes moves instant.
 */
import { LazyMotion, MotionConfig } from 'motion/react';
import { Suspense, useEffect, useRef } from 'react';
import { selectPage } from '../store/selectors';
import { useLabApi, useLabStore } from './hooks/labStore';
import { usePlayback } from './hooks/usePlayback';
import { useShortcuts } from './hooks/useShortcuts';
import { useUrlSync } from './hooks/useUrlSync';
import { LevelPage } from './LevelPage';
import { pageHref } from './lib/links';
import { loadMotionFeatures } from './motion';
import { onLinkClick } from './nav';
import { Notices } from './panels/Notices';
import { PanelBoundary } from './panels/PanelBoundary';
import { routeById, ROUTES } from './routes';

export function App() {
  const page = useLabStore(selectPage);
  const route = routeById(page) ?? ROUTES[0]!;
  const store = useLabApi();
  usePlayback();
  // A lab level's timeline is the app's store; a page with a timeline of its own (the production
  // page) binds the shortcuts to its own store.
  useShortcuts(route.kind === 'lab' ? store : null);
  useUrlSync();

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
    <MotionConfig reducedMotion="user">
      <LazyMotion features={loadMotionFeatures} strict>
        <a className="skip-link" href="#main">
          Skip to the lab
        </a>
        <header className="site-header">
          <a className="brand" href="?" onClick={onLinkClick} aria-label="Pool Lab, start of the path">
            <span className="brand__mark" aria-hidden="true">
              ▤
            </span>
            Pool Lab
          </a>
          <nav aria-label="Learning path">
            <ol className="path">
              {ROUTES.map((r) => (
                <li key={r.id}>
                  <a href={pageHref(r.id)} onClick={onLinkClick} aria-current={r.id === route.id ? 'page' : undefined}>
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
            {route.kind === 'lab' ? (
              <LevelPage key={route.id} route={route} />
            ) : (
              <Suspense fallback={<p className="page-loading">Loading {route.title}…</p>}>
                <route.component />
              </Suspense>
            )}
          </PanelBoundary>
        </main>
        <footer className="site-footer">
          <p>
            Everything here runs in your browser on a simulated clock: times are virtual milliseconds, and the same
            story always plays the same way.
          </p>
        </footer>
      </LazyMotion>
    </MotionConfig>
  );
}
