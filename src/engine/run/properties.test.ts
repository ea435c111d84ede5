/**
 * Property tests over thousands of random scenarios per level, concurrent ones included: the
 * invariants the text's code keeps, and a monitor that misses nothing it is meant to catch.
 * The expectations below are computed from the events by a shadow of our own, not by the monitor.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEVELS } from '../levels';
import { innermostLine } from '../world';
import { runScenario, type RunResult } from '.';
import { parseScenario } from '../scenario';
import { LEVEL_IDS, type LevelId, type PoolEvent, type WarningKind } from '../types';

const clients = fc.constantFrom('A', 'B', 'C', 'D');
const maybeAt = (concurrent: boolean) =>
  concurrent ? fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined, freq: 2 }) : fc.constant(undefined);

function stepArb(level: LevelId, concurrent: boolean) {
  const steps = LEVELS[level].steps;
  const at = maybeAt(concurrent);
  const withAt = <T extends object>(arb: fc.Arbitrary<T>) =>
    fc.tuple(arb, at).map(([s, t]) => (t === undefined ? s : { ...s, at: t }));
  const options: fc.Arbitrary<object>[] = [
    withAt(fc.record({ client: clients, do: fc.constant('acquire') })),
    withAt(fc.record({ client: clients, do: fc.constant('acquire') })),
    withAt(fc.record({ client: clients, do: fc.constant('release') })),
    withAt(fc.record({ client: clients, do: fc.constant('release') })),
    withAt(fc.record({ client: clients, do: fc.constant('release'), object: fc.integer({ min: 1, max: 3 }) })),
    withAt(fc.record({ client: clients, do: fc.constant('use'), write: fc.constantFrom('a=1', 'b=2', 'note') })),
    withAt(fc.record({ client: clients, do: fc.constant('read') })),
    withAt(fc.record({ client: clients, do: fc.constant('fail') })),
    withAt(fc.record({ do: fc.constant('kill'), object: fc.integer({ min: 1, max: 3 }) })),
  ];
  if (steps.includes('with')) {
    options.push(
      withAt(
        fc.record({
          client: clients,
          do: fc.constant('with'),
          write: fc.constantFrom('a=1', 'b=2'),
          fail: fc.boolean(),
        }),
      ),
    );
  }
  if (steps.includes('restart')) options.push(withAt(fc.record({ do: fc.constant('restart') })));
  if (steps.includes('close')) options.push(withAt(fc.record({ do: fc.constant('close') })));
  return fc.oneof(...options);
}

/** Small sizes for whichever of size, minSize and maxSize the level takes. */
function sizesArb(level: LevelId): fc.Arbitrary<object> {
  const { options } = LEVELS[level];
  if (options.size) return fc.record({ size: fc.integer({ min: 0, max: 3 }) });
  if (!options.maxSize) return fc.constant({});
  const max = fc.integer({ min: 1, max: 4 });
  if (!options.minSize) return fc.record({ maxSize: max });
  return max.chain((maxSize) =>
    fc.record({ maxSize: fc.constant(maxSize), minSize: fc.integer({ min: 0, max: maxSize }) }),
  );
}

function scenarioArb(level: LevelId, concurrent: boolean) {
  const sizes = sizesArb(level);
  return fc.record({
    level: fc.constant(level),
    seed: fc.integer({ min: 0, max: 2 ** 31 }),
    options: sizes.map((o) => ({ ...o, costs: { createMs: [5, 60] } })),
    steps: fc.array(stepArb(level, concurrent), { minLength: 1, maxLength: 24 }),
  });
}

const run = (json: unknown): RunResult => runScenario(parseScenario(json).scenario);

/** The warnings the monitor emitted right after event i (they follow it directly). */
function warningsAfter(events: readonly PoolEvent[], i: number): { warning: WarningKind; object: number | null }[] {
  const out: { warning: WarningKind; object: number | null }[] = [];
  for (let j = i + 1; j < events.length; j++) {
    const e = events[j]!;
    if (e.type !== 'monitor.warned') break;
    out.push({ warning: e.warning, object: e.object });
  }
  return out;
}

