/**
 * The production page: the pool that keeps every promise of the text's table, and a switch per
 * row to break it. Each switch re-runs the scenario with that fix off (the code panel strikes its
 * lines through); a button beside each row makes its problem happen. The learner can pick who runs
 * next wherever two readers could, and compare the same run with the fix off and on. The address
 * bar holds the scenario, the switches off, the picks and the step (useProductionLink.ts).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FixName, Fixes, Scenario } from '../../engine';
import { FILE_SCENARIO } from '../../store/productionLink';
import type { ProductionStory } from '../../stories/types';
import { createLabStore, type LabStore } from '../../store/labStore';
import { levelOf, SWITCHED_LEVEL } from '../../store/levels';
import { LabStoreProvider, useStoreValue } from '../hooks/labStore';
import { usePresentation } from '../hooks/usePresentation';
import { PathNext } from '../lesson/PathNext';
import { lineByLineSaved } from '../lib/lineByLine';
import { useShortcuts } from '../hooks/useShortcuts';
import { CodePanel } from '../panels/CodePanel';
import { PanelBoundary } from '../panels/PanelBoundary';
import { Column } from './Column';
import { Difference } from './Difference';
import { Interleaving } from './Interleaving';
import { FIX_NAMES, fixesOff, withFixes } from '../../store/fixes';
import { FIX_ROWS, switchesSaid } from '../../stories/fixes';
import { productionStoryById } from '../../stories/production';
import { RunFile } from './RunFile';
import { Switchboard } from './Switchboard';
import {
  DEFAULT_SCENARIO,
  linkedView,
  readLinkedView,
  useProductionLink,
  type LinkedView,
  type Picks,
} from './useProductionLink';
import './production.css';

const SCHEDULER: Picks = { choices: null, cursor: 'end' };
/** A story just chosen: the scheduler's order, played from the start (a new value each time, so choosing it again restarts it). */
const fromTheStart = (): Picks => ({ choices: null, cursor: 0, play: true });

/** What the page says about the run it shows: a scenario button's story, or a run from a file. */
type Shown = Pick<ProductionStory, 'id' | 'title' | 'summary' | 'fix' | 'scenario'>;
const FILE_STORY: Omit<Shown, 'scenario'> = {
  id: FILE_SCENARIO,
  title: 'Your run',
  summary: 'The steps, switches and picks of the file or link you opened.',
  fix: null,
};

/**
 * Put `shown` on the main stage with `fixes`: always with a list of choices (empty: the
 * scheduler's own order), so the run reports its choice points and "Who runs next?" can offer
 * them; picks that no longer fit fall back to the scheduler's order.
 */
function show(main: LabStore, shown: Shown, fixes: Fixes, picks: Picks): void {
  const file = withFixes(shown.scenario, fixes);
  if (
    !main.getState().actions.loadScenario(file, {
      choices: picks.choices ?? [],
      cursor: picks.cursor,
      play: picks.play ?? false,
    }) &&
    picks.choices
  )
    main.getState().actions.loadScenario(file, { choices: [], cursor: 'end' });
}

