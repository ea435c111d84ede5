/**
 * The manual panel's run kept open (engine `openRun`): a button appends a step, and only that step
 * is simulated — the run goes on from where it stands, and the timeline's schedule, beats and
 * warnings grow by the new events alone. A click at step 5,000 costs about what one at step 5
 * does. The run is replayed from the start only when the step reaches into the past: a step with a
 * time of its own ("Same instant"), a step that would have started before the run's end, a run
 * that is not the open one (another story, options changed, a hand-picked order, Undo).
 */
import { openRun, type OpenRun, type PoolEvent, type RunResult, type Scenario } from '../engine';
import { beatsOf } from './beats';
import type { Timeline, WarningMark } from './labState';
import { scheduleOf } from './schedule';

/** The open run and the timeline last made from it. */
export interface LiveRun {
  readonly open: OpenRun;
  readonly timeline: Timeline;
}

/**
 * The timeline of `scenario`: `live` grown by its last step when `live` is the run on stage and
 * can grow so, else a run opened from the start. The live run to keep, null once it has failed.
 */
export function liveTimeline(
  live: LiveRun | null,
  onStage: RunResult,
  scenario: Scenario,
): { timeline: Timeline; live: LiveRun | null } {
  if (live !== null && live.timeline.run === onStage && live.open.grow(scenario)) {
    const timeline = grownTimeline(live.timeline, live.open.result());
    return { timeline, live: timeline.run.error ? null : { open: live.open, timeline } };
  }
  return opened(scenario);
}

/** A run of `scenario` from the start, kept open. */
export function opened(scenario: Scenario): { timeline: Timeline; live: LiveRun | null } {
  const open = openRun(scenario);
  const run = open.result();
  const timeline: Timeline = {
    run,
    schedule: scheduleOf(run.events),
    warnings: warningsFrom(run.events, 0),
    beats: beatsOf(run.events),
  };
  return { timeline, live: run.error ? null : { open, timeline } };
}

/** `before`'s timeline grown to `run`, whose events begin with `before`'s (worlds aside). */
export function grownTimeline(before: Timeline, run: RunResult): Timeline {
  const events = run.events;
  const k = before.run.events.length;
  // A start time depends on the events before it only: from the last old event on, they are new.
  const from = Math.max(0, k - 1);
  const tail = scheduleOf(events.slice(from));
  const at = before.schedule[from] ?? 0;
  for (let i = 0; i < tail.length; i++) tail[i] = at + tail[i]!;
  const schedule = before.schedule.slice(0, from).concat(tail);
  // The last beat may go on with the new events: beats are made again from its first event.
  const lastBeat = before.beats.at(-1);
  const first = lastBeat?.first ?? 0;
  const newBeats = beatsOf(events.slice(first)).map((b) => ({ ...b, first: b.first + first, last: b.last + first }));
  const beats = before.beats.slice(0, before.beats.length - (lastBeat ? 1 : 0)).concat(newBeats);
  const added = warningsFrom(events, k);
  return { run, schedule, warnings: added.length > 0 ? before.warnings.concat(added) : before.warnings, beats };
}

/** The monitor's warnings among the events from `from` on, with their indexes. */
function warningsFrom(events: readonly PoolEvent[], from: number): WarningMark[] {
  const out: WarningMark[] = [];
  for (let index = from; index < events.length; index++) {
    const e = events[index]!;
    if (e.type === 'monitor.warned')
      out.push({ index, warning: e.warning, message: e.message, client: e.client, object: e.object });
  }
  return out;
}