/** Everything the monitor must have flagged, computed independently from the event stream. */
function expectedFlags(result: RunResult): { at: number; warning: WarningKind; object: number }[] {
  const hands = new Map<string, { id: number; lease: number }[]>();
  const writer = new Map<number, number | null>();
  const withLease = new Map<string, { id: number; lease: number }>();
  const inBlock = new Map<string, boolean>();
  const handsOf = (c: string) => hands.get(c) ?? (hands.set(c, []), hands.get(c)!);
  const removeNewest = (c: string, id: number) => {
    const list = handsOf(c);
    const k = list.findLastIndex((h) => h.id === id);
    if (k >= 0) list.splice(k, 1);
  };
  // Operations running on each object (making, statements, resets), from their start and end events.
  const running = new Map<number, number>();
  const run = (id: number | null, by: number) => {
    if (id !== null) running.set(id, (running.get(id) ?? 0) + by);
  };
  const flags: { at: number; warning: WarningKind; object: number }[] = [];
  result.events.forEach((e, i) => {
    // A guaranteed-release block lets go of its object when the body ends, as the release begins.
    const lease = e.client === null ? undefined : withLease.get(e.client);
    if (
      lease &&
      e.object === lease.id &&
      e.line !== null &&
      /^(release|resetConnection)\./.test(innermostLine(e.line))
    ) {
      const list = handsOf(e.client!);
      const k = list.indexOf(lease);
      if (k >= 0) list.splice(k, 1);
    }
    switch (e.type) {
      case 'step.started':
        withLease.delete(e.client ?? '');
        if (e.client !== null) inBlock.set(e.client, e.do === 'with');
        break;
      case 'object.acquired': {
        const holding = { id: e.object!, lease: e.seq };
        handsOf(e.client!).push(holding);
        if (inBlock.get(e.client!)) withLease.set(e.client!, holding);
        const refs = [...hands.values()].reduce((n, list) => n + list.filter((h) => h.id === e.object).length, 0);
        // Two readers hold it, or another reader's call still works on it as it is handed out.
        if (refs > 1 || (running.get(e.object!) ?? 0) > 0)
          flags.push({ at: i, warning: 'shared-object', object: e.object! });
        if (e.world!.objects[e.object! - 1]!.alive === false)
          flags.push({ at: i, warning: 'dead-handout', object: e.object! });
        break;
      }
      case 'object.written':
        writer.set(e.object!, handsOf(e.client!).at(-1)!.lease);
        break;
      case 'object.creating':
      case 'object.resetting':
      case 'statement.started':
        run(e.object, 1);
        break;
      case 'object.created':
        run(e.object, -1);
        break;
      case 'object.reset':
        run(e.object, -1);
        writer.set(e.object!, null);
        break;
      case 'statement.finished':
        run(e.object, -1);
        if (e.sql === 'DISCARD ALL' && e.ok) writer.set(e.object!, null);
        break;
      case 'object.read':
        if (e.sees !== null && writer.get(e.object!) !== handsOf(e.client!).at(-1)!.lease) {
          flags.push({ at: i, warning: 'dirty-read', object: e.object! });
        }
        break;
      case 'object.shelved':
        if (e.available.filter((id) => id === e.object).length > 1)
          flags.push({ at: i, warning: 'double-shelved', object: e.object! });
        break;
      case 'step.finished': {
        const c = e.client;
        if (c === null) break;
        if (e.do === 'release' && e.outcome.object !== undefined) removeNewest(c, e.outcome.object);
        if (e.do === 'fail') handsOf(c).pop();
        if (e.do === 'with') {
          const h = withLease.get(c);
          if (h) {
            const list = handsOf(c);
            const k = list.indexOf(h);
            if (k >= 0) list.splice(k, 1);
          }
        }
        break;
      }
      default:
        break;
    }
  });
  return flags;
}

function checkCommon(result: RunResult): void {
  let t = 0;
  let seq = -1;
  for (const e of result.events) {
    expect(e.t).toBeGreaterThanOrEqual(t);
    expect(e.seq).toBeGreaterThan(seq);
    t = e.t;
    seq = e.seq;
  }
  expect(result.final.objects.map((o) => o.id)).toEqual(result.final.objects.map((_, i) => i + 1));
  for (const flag of expectedFlags(result)) {
    const found = warningsAfter(result.events, flag.at).some(
      (w) => w.warning === flag.warning && w.object === flag.object,
    );
    expect(found, `${flag.warning} on object ${flag.object} at event ${flag.at} was not flagged`).toBe(true);
  }
}

const RUNS = 1500;
/** The levels without switches (the production pool has property tests of its own). */
const textLevels = LEVEL_IDS.filter((l) => LEVELS[l].options.fixes === undefined);

describe('every level of the text', () => {
  it.each(textLevels)(
    '%s: never throws, time never runs backwards, ids are unique, the monitor misses nothing',
    (level) => {
      fc.assert(
        fc.property(scenarioArb(level, true), (json) => {
          checkCommon(run(json));
        }),
        { numRuns: RUNS },
      );
    },
  );
});

describe.each(['level2', 'level3', 'level4'] as const)('%s', (level) => {
  it('keeps shelf + counter equal to the objects created, and never creates past maxSize', () => {
    fc.assert(
      fc.property(scenarioArb(level, true), (json) => {
        const result = run(json);
        const max = (json.options as unknown as { maxSize: number }).maxSize;
        let opened = false;
        // These levels count first: from the count until the shelf or the press moves (the next
        // line of the same call), the count is ahead by its move.
        let ahead = 0;
        for (const e of result.events) {
          if (e.type === 'pool.opened') opened = true;
          if (e.type === 'pool.counted') ahead = e.by;
          else if (e.type === 'object.taken' || e.type === 'object.creating' || e.type === 'object.shelved') ahead = 0;
          const pool = e.world!.pool;
          expect(pool.created).toBeLessThanOrEqual(max);
          if (opened) expect(pool.available.length + pool.inUse!).toBe(pool.created + ahead);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('database', () => {
  it('keeps shelf + counter equal to the connections created, less those it threw away, when steps do not overlap', () => {
    fc.assert(
      fc.property(scenarioArb('database', false), (json) => {
        const result = run(json);
        // Shelf entries leave the count only by being thrown away: a failed validation, or close()
        // emptying the shelf (a double-shelved connection is two entries there).
        let thrownAway = 0;
        let shelfBefore = 0;
        for (const e of result.events) {
          if (e.type === 'object.validated' && !e.ok) thrownAway++;
          if (e.type === 'pool.closed') thrownAway += shelfBefore;
          shelfBefore = e.available.length;
          if (e.type !== 'step.finished') continue;
          const w = e.world!;
          expect(w.pool.available.length + w.pool.inUse! + thrownAway).toBe(w.pool.created);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
