/**
 * The narration kept with a timeline (narrated.ts) says what narrating it afresh says, however the
 * array it was made for changed since: grown at its end, or with its end replaced by other events
 * (what earlier events told is rolled back), and with beats kept or made anew.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScenario, type PoolEvent, type Scenario, type Step } from '../engine';
import { STORIES } from '../stories';
import { beatsOf, type Beat } from './beats';
import { narrateAll } from './narrate';
import { narrateBeats } from './narrateBeats';
import { beatSentencesOf, sentencesOf } from './narrated';

/** Readers queueing for one connection, handed it straight from the one returning it (what narration remembers). */
function handoffs(seed: number): Scenario {
  const steps: Step[] = [];
  for (let r = 0; r < 4; r++) {
    const t = r * 1000;
    for (const client of ['A', 'B', 'C']) steps.push({ client, do: 'acquire', at: t });
    for (const [i, client] of ['A', 'B', 'C'].entries()) steps.push({ client, do: 'release', at: t + 300 * (i + 1) });
  }
  return { level: 'production', options: { maxSize: 1, acquireTimeout: 5000 }, seed, steps };
}

const runs = [...STORIES.map((s) => s.scenario), handoffs(1), handoffs(2)].map((scenario) => ({
  level: scenario.level,
  events: runScenario(scenario).events,
}));
const pairs = runs.flatMap((a) => runs.filter((b) => b.level === a.level).map((b) => [a, b] as const));

/**
 * `beats` made the beats of `events` in place, as a timeline grown in place does: the beats that
 * span the same events as before are kept (though the events in them may have been replaced), the
 * rest replaced.
 */
function regrowBeats(beats: Beat[], events: readonly PoolEvent[]): void {
  const fresh = beatsOf(events);
  let kept = 0;
  while (
    kept < beats.length &&
    kept < fresh.length &&
    beats[kept]!.first === fresh[kept]!.first &&
    beats[kept]!.last === fresh[kept]!.last
  )
    kept++;
  beats.length = kept;
  beats.push(...fresh.slice(kept));
}

/** How much of the array to keep (often all of it: a run that only grows), and where in the other run to go on from. */
const cutsArb = fc.array(
  fc.tuple(
    fc.oneof(fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
    fc.double({ min: 0, max: 1, noNaN: true }),
  ),
  { minLength: 1, maxLength: 6 },
);

/** Narrate `a`'s first half, then cut its end and go on with events of `b`, checking after each change. */
function checkCuts(
  a: (typeof runs)[number],
  b: (typeof runs)[number],
  cuts: readonly [number, number][],
  inPlace = true,
): void {
  const arr: PoolEvent[] = a.events.slice(0, Math.ceil(a.events.length / 2));
  // Beats either kept in one array, grown in place, or made anew each time.
  const kept: Beat[] = beatsOf(arr);
  let beats: Beat[] = kept;
  for (const [keep, take] of cuts) {
    arr.length = Math.floor(arr.length * keep);
    const from = Math.floor(b.events.length * take);
    arr.push(...b.events.slice(from, from + 20));
    if (inPlace) regrowBeats(kept, arr);
    beats = inPlace ? kept : beatsOf(arr);
    expect([...beatSentencesOf(arr, beats, a.level)]).toEqual(narrateBeats(arr, beats, a.level));
    expect([...sentencesOf(arr, a.level)]).toEqual(narrateAll(arr, a.level));
  }
}

describe('the narration kept with a timeline', () => {
  it('is narrateAll’s and narrateBeats’ after the array grows or its end is replaced', () => {
    fc.assert(
      fc.property(fc.constantFrom(...pairs), cutsArb, fc.boolean(), ([a, b], cuts, inPlace) =>
        checkCuts(a, b, cuts, inPlace),
      ),
      { numRuns: 150, seed: 7 },
    );
  });

  it('rolls back what earlier events told when the end that told it is replaced', () => {
    for (const run of runs.slice(-2)) {
      const told = run.events.flatMap((e, i) =>
        e.type === 'object.handedoff' || e.type === 'object.acquired' ? [i] : [],
      );
      expect(told.length).toBeGreaterThan(0);
      // Narrated up to event i, then event i is taken back and the run goes on without it.
      for (const i of told) {
        const arr = run.events.slice(0, i + 1);
        sentencesOf(arr, run.level);
        arr.length = i;
        arr.push(...run.events.slice(i + 1, i + 12));
        expect([...sentencesOf(arr, run.level)]).toEqual(narrateAll(arr, run.level));
      }
    }
    const [a, b] = runs.slice(-2) as [(typeof runs)[number], (typeof runs)[number]];
    fc.assert(
      fc.property(cutsArb, (cuts) => {
        checkCuts(a, b, cuts);
        checkCuts(b, a, cuts);
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});
