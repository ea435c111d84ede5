/**
 * The production page's deep link (`/production/?scenario=…&off=…&choices=…&step=…`, see
 * src/store/productionLink.ts): the view the page opens with (read once the page has hydrated, so
 * the prerendered default view hydrates as it is), the same again on back/forward, and
 * the address kept up to date as the learner switches, picks and moves on the timeline (while paused), so any
 * moment can be shared. Whatever a link asks for that cannot be had becomes a notice in the app's
 * notices, and the nearest valid view opens.
 */
import { useEffect } from 'react';
import type { Fixes, Scenario } from '../../engine';
import type { LabStore } from '../../store/labStore';
import {
  FILE_SCENARIO,
  fitProductionRun,
  formatProductionLink,
  parseProductionLink,
  type ProductionLinkContext,
} from '../../store/productionLink';
import { ALL_FIXES, fixesOff, withFixes } from '../../store/fixes';
import { PRODUCTION_STORIES, productionStoryById } from '../../stories/production';
import { SWITCHED_LEVEL } from '../../store/levels';
import { addressOf, pageOfPath, queryOf } from '../../store/link';
import { useLabApi } from '../hooks/labStore';

export interface Picks {
  readonly choices: readonly number[] | null;
  /** Where the cursor goes once the run is loaded. */
  readonly cursor: number | 'end';
  /** Play from there (a story just chosen plays from its start, as on the level pages). */
  readonly play?: boolean;
}

/** What the page shows, as far as a link can say it. */
export interface LinkedView {
  readonly scenarioId: string;
  readonly fixes: Fixes;
  readonly picks: Picks;
  /** A run from a file (the link's fragment, or a file opened on the page): shown instead of a scenario button's. */
  readonly file: Scenario | null;
}

export const DEFAULT_SCENARIO = 'same-book';

const context: ProductionLinkContext = {
  scenarios: PRODUCTION_STORIES.map((s) => s.id),
  defaultScenario: DEFAULT_SCENARIO,
  labelOf: (id) => productionStoryById(id)?.title ?? id,
};

/** The view an address asks for (its query, and a file in its fragment), checked against the run it makes. */
export function readLinkedView(search: string, hash = ''): { view: LinkedView; notices: readonly string[] } {
  const { view, notices } = parseProductionLink(search, context, hash);
  const file = view.file ? playable(view.file.scenario) : null;
  const scenario = file ?? (productionStoryById(view.scenario) ?? productionStoryById(DEFAULT_SCENARIO)!).scenario;
  const fixes: Fixes = { ...ALL_FIXES, ...Object.fromEntries(view.off.map((f) => [f, false])) };
  const fitted = fitProductionRun(withFixes(scenario, fixes), view.choices, view.moment);
  return {
    view: {
      scenarioId: file ? FILE_SCENARIO : (productionStoryById(view.scenario)?.id ?? DEFAULT_SCENARIO),
      fixes,
      picks: { choices: fitted.choices, cursor: fitted.moment ?? 'end' },
      file,
    },
    notices: [...notices, ...fitted.notices],
  };
}

/** A file's scenario as the page plays it: its picks are the page's (`Picks`), not the scenario's. */
function playable(scenario: Scenario): Scenario {
  const { choices: _picks, ...rest } = scenario;
  return rest;
}

const addressesThisPage = () => pageOfPath(window.location.pathname) === SWITCHED_LEVEL;
const address = () => window.location.pathname + window.location.search + window.location.hash;
/** The view the address bar asks for, as the link module's query. */
export const linkedView = () =>
  readLinkedView(queryOf(window.location.pathname, window.location.search), window.location.hash);

export interface ProductionLinkProps {
  /** The run on the page's main column: its cursor is the link's moment. */
  readonly main: LabStore;
  readonly scenarioId: string;
  readonly fixes: Fixes;
  readonly choices: readonly number[] | null;
  /** The run from a file, when the page shows one. */
  readonly file: Scenario | null;
  /** What the link the page opened with could not have; null until the page has read its link. */
  readonly openingNotices: readonly string[] | null;
  /** Back or forward reached another production link: show its view. */
  onNavigate(view: LinkedView): void;
}

export function useProductionLink({
  main,
  scenarioId,
  fixes,
  choices,
  file,
  openingNotices,
  onNavigate,
}: ProductionLinkProps): void {
  const app = useLabApi();

  useEffect(() => {
    for (const n of openingNotices ?? []) app.getState().actions.notify(n);
  }, [app, openingNotices]);

  useEffect(() => {
    const onPop = () => {
      if (!addressesThisPage()) return; // leaving the page: the app handles it
      const { view, notices } = linkedView();
      onNavigate(view);
      for (const n of notices) app.getState().actions.notify(n);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [app, onNavigate]);

  useEffect(() => {
    const write = () => {
      const s = main.getState();
      // Not before the page has read the link it opened with: until then the address is the link.
      if (s.playing || openingNotices === null || !addressesThisPage()) return;
      const last = s.run.events.length - 1;
      const link = addressOf(
        formatProductionLink({
          scenario: scenarioId,
          off: fixesOff(fixes),
          choices,
          moment: s.cursor >= last ? null : s.cursor,
          file: file ? { json: null, scenario: file } : null,
        }),
      );
      if (link !== address()) window.history.replaceState(null, '', link);
    };
    write();
    return main.subscribe(write);
  }, [main, scenarioId, fixes, choices, file, openingNotices]);
}