export default function ProductionPage() {
  // The first view is the page's default, as prerendered; the view the address bar asks for is
  // read once the page has hydrated (back/forward is handled by useProductionLink).
  const [opened, setOpened] = useState<ReturnType<typeof readLinkedView> | null>(null);
  const [initial] = useState(() => readLinkedView('?level=production'));
  const [fixes, setFixes] = useState<Fixes>(initial.view.fixes);
  const [scenarioId, setScenarioId] = useState(initial.view.scenarioId);
  const [picks, setPicks] = useState<Picks>(initial.view.picks);
  const [file, setFile] = useState<Scenario | null>(initial.view.file);
  const [compare, setCompare] = useState(false);
  const fromFile = useMemo((): Shown | null => (file ? { ...FILE_STORY, scenario: file } : null), [file]);
  const scenario: Shown =
    scenarioId === FILE_SCENARIO && fromFile
      ? fromFile
      : (productionStoryById(scenarioId) ?? productionStoryById(DEFAULT_SCENARIO)!);
  // The fix the side by side is about: the story's own, else the first one switched off. A story
  // with no fix of its own, every fix on, has nothing to compare (no unrelated fix is offered).
  const focus: FixName | null = scenario.fix ?? FIX_NAMES.find((f) => !fixes[f]) ?? null;
  const focusName = focus === null ? '' : FIX_ROWS[focus].name;
  const comparing = compare && focus !== null;
  const mainFixes = useMemo(
    () => (comparing && focus !== null ? { ...fixes, [focus]: false } : fixes),
    [comparing, fixes, focus],
  );
  // The run is on stage before the page is first drawn (so the prerendered page shows it), and
  // again whenever the story, the switches or the picks change.
  const [main] = useState(() => {
    const store = createLabStore({ level: SWITCHED_LEVEL });
    show(store, scenario, mainFixes, picks);
    return store;
  });
  const other = useMemo(() => createLabStore({ level: SWITCHED_LEVEL }), []);
  // What is on stage, so the first effect does not run the story the first draw already ran.
  const onStage = useRef({ scenario, mainFixes, picks });
  useEffect(() => {
    const was = onStage.current;
    if (was.scenario === scenario && was.mainFixes === mainFixes && was.picks === picks) return;
    onStage.current = { scenario, mainFixes, picks };
    // A story plays from its start once, when chosen: the same story shown again with other
    // switches (side by side turned on or off) shows its outcome at once, as a switch does.
    const again = picks.play === true && was.scenario === scenario && was.picks === picks;
    show(main, scenario, mainFixes, again ? SCHEDULER : picks);
  }, [main, scenario, mainFixes, picks]);
  // The keys drive the main run (the one on the left when two are side by side).
  useShortcuts(main);
  // Presentation mode (P): the run's scene, caption and transport only (layout.css).
  usePresentation();

  const navigate = useCallback((view: LinkedView) => {
    setFixes(view.fixes);
    setScenarioId(view.scenarioId);
    setPicks(view.picks);
    setFile(view.file);
    setCompare(false);
  }, []);
  useEffect(() => {
    if (lineByLineSaved()) for (const store of [main, other]) store.getState().actions.setLineByLine(true);
    const read = linkedView();
    // On purpose after hydration: the prerendered page is the default view, the link is applied on top.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setOpened(read);
    navigate(read.view);
  }, [main, other, navigate]);
  // After the effect that loads the run: the link's moment is the loaded run's cursor.
  useProductionLink({
    main,
    scenarioId: scenario.id,
    fixes,
    choices: picks.choices,
    file: scenarioId === FILE_SCENARIO ? file : null,
    openingNotices: opened?.notices ?? null,
    onNavigate: navigate,
  });

  useEffect(() => {
    if (!comparing || focus === null) return;
    other.getState().actions.loadScenario(withFixes(scenario.scenario, { ...fixes, [focus]: true }), { cursor: 'end' });
  }, [other, comparing, scenario, fixes, focus]);

  const toggle = useCallback((fix: FixName) => {
    setFixes((f) => ({ ...f, [fix]: !f[fix] }));
    setPicks(SCHEDULER);
  }, []);
  // A switch shows its outcome at once (the run's end); a story chosen plays from its start.
  const choose = useCallback((id: string) => {
    setScenarioId(id);
    setPicks(fromTheStart());
  }, []);
  const points = useStoreValue(main, (s) => s.run.choicePoints);
  const pick = useCallback(
    (n: number, k: number) => {
      const before = points.slice(0, n).map((p) => p.picked);
      setPicks({ choices: [...before, k], cursor: points[n]?.seq ?? 'end' });
    },
    [points],
  );
  const scheduler = useCallback(
    (n: number) => {
      const before = points.slice(0, n).map((p) => p.picked);
      setPicks({ choices: before.length > 0 ? before : null, cursor: points[n]?.seq ?? 'end' });
    },
    [points],
  );
  const off = fixesOff(mainFixes);

  return (
    <div
      className="level prod"
      data-level={SWITCHED_LEVEL}
      data-scenario={scenario.id}
      data-compare={comparing ? 'yes' : 'no'}
    >
      <header className="level-header">
        <h1>{levelOf(SWITCHED_LEVEL).title}</h1>
        <p>
          Every row of the text’s table “why we add each feature”, fixed — the way HikariCP, pg-pool, generic-pool and
          tarn.js fix them. Switch a fix off and the same code takes the simpler path again; run the scenario beside it
          and watch the problem come back.
        </p>
      </header>
      <Switchboard fixes={fixes} scenarioId={scenario.id} onToggle={toggle} onScenario={choose} />
      <section className="prod-now" aria-label="The scenario">
        <p className="prod-now__what">
          <strong>{scenario.title}.</strong> {scenario.summary} {switchesSaid(scenario.fix, off)}
        </p>
        {focus === null ? (
          <p className="prod-compare prod-compare--none">
            This scenario has no fix of its own. Switch a fix off to run it beside the same scenario with that fix on.
          </p>
        ) : (
          <label className="prod-compare">
            <input type="checkbox" checked={comparing} onChange={(e) => setCompare(e.target.checked)} /> Side by side:
            this scenario with the {focusName} fix off and on
          </label>
        )}
      </section>
      <div className={comparing ? 'prod-pair' : 'lab'}>
        {comparing ? (
          <>
            <Column
              store={main}
              full={false}
              label={`${focusName} fix off`}
              heading={<h2 className="prod-column__title">{focusName} fix off</h2>}
            />
            <Column
              store={other}
              full={false}
              label={`${focusName} fix on`}
              heading={<h2 className="prod-column__title">{focusName} fix on</h2>}
            />
          </>
        ) : (
          <>
            <div className="lab__main">
              <Column store={main} full label="The run">
                <PanelBoundary name="Who runs next" resetKey={main}>
                  <Interleaving onPick={pick} onScheduler={scheduler} handPicked={picks.choices !== null} />
                </PanelBoundary>
                <PanelBoundary name="This run as a file" resetKey={main}>
                  <RunFile scenario={scenario.scenario} off={off} choices={picks.choices} name={scenario.id} />
                </PanelBoundary>
              </Column>
            </div>
            <div className="lab__side">
              <LabStoreProvider store={main}>
                <PanelBoundary name="The code panel" resetKey={main}>
                  <CodePanel level={SWITCHED_LEVEL} offFixes={off} />
                </PanelBoundary>
              </LabStoreProvider>
            </div>
          </>
        )}
      </div>
      {comparing && (
        <>
          <PanelBoundary name="The difference" resetKey={other}>
            <Difference off={main} on={other} name={focusName} />
          </PanelBoundary>
          <LabStoreProvider store={main}>
            <PanelBoundary name="The code panel" resetKey={main}>
              <CodePanel level={SWITCHED_LEVEL} offFixes={off} />
            </PanelBoundary>
          </LabStoreProvider>
        </>
      )}
      <PathNext page="production" />
    </div>
  );
}
