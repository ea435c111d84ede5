/**
 * The manual panel grows its run click by click (manualLive.ts): after every button, what the
 * store holds — the run, its schedule, beats and warnings — is what running the scenario from the
 * start gives, whatever the learner pressed (refused steps, "Same instant", Undo included), and so
 * does the narration kept with it (narrated.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEVEL_IDS, LEVELS } from '../engine';
import { STORIES } from '../stories';
import { timeline, type ReaderAction } from './labState';
import { narrateAll } from './narrate';
import { narrateBeats } from './narrateBeats';
import { beatSentencesOf, sentencesOf } from './narrated';
import { createLabStore } from './labStore';

type Press =
  | { kind: 'act'; reader: string; action: ReaderAction }
  | { kind: 'kill'; object: number }
  | { kind: 'restart' | 'close' | 'undo' | 'same' };

const press: fc.Arbitrary<Press> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({
      kind: fc.constant('act' as const),
      reader: fc.constantFrom('A', 'B', 'C'),
      action: fc.constantFrom<ReaderAction>(
        'acquire',
        'acquire',
        'use',
        'read',
        'release',
        'release-again',
        'fail',
        'with',
        'with-fail',
      ),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('kill' as const), object: fc.integer({ min: 1, max: 3 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constantFrom('restart' as const, 'close' as const, 'undo' as const, 'same' as const),
    }),
  },
);

describe('the manual panel’s run, grown click by click', () => {
  it('holds what a replay from the start gives, after every button', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LEVEL_IDS), fc.array(press, { minLength: 1, maxLength: 30 }), (level, presses) => {
        const store = createLabStore({ stories: STORIES });
        const a = store.getState().actions;
        a.openLevel(level);
        const abilities = LEVELS[level].steps;
        for (const [n, p] of presses.entries()) {
          if (p.kind === 'act') {
            if ((p.action === 'with' || p.action === 'with-fail') && !abilities.includes('with')) continue;
            a.act(p.reader, p.action);
          } else if (p.kind === 'kill') a.kill(p.object);
          else if (p.kind === 'restart' && abilities.includes('restart')) a.restart();
          else if (p.kind === 'close' && abilities.includes('close')) a.closePool();
          else if (p.kind === 'undo') a.undo();
          else if (p.kind === 'same') a.setSameInstant(store.getState().sameInstant === null);
          const s = store.getState();
          const fresh = timeline(s.scenario);
          expect(s.run).toEqual(fresh.run);
          expect(s.schedule).toEqual(fresh.schedule);
          expect(s.beats).toEqual(fresh.beats);
          expect(s.warnings).toEqual(fresh.warnings);
          expect(s.cursor).toBe(fresh.run.events.length - 1);
          // The narration kept with the timeline, grown with it, says what narrating it afresh says
          // (asked for in either order, as the panels may).
          const byEvent = () =>
            expect([...sentencesOf(s.run.events, level)]).toEqual(narrateAll(fresh.run.events, level));
          const byBeat = () =>
            expect([...beatSentencesOf(s.run.events, s.beats, level)]).toEqual(
              narrateBeats(fresh.run.events, fresh.beats, level),
            );
          if (n % 2 === 0) {
            byEvent();
            byBeat();
          } else {
            byBeat();
            byEvent();
          }
        }
      }),
      { numRuns: 60, seed: 16 },
    );
  });
});
