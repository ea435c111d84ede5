/**
 * A run built by hand, to and from a link: what the lab has on stage beyond a story, a file or a
 * fresh pool as they came — the steps pressed, the sizes chosen, the readers added, "Same
 * instant" — as a ManualRun (fragment.ts writes it into the link), and the action that puts one
 * back on stage exactly (`openRun`), its steps checked as a file's are.
 */
import { parseScenario, quote, ScenarioError } from '../engine';
import type { LevelId, Scenario, Step } from '../engine';
import type { Story } from '../stories/types';
import { encodeRun, type ManualRun, type SizeName } from './fragment';
import { clampCursor, emptyScenario, onStage, textOf, timeline, type ActionContext, type LabState } from './labState';
import { defaultWrite } from './manual';
import { checkOptions, defaultOptionText } from './options';

const SIZE_NAMES: readonly SizeName[] = ['size', 'minSize', 'maxSize'];

/** A level with nothing done: a fresh pool of the level's default sizes. */
export function freshScenario(level: LevelId): Scenario {
  return emptyScenario(level, checkOptions(level, defaultOptionText(level)).options ?? {});
}

const sizesOf = (scenario: Scenario): Partial<Record<SizeName, number>> => {
  const out: Partial<Record<SizeName, number>> = {};
  for (const k of SIZE_NAMES) if (typeof scenario.options[k] === 'number') out[k] = scenario.options[k];
  return out;
};

const sameSizes = (a: Scenario, b: Scenario) => SIZE_NAMES.every((k) => a.options[k] === b.options[k]);

/**
 * The run built by hand on stage, or null when the stage shows a story, the link's file or a fresh
 * pool just as they came (their own link says it all). `file` is the link's file the run was
 * built on, when it was.
 */
export function manualRunOf(s: LabState, stories: readonly Story[], file: Scenario | null): ManualRun | null {
  const story = s.storyId ?? s.basedOn;
  const base =
    story !== null
      ? stories.find((x) => x.id === story)?.scenario
      : s.fromFile
        ? (file ?? undefined)
        : freshScenario(s.level);
  // A run whose base is gone (a file no longer at hand) is written whole on a fresh pool.
  const known = base !== undefined;
  const hand = known ? s.handSteps : s.scenario.steps.length;
  const built =
    hand > 0 || s.extraReaders.length > 0 || s.sameInstant !== null || !known || !sameSizes(s.scenario, base);
  if (!built) return null;
  return {
    base: known ? story : null,
    sizes: sizesOf(s.scenario),
    steps: s.scenario.steps.slice(s.scenario.steps.length - hand),
    readers: s.extraReaders,
    same: s.sameInstant,
  };
}

/** The run as the link writes it, or null. */
export function runTextOf(s: LabState, stories: readonly Story[], file: Scenario | null): string | null {
  const run = manualRunOf(s, stories, file);
  return run === null ? null : encodeRun(run, (reader) => defaultWrite(s.level, reader));
}

export function createRunActions({ set, get, notify }: ActionContext, stories: readonly Story[]) {
  return {
    openRun(level: LevelId, run: ManualRun, opts: { file?: Scenario | null; moment?: number | null } = {}): boolean {
      const cannot = (why: string) => {
        notify(`The link’s run cannot be opened: ${why}.`);
        return false;
      };
      let base: Scenario;
      if (run.base !== null) {
        const story = stories.find((x) => x.id === run.base);
        if (!story || story.level !== level) return cannot(`this level has no story called ${quote(run.base, 40)}`);
        base = story.scenario;
      } else base = opts.file ?? freshScenario(level);
      const steps = run.steps.map((step): Step =>
        (step.do === 'use' || step.do === 'with') && step.write === undefined
          ? { ...step, write: defaultWrite(level, step.client ?? '') }
          : step,
      );
      let scenario: Scenario;
      try {
        const raw = { ...base, options: { ...base.options, ...run.sizes }, steps: [...base.steps, ...steps] };
        scenario = parseScenario(raw).scenario;
      } catch (e) {
        if (!(e instanceof ScenarioError)) throw e;
        const at = e.stepIndex === null ? '' : `its step ${e.stepIndex - base.steps.length + 1}: `;
        return cannot(`${at}${e.message}`);
      }
      const t = timeline(scenario);
      if (t.run.error) {
        const i = (t.run.error.stepIndex ?? base.steps.length) - base.steps.length + 1;
        return cannot(`its step ${i} cannot run here (${t.run.error.message})`);
      }
      const last = t.run.events.length - 1;
      const moment = opts.moment ?? null;
      set({
        page: level,
        level,
        ...onStage(scenario, t, moment === null ? last : clampCursor(t.run, moment)),
        storyId: null,
        basedOn: run.base,
        extraReaders: run.readers,
        optionText: { ...defaultOptionText(level), ...textOf(scenario.options) },
        optionErrors: {},
        sameInstant: run.same,
        handSteps: steps.length,
        fromFile: run.base === null && opts.file !== undefined && opts.file !== null,
      });
      if (moment !== null && moment > last)
        notify(`The link asked for moment ${moment}, but this timeline ends at moment ${last}; showing that.`);
      return get().scenario === scenario;
    },
  };
}
