/**
 * Manual mode: the learner drives the pool. Each button appends one step to the scenario and the
 * (deterministic) engine simulates it, going on from where the open run stands (manualLive.ts) or,
 * when the step reaches into the past, from the start; the cursor goes to the newest event. Here
 * are its actions and what the manual panel reads: the readers one can act for, what the level
 * lets one do, and what can be killed.
 */
import { LEVELS, levelInfo } from '../engine';
import { ScenarioError } from '../engine';
import { parseStep } from '../engine';
import type { LevelId, RunResult, Scenario, Step } from '../engine';
import { onStage, type ActionContext, type LabActions, type LabState } from './labState';
import { grownBy, opened, type LiveRun } from './manualLive';

export type ManualActions = Pick<
  LabActions,
  'addReader' | 'act' | 'kill' | 'restart' | 'closePool' | 'setSameInstant' | 'undo'
>;

const READER_NAMES = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A default note per reader, so two readers' writing can be told apart: a session setting on a connection. */
export function defaultWrite(level: LevelId, reader: string): string {
  if (LEVELS[level].lends === 'connection') {
    const zones = ['UTC', 'Asia/Tokyo', 'America/Lima', 'Europe/Oslo', 'Africa/Nairobi'];
    const i = Math.max(0, READER_NAMES.indexOf(reader.charAt(0))) % zones.length;
    return `timezone = '${zones[i]}'`;
  }
  return `${reader}'s note`;
}

/** The object a reader released last, which "Release again" releases once more; null if none. */
export function releasedBefore(run: RunResult, reader: string): number | null {
  for (let i = run.steps.length - 1; i >= 0; i--) {
    const r = run.steps[i]!;
    if (r.step.client === reader && r.step.do === 'release' && r.outcome.object !== undefined) return r.outcome.object;
  }
  return null;
}

export interface ManualReader {
  readonly name: string;
  readonly holds: number;
  readonly crashed: boolean;
  /** The object its next Use / Read / Release / Crash touches (its newest), if any. */
  readonly newest: number | null;
  /** The object "Release again" would release, if it released one before. */
  readonly releasedBefore: number | null;
}

/** Readers the learner can act for, from the end of the timeline (where new steps go). */
export function manualReadersOf(run: RunResult, extraReaders: readonly string[]): ManualReader[] {
  const out: ManualReader[] = run.final.clients.map((c) => ({
    name: c.name,
    holds: c.holding.length,
    crashed: c.state === 'crashed',
    newest: c.holding.at(-1) ?? null,
    releasedBefore: releasedBefore(run, c.name),
  }));
  for (const name of extraReaders) {
    if (!out.some((r) => r.name === name))
      out.push({ name, holds: 0, crashed: false, newest: null, releasedBefore: null });
  }
  return out;
}

/** What the level lets the learner do by hand. */
export function manualAbilities(level: LevelId) {
  const steps = levelInfo(level)?.steps ?? [];
  return {
    with: steps.includes('with'),
    restart: steps.includes('restart'),
    close: steps.includes('close'),
    kill: steps.includes('kill'),
  };
}

/** Objects that can be killed at the end of the timeline: created, alive, not closed. */
export function killableOf(run: RunResult): Set<number> {
  return new Set(run.final.objects.filter((o) => o.alive && !o.places.some((p) => p.at === 'bin')).map((o) => o.id));
}

/** Every reader's name: those in the run, then those added by hand. */
function readerNames(s: LabState): string[] {
  const names = s.run.final.clients.map((c) => c.name);
  for (const r of s.extraReaders) if (!names.includes(r)) names.push(r);
  return names;
}

