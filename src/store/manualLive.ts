/**
 * The manual panel's run kept open (engine `openRun`): a button appends a step, and only that step
 * is simulated — the run goes on from where it stands, and the timeline's schedule, beats and
 * warnings grow by the new events alone. The run is replayed from the start only when the step
 * reaches into the past: a step with a time of its own ("Same instant"), a step that would have
 * started before the run's end, a run that is not the open one (another story, options changed, a
 * hand-picked order, Undo).
 *
 * A click at step 5,000 costs what one at step 5 does because nothing is copied: the live run's
 * arrays — the scenario's steps, the events, the schedule, the beats — are grown in place, shared
 * by each state of the store the live run makes (the engine's `liveResult`). Each click makes a
 * new `run` and a new timeline, and that is what tells one state from the next: anything that
 * derives from the timeline keys on `run`, never on one of its arrays (the panels do). The
 * warnings are the exception, copied when one is added (rarely), so their marks can key on them.
 */
import { openRun, type OpenRun, type RunResult, type Scenario, type Step } from '../engine';
import { beatsOf } from './beats';
import { warningsFrom, type Timeline } from './labState';
import { scheduleOf } from './schedule';

/** The open run, the timeline last made from it, and the scenario's steps as the store holds them. */
export interface LiveRun {
  readonly open: OpenRun;
  readonly timeline: Timeline;
  /** The store's own copy of the steps, grown in place (the engine keeps its own). */
  readonly steps: Step[];
}

/** The live run grown by `step` (and the scenario with it), or null when it cannot grow so: then replay. */
export function grownBy(
  live: LiveRun,
  scenario: Scenario,
  step: Step,
): { scenario: Scenario; timeline: Timeline; live: LiveRun | null } | null {
  if (!live.open.append(step)) return null;
  const timeline = grownTimeline(live.timeline, live.open.liveResult());
  if (timeline.run.error) return { scenario: { ...scenario, steps: [...live.steps, step] }, timeline, live: null };
  live.steps.push(step);
  return { scenario: { ...scenario, steps: live.steps }, timeline, live: { ...live, timeline } };
}

/** A run of `scenario` from the start, kept open. */
export function opened(scenario: Scenario): { timeline: Timeline; live: LiveRun | null } {
  const open = openRun(scenario);
  const run = open.liveResult();
  const timeline: Timeline = {
    run,
    schedule: scheduleOf(run.events),
    warnings: warningsFrom(run.events, 0),
    beats: beatsOf(run.events),
  };
  return { timeline, live: run.error ? null : { open, timeline, steps: scenario.steps.slice() } };
}

/**
 * `before`'s timeline grown to `run`, whose events begin with `before`'s (worlds aside): the
 * schedule and the beats are grown in place, from the last old event on.
 */
export function grownTimeline(before: Timeline, run: RunResult): Timeline {
  const events = run.events;
  const { schedule, beats } = before;
  const k = schedule.length;
  // A start time depends on the events before it only: from the last old event on, they are new.
  const from = Math.max(0, k - 1);
  const tail = scheduleOf(events.slice(from));
  const at = schedule[from] ?? 0;
  schedule.length = from;
  for (const t of tail) schedule.push(at + t);
  // The last beat may go on with the new events: beats are made again from its first event.
  const first = beats.at(-1)?.first ?? 0;
  const newBeats = beatsOf(events.slice(first));
  beats.length = Math.max(0, beats.length - 1);
  for (const b of newBeats) beats.push({ ...b, first: b.first + first, last: b.last + first });
  const added = warningsFrom(events, k);
  return { run, schedule, warnings: added.length > 0 ? before.warnings.concat(added) : before.warnings, beats };
}
