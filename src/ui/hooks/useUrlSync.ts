/**
 * Keeps the address bar and the lab in step: reading `?level=…&scenario=…&step=…` on load and on
 * back/forward (bad values open the nearest valid view with a notice), and writing the current
 * view back while the timeline is paused, so any moment can be shared as a link. A page that owns
 * its link (the production page) reads and writes everything after `level` itself.
 */
import { useEffect } from 'react';
import { formatDeepLink, parseDeepLink, type LinkContext } from '../../store/deeplink';
import { selectLink } from '../../store/selectors';
import { storiesFor } from '../../stories';
import { ownsLink, routeById, ROUTES } from '../routes';
import type { LabStore } from '../../store/labStore';
import { useLabApi } from './labStore';

const context: LinkContext = {
  pages: ROUTES.map((r) => r.id),
  isLab: (id) => routeById(id)?.kind === 'lab',
  storiesOf: (id) => {
    const r = routeById(id);
    return r?.kind === 'lab' ? storiesFor(r.level).map((s) => s.id) : [];
  },
  titleOf: (id) => routeById(id)?.label ?? id,
  ownsLink,
};

/** Open the view the address bar points at; what cannot be honoured becomes a notice. */
export function applyLocation(store: LabStore): void {
  const { target, notices } = parseDeepLink(window.location.search, context);
  const route = routeById(target.page);
  const a = store.getState().actions;
  if (route?.kind === 'lab') a.openLevel(route.level, { story: target.story, moment: target.moment, play: false });
  else a.showPage(target.page);
  for (const n of notices) a.notify(n);
}

export function useUrlSync(): void {
  const store = useLabApi();

  useEffect(() => {
    const apply = () => applyLocation(store);
    window.addEventListener('popstate', apply);
    return () => window.removeEventListener('popstate', apply);
  }, [store]);

  useEffect(() => {
    let last = '';
    return store.subscribe((s) => {
      if (s.playing) return;
      const link = selectLink(s);
      // The page writes its own link once the address names it; leave its parameters alone.
      if (ownsLink(link.page) && new URLSearchParams(window.location.search).get('level')?.toLowerCase() === link.page)
        return;
      const lab = routeById(link.page)?.kind === 'lab';
      const search = formatDeepLink(lab ? link : { page: link.page, story: null, moment: null });
      if (search === last || search === window.location.search) {
        last = search;
        return;
      }
      last = search;
      window.history.replaceState(null, '', search);
    });
  }, [store]);
}