export function createManualActions({ set, get, notify }: ActionContext): ManualActions {
  /** The run on stage kept open, when it is one the panel made. */
  let live: LiveRun | null = null;

  /** Append a step by hand and simulate it; a step that cannot run is refused with a notice. */
  const addStep = (asked: Step): boolean => {
    const s = get();
    const step: Step = s.sameInstant === null ? asked : { ...asked, at: s.sameInstant };
    try {
      parseStep(s.level, step as unknown, s.scenario.steps.length);
    } catch (e) {
      if (e instanceof ScenarioError) {
        notify(`That can't be done here: ${e.message}.`);
        return false;
      }
      throw e;
    }
    // The open run grows when it is the run on stage (and no hand-picked order holds); else, or
    // when it cannot grow by this step, the scenario with the step runs from the start.
    const growing = s.choices === null && live !== null && live.timeline.run === s.run ? live : null;
    const grown = growing ? grownBy(growing, s.scenario, step) : null;
    const scenario = grown?.scenario ?? { ...s.scenario, steps: [...s.scenario.steps, step] };
    const next = grown ?? opened(scenario);
    live = next.live;
    const t = next.timeline;
    if (t.run.error) {
      notify(`That can't be done now: ${t.run.error.message}.`);
      // The live run took the step into the timeline on stage before it failed: that timeline is
      // made again, as it was.
      if (grown) {
        const again = opened(s.scenario);
        live = again.live;
        set(again.timeline);
      }
      return false;
    }
    const c = t.run.events.length - 1;
    // The replay ran in the scheduler's order: a hand-picked interleaving no longer applies.
    set({
      ...onStage(scenario, t, c),
      basedOn: s.storyId ?? s.basedOn,
      storyId: null,
      extraReaders: step.client ? s.extraReaders.filter((r) => r !== step.client) : s.extraReaders,
      handSteps: s.handSteps + 1,
    });
    return true;
  };

  return {
    addReader() {
      const s = get();
      const taken = new Set(readerNames(s));
      let name = [...READER_NAMES].find((n) => !taken.has(n));
      for (let i = 2; !name; i++) name = [...READER_NAMES].map((n) => `${n}${i}`).find((n) => !taken.has(n));
      set({ extraReaders: [...s.extraReaders, name] });
      return name;
    },

    act(reader, action, write) {
      const s = get();
      switch (action) {
        case 'acquire':
        case 'read':
        case 'release':
        case 'fail':
          return addStep({ client: reader, do: action });
        case 'use':
          return addStep({ client: reader, do: 'use', write: write?.trim() || defaultWrite(s.level, reader) });
        case 'release-again': {
          const id = releasedBefore(s.run, reader);
          if (id === null) {
            notify(`${reader} has not released anything yet.`);
            return false;
          }
          return addStep({ client: reader, do: 'release', object: id });
        }
        case 'with':
        case 'with-fail': {
          const step: Step = { client: reader, do: 'with', write: write?.trim() || defaultWrite(s.level, reader) };
          return addStep(action === 'with-fail' ? { ...step, fail: true } : step);
        }
      }
    },
    kill(objectId) {
      return addStep({ do: 'kill', object: objectId });
    },
    restart() {
      return addStep({ do: 'restart' });
    },
    closePool() {
      return addStep({ do: 'close' });
    },
    undo() {
      const s = get();
      if (s.handSteps === 0) return false;
      const removed = s.scenario.steps.at(-1)!;
      const scenario: Scenario = { ...s.scenario, steps: s.scenario.steps.slice(0, -1) };
      // The steps before the last ran before it, so they run again as they did (and the run is
      // kept open for the next button).
      const again = opened(scenario);
      live = again.live;
      const t = again.timeline;
      const still = t.run.final.clients.some((c) => c.name === removed.client);
      // A reader whose only step is taken back stays on the panel, with nothing done.
      const back = removed.client !== undefined && !still && !s.extraReaders.includes(removed.client);
      set({
        ...onStage(scenario, t, t.run.events.length - 1),
        extraReaders: back ? [...s.extraReaders, removed.client!] : s.extraReaders,
        handSteps: s.handSteps - 1,
      });
      return true;
    },
    setSameInstant(on) {
      const s = get();
      set({ sameInstant: on ? (s.run.events.at(-1)?.t ?? 0) : null });
    },
  };
}
