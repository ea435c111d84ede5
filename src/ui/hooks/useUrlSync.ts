/**
 * Keeps the address bar and the lab in step: reading the link (src/store/link.ts: the page's
 * address, `/level-2/`, then `?scenario=…&step=…`, and in the fragment a scenario file and a run
 * built by hand) once the page has hydrated and on back/forward (bad values open the nearest valid
 * view with a notice), and writing the current view back while the timeline is paused, so any
 * moment — of a story, a file or a run built by hand — can be reloaded or shared as a link. A run
 * too long for a link is left out of the address (the manual panel says so and offers it as a
 * file). A page that owns its link (the production page) reads and writes everything after the
 * page itself. Started once, by labRuntime.ts.
 */
import { formatDeepLink, parseDeepLink, type LinkContext } from '../../store/deeplink';
import { lessonPart, setLessonPart, subscribeLessonPart } from '../../store/lessonPart';
import { addressOf, pageOfPath, queryOf, type LinkedFile } from '../../store/link';
import { MAX_RUN_CHARS } from '../../store/fragment';
import { runTextOf } from '../../store/manualRun';
import { selectLink } from '../../store/selectors';
import type { LevelId } from '../../engine';
import { storiesFor } from '../../stories';
import { ownsLink, routeById, ROUTES } from '../routes';
import type { LabState, LabStore } from '../../store/labStore';
import { replaceAddress } from '../nav';

const context: LinkContext = {
  pages: ROUTES.map((r) => r.id),
  isLab: (id) => routeById(id)?.kind === 'lab',
  storiesOf: (id) => {
    const r = routeById(id);
    return r?.kind === 'lab' ? storiesFor(r.level).map((s) => s.id) : [];
  },
  titleOf: (id) => routeById(id)?.label ?? id,
  ownsLink,
  // A level's runs show on its lab page, or on the page that owns its level's links.
  pageOfLevel: (level) => {
    const r = ROUTES.find((route) =>
      route.kind === 'lab' ? route.level === level : route.id === level && route.ownsLink,
    );
    return r?.id;
  },
};

/** The file a link put on each level's stage: while it (or a run built on it) is on stage, the address keeps it. */
const linked = new Map<LevelId, LinkedFile>();

/** The run built by hand on stage as the link writes it (null: none), whatever its length. */
export const runLinkTextOf = (s: LabState): string | null =>
  runTextOf(s, storiesFor(s.level), linked.get(s.level)?.scenario ?? null);

/** Open the view the address bar points at; what cannot be honoured becomes a notice. */
export function applyLocation(store: LabStore): void {
  const { target, notices } = parseDeepLink(linkQuery(), context, window.location.hash);
  const route = routeById(target.page);
  const a = store.getState().actions;
  // The lesson part the link names comes into view and focus; no part: the lesson's first.
  setLessonPart(target.part ?? null, target.part != null);
  if (route?.kind === 'lab' && target.run) {
    a.openLevel(route.level, { play: false });
    if (target.file) linked.set(route.level, target.file);
    a.openRun(route.level, target.run, { file: target.file?.scenario ?? null, moment: target.moment });
  } else if (route?.kind === 'lab' && target.file) {
    const { json, scenario } = target.file;
    a.openLevel(route.level, { play: false });
    const opened = a.loadScenario(json, {
      ...(scenario.choices ? { choices: scenario.choices } : {}),
      cursor: target.moment ?? 'end',
    });
    if (opened) {
      linked.set(route.level, target.file);
      const last = store.getState().run.events.length - 1;
      if (target.moment !== null && target.moment > last)
        a.notify(`The link asked for moment ${target.moment}, but this timeline ends at moment ${last}; showing that.`);
    }
  } else if (route?.kind === 'lab')
    a.openLevel(route.level, { story: target.story, moment: target.moment, play: false });
  else a.showPage(target.page);
  for (const n of notices) a.notify(n);
  // The link named another page (a file of another level, a page the lab does not have): show its address.
  if (pageOfPath(window.location.pathname) !== store.getState().page) writeAddress(store.getState());
}

/** The address bar's view as the link module's query (`?level=…&…`). */
export const linkQuery = (): string => queryOf(window.location.pathname, window.location.search);

/** The address of the view on stage, as the link module writes it. */
function addressFor(s: LabState): string | null {
  const link = selectLink(s);
  if (ownsLink(link.page)) {
    // The page writes its own link once the address names it; until then keep its fragment for it.
    if (pageOfPath(window.location.pathname) === link.page) return null;
    return addressOf(formatDeepLink({ page: link.page, story: null, moment: null })) + window.location.hash;
  }
  if (routeById(link.page)?.kind === 'lab') {
    const file = s.fromFile ? (linked.get(s.level) ?? null) : null;
    const run = runLinkTextOf(s);
    // A run too long for a link: the address keeps the level (the manual panel offers a file).
    return addressOf(
      run !== null && run.length > MAX_RUN_CHARS
        ? formatDeepLink({ page: link.page, story: null, moment: null })
        : formatDeepLink({ ...link, part: lessonPart().part, file, runText: run }),
    );
  }
  return addressOf(formatDeepLink({ page: link.page, story: null, moment: null }));
}

function writeAddress(s: LabState): void {
  const address = addressFor(s);
  if (address !== null) replaceAddress(address);
}

/**
 * Read the address now and on back/forward, and write the view back while paused. Returns the
 * function that stops both.
 */
export function syncAddress(store: LabStore): () => void {
  applyLocation(store);
  const apply = () => applyLocation(store);
  window.addEventListener('popstate', apply);
  let last = '';
  const write = (s: LabState) => {
    if (s.playing) return;
    const address = addressFor(s);
    if (address === null || address === last) return;
    last = address;
    replaceAddress(address);
  };
  const unsubscribe = store.subscribe(write);
  // The lesson part in view is part of the address too.
  const unsubscribePart = subscribeLessonPart(() => write(store.getState()));
  return () => {
    window.removeEventListener('popstate', apply);
    unsubscribe();
    unsubscribePart();
  };
}
