/**
 * The world's places against an independent reckoning, over random scenarios of every level (the
 * production pool with random fixes switched off included, and random picks of who runs next).
 *
 * After every event, a shadow written here from the event stream alone — what is closed, what is
 * on the shelf, what each reader holds, and which reader's pool call has an object in hand (taken,
 * made, checked, handed off, or given back and not yet put anywhere) — says which objects are
 * unreachable; the engine must draw exactly those as lost. Whenever an object becomes lost, the
 * monitor must have said why (`leaked` or `capacity-lost`, naming it), and it says so of no object
 * that is not lost. And the world kept up to date event by event must equal the world rebuilt from
 * scratch.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sessionOf, timedAt } from '../arbitraries';
import { LEVELS } from '../levels';
import { runScenario, type RunResult } from '../run';
import { parseScenario } from '../scenario';
import { FIX_NAMES, LEVEL_IDS, type LevelId, type Place, type PoolEvent, type Scenario, type StepKind } from '../types';
import { innermostLine } from './kept';

const clients = fc.constantFrom('A', 'B', 'C', 'D');
const at = fc.option(fc.constantFrom(0, 10, 50, 100, 102, 150, 300, 600), { nil: undefined, freq: 2 });
const timed = timedAt(at);

/** A borrower's session: acquire, maybe write and read, then release, crash, or keep it. */
const session = sessionOf({ clients, at, writes: ['tz=UTC', 'note'], ends: ['release', 'release', 'fail', 'keep'] });

function stepsArb(level: LevelId): fc.Arbitrary<object[]> {
  const has = (k: StepKind) => LEVELS[level].steps.includes(k);
  const object = fc.integer({ min: 1, max: 4 });
  const chunks: fc.WeightedArbitrary<object[]>[] = [
    { weight: 6, arbitrary: session },
    { weight: 1, arbitrary: timed(fc.record({ client: clients, do: fc.constant('release'), object })).map((s) => [s]) },
    { weight: 1, arbitrary: timed(fc.record({ do: fc.constant('release'), object })).map((s) => [s]) },
    { weight: 1, arbitrary: timed(fc.record({ do: fc.constant('kill'), object })).map((s) => [s]) },
  ];
  if (has('with'))
    chunks.push({
      weight: 3,
      arbitrary: timed(
        fc.record({ client: clients, do: fc.constant('with'), write: fc.constantFrom('a=1', 'b'), fail: fc.boolean() }),
      ).map((s) => [s]),
    });
  if (has('restart'))
    chunks.push({ weight: 1, arbitrary: timed(fc.record({ do: fc.constant('restart') })).map((s) => [s]) });
  if (has('close'))
    chunks.push({ weight: 1, arbitrary: timed(fc.record({ do: fc.constant('close') })).map((s) => [s]) });
  return fc.array(fc.oneof(...chunks), { minLength: 1, maxLength: 7 }).map((c) => c.flat());
}

/** Small sizes for whichever options the level takes; the production pool's switches at random. */
function optionsArb(level: LevelId): fc.Arbitrary<object> {
  const { options } = LEVELS[level];
  const costs = fc.record({
    createMs: fc.constantFrom([50, 50], [20, 80]),
    validateMs: fc.integer({ min: 0, max: 3 }),
    resetMs: fc.integer({ min: 0, max: 3 }),
  });
  const parts: Record<string, fc.Arbitrary<unknown>> = { costs };
  if (options.size) parts.size = fc.integer({ min: 0, max: 3 });
  if (options.maxSize) parts.maxSize = fc.integer({ min: 1, max: 3 });
  if (options.minSize) parts.minSize = fc.integer({ min: 0, max: 1 });
  if (options.acquireTimeout) parts.acquireTimeout = fc.constantFrom(0, 40, 200, null);
  if (options.leakThreshold) parts.leakThreshold = fc.constantFrom(null, 120);
  if (options.idleTimeout) parts.idleTimeout = fc.constantFrom(null, 150);
  if (options.maxLifetime) parts.maxLifetime = fc.constantFrom(null, 250);
  if (options.fixes) parts.fixes = fc.record(Object.fromEntries(FIX_NAMES.map((f) => [f, fc.boolean()])));
  return fc.record(parts).map((o) => {
    const out = o as { minSize?: number; maxSize?: number };
    if (out.minSize !== undefined && out.maxSize !== undefined) out.minSize = Math.min(out.minSize, out.maxSize);
    return out;
  });
}

interface Case {
  readonly scenario: Scenario;
  readonly choices: readonly number[] | undefined;
}

const caseArb = (level: LevelId): fc.Arbitrary<Case> =>
  fc
    .record({
      options: optionsArb(level),
      seed: fc.integer({ min: 0, max: 1000 }),
      steps: stepsArb(level),
      choices: fc.option(fc.array(fc.nat({ max: 3 }), { maxLength: 12 }), { nil: undefined, freq: 3 }),
    })
    .map(({ options, seed, steps, choices }) => ({
      scenario: parseScenario({ level, options, seed, steps }).scenario,
      choices,
    }));

/** Picks out of range are the run's bad input, not what this test is about: fold them into range. */
const runCase = (c: Case, rebuildWorld = false): RunResult =>
  runScenario(c.scenario, {
    rebuildWorld,
    ...(c.choices ? { choose: (p) => (c.choices![p.n] ?? 0) % p.options.length } : {}),
  });

/** Plain checks (expect() per object per event would be slow over many runs). */
function check(ok: boolean, what: () => string): void {
  if (!ok) expect.fail(what());
}

const RESET_WORDS = new Set(['reset', 'ROLLBACK', 'DISCARD ALL', 'COMMIT']);

/**
 * The shadow: which objects are reachable after each event, from the events and the readers'
 * holdings alone (nothing here reads `places`).
 */
type Verdict = 'closed' | 'reachable' | 'unreachable';

function reachability(r: RunResult): Verdict[][] {
  const closed = new Set<number>();
  const making = new Set<number>();
  /** Objects a reader's pool call has in hand ('' for calls without a reader). */
  const inCall = new Map<string, Set<number>>();
  const callOf = (c: string | null) => inCall.get(c ?? '') ?? (inCall.set(c ?? '', new Set()), inCall.get(c ?? '')!);
  const stepOf = new Map<string, StepKind>();
  let holdingsBefore = new Map<string, readonly number[]>();
  /** A release just started: it has its object in hand from its next event on (its first move). */
  let releasing: { client: string | null; id: number } | null = null;
  const out: Verdict[][] = [];
  for (const e of r.events) {
    const w = e.world!;
    const id = e.object;
    const c = e.client;
    if (releasing) callOf(releasing.client).add(releasing.id);
    releasing = null;
    switch (e.type) {
      case 'step.started': {
        if (c !== null) stepOf.set(c, e.do);
        const target = e.object ?? (c === null ? undefined : holdingsBefore.get(c)?.at(-1));
        if (e.do === 'release' && target !== undefined) releasing = { client: c, id: target };
        break;
      }
      case 'object.creating':
        making.add(id!);
        callOf(c).add(id!);
        break;
      case 'object.created':
        making.delete(id!);
        callOf(c).add(id!);
        break;
      case 'object.taken':
        callOf(c).add(id!);
        break;
      case 'statement.started':
        if (e.sql === 'SELECT 1' && e.line !== null && innermostLine(e.line).startsWith('validate')) callOf(c).add(id!);
        break;
      case 'object.shelved':
      case 'object.acquired':
        callOf(c).delete(id!);
        break;
      case 'object.handedoff':
        callOf(c).delete(id!);
        callOf(e.to).add(id!);
        break;
      case 'object.closed':
      case 'object.destroyed':
        closed.add(id!);
        for (const set of inCall.values()) set.delete(id!);
        break;
      case 'release.failed':
      case 'block.exited':
      case 'step.finished':
        // A reader's call is over. Calls without a reader cannot be told apart: only its own object.
        if (c !== null) callOf(c).clear();
        else if (id !== null) callOf(c).delete(id);
        if (c !== null && e.type === 'step.finished') stepOf.delete(c);
        break;
      default:
        break;
    }
    // What a reader lets go of inside a release, or at the end of its block, the call has in hand.
    const holdingsNow = new Map(w.clients.map((v) => [v.name, v.holding]));
    for (const [name, before] of holdingsBefore) {
      const s = stepOf.get(name);
      if (s !== 'release' && s !== 'with') continue;
      const now = [...(holdingsNow.get(name) ?? [])];
      for (const x of before) {
        const k = now.indexOf(x);
        if (k >= 0) now.splice(k, 1);
        else callOf(name).add(x);
      }
    }
    holdingsBefore = holdingsNow;
    const inHands = new Set(w.clients.flatMap((v) => v.holding));
    const onShelf = new Set(e.available);
    const called = new Set([...inCall.values()].flatMap((s) => [...s]));
    out.push(
      w.objects.map((o) =>
        closed.has(o.id)
          ? 'closed'
          : making.has(o.id) || onShelf.has(o.id) || inHands.has(o.id) || called.has(o.id)
            ? 'reachable'
            : 'unreachable',
      ),
    );
  }
  return out;
}

const isLost = (places: readonly Place[]) => places.length === 1 && places[0]!.at === 'lost';

/** The warnings the monitor emitted right after event i. */
function warningsAfter(events: readonly PoolEvent[], i: number): PoolEvent[] {
  const out: PoolEvent[] = [];
  for (let j = i + 1; j < events.length && events[j]!.type === 'monitor.warned'; j++) out.push(events[j]!);
  return out;
}

/**
 * An object that becomes lost must have been reported: a `leaked` or `capacity-lost` warning naming
 * it, right after the event that lost it — or earlier, if it has been nowhere a reader could get it
 * back from (a reader's hands, the shelf) since that warning (a refused release of a lost object
 * holds it for a moment, and then it is lost again: the same loss).
 */
function checkPlaces(r: RunResult): void {
  const reachable = reachability(r);
  const wasLost = new Set<number>();
  /** The last event at which each object was in a reader's hands or on the shelf. */
  const lastHome = new Map<number, number>();
  /** The last event after which the monitor reported each object lost. */
  const lastReported = new Map<number, number>();
  /** SELECT 1s started and not finished, by `object reader` (a check, or a reader's own query). */
  const selects = new Map<string, number>();
  r.events.forEach((e, i) => {
    const w = e.world!;
    const at = () => `at event ${i} (${e.type}${e.client ? ` by ${e.client}` : ''}, t=${e.t})`;
    if ((e.type === 'statement.started' || e.type === 'statement.finished') && e.sql === 'SELECT 1') {
      const key = `${e.object} ${e.client}`;
      selects.set(key, (selects.get(key) ?? 0) + (e.type === 'statement.started' ? 1 : -1));
    }
    if (e.type === 'monitor.warned' && e.object !== null && (e.warning === 'leaked' || e.warning === 'capacity-lost')) {
      // And the other way round: the monitor reports a loss only of an object that is lost.
      const places = w.objects[e.object - 1]!.places;
      check(isLost(places), () => `${e.warning} for object ${e.object}, which is at ${JSON.stringify(places)} ${at()}`);
      lastReported.set(e.object, i);
    }
    let held = 0;
    for (const o of w.objects) {
      const { places } = o;
      const where = () => `object ${o.id} at ${JSON.stringify(places)} ${at()}`;
      check(places.length > 0, () => `${where()}: no place`);
      const alone = places.some((p) => p.at === 'lost' || p.at === 'bin');
      check(!alone || places.length === 1, () => `${where()}: lost or bin shares with another place`);
      const slots = places.flatMap((p) => (p.at === 'shelf' ? [p.slot] : []));
      const onShelf = e.available.flatMap((x, k) => (x === o.id ? [k] : []));
      if (places[0]!.at !== 'bin') check(slots.join() === onShelf.join(), () => `${where()}: shelf slots ${onShelf}`);
      const hands = places.find((p) => p.at === 'hands');
      const holders = w.clients.filter((c) => c.holding.includes(o.id)).map((c) => c.name);
      if (places[0]!.at !== 'bin')
        check((hands?.readers ?? []).join() === holders.join(), () => `${where()}: held by ${holders}`);
      if (hands) held += hands.readers.length; // a shared object: one in each reader's hands
      if (hands || slots.length > 0) lastHome.set(o.id, i);
      for (const p of places) if (p.at === 'desk') check(RESET_WORDS.has(p.work), () => `${where()}: desk work`);
      // A copy at the counter shows its own call's check, and only its own: not another reader's
      // check of the same object, nor a check that has ended.
      for (const p of places)
        if (p.at === 'counter' && p.way === 'out') {
          const checking = (selects.get(`${o.id} ${p.reader}`) ?? 0) > 0;
          check(p.work === (checking ? 'SELECT 1' : null), () => `${where()}: counter work, checking ${checking}`);
        }
      const lost = isLost(places);
      const verdict = reachable[i]![o.id - 1]!;
      check(lost === (verdict === 'unreachable'), () => `${where()}: the shadow finds it ${verdict}`);
      check((places[0]!.at === 'bin') === (verdict === 'closed'), () => `${where()}: the shadow finds it ${verdict}`);
      if (lost && !wasLost.has(o.id)) {
        const now = warningsAfter(r.events, i).some(
          (x) =>
            x.type === 'monitor.warned' &&
            x.object === o.id &&
            (x.warning === 'leaked' || x.warning === 'capacity-lost'),
        );
        const before = (lastReported.get(o.id) ?? -1) > (lastHome.get(o.id) ?? -1);
        check(now || before, () => `${where()}: became lost with no leaked / capacity-lost warning for it`);
      }
      if (lost) wasLost.add(o.id);
      else wasLost.delete(o.id);
    }
    check(w.pool.held === held, () => `pool.held ${w.pool.held}, but readers have ${held} objects in hand ${at()}`);
  });
}

const RUNS = 120;

describe('places', () => {
  it.each([...LEVEL_IDS])(
    '%s: lost exactly when unreachable, never without the monitor saying why, and kept = rebuilt',
    (level) => {
      fc.assert(
        fc.property(caseArb(level), (c) => {
          const r = runCase(c);
          checkPlaces(r);
          const rebuilt = runCase(c, true);
          check(rebuilt.events.length === r.events.length, () => 'the rebuilt run has other events');
          r.events.forEach((e, i) => {
            const a = e.world!;
            const b = rebuilt.events[i]!.world!;
            if (JSON.stringify(a) !== JSON.stringify(b)) expect(a, `world after event ${i} (${e.type})`).toEqual(b);
          });
        }),
        { numRuns: level === 'production' ? RUNS * 3 : RUNS },
      );
    },
  );

  it('draws a book on its way to a reader at the counter, not lost (Level 1, four readers at a shelf of two)', () => {
    const r = runScenario(
      parseScenario({
        level: 'level1',
        options: { size: 2 },
        seed: 1,
        steps: ['A', 'B'].map((client) => ({ client, do: 'acquire', at: 0 })),
      }).scenario,
    );
    const taken = r.events.findIndex((e) => e.type === 'object.taken' && e.client === 'A');
    const got = r.events.findIndex((e) => e.type === 'object.acquired' && e.client === 'A');
    const id = r.events[taken]!.object!;
    expect(got).toBeGreaterThan(taken + 1);
    for (const e of r.events.slice(taken, got))
      expect(e.world!.objects[id - 1]!.places).toEqual([{ at: 'counter', reader: 'A', way: 'out', work: null }]);
    expect(r.events[got]!.world!.objects[id - 1]!.places).toEqual([{ at: 'hands', readers: ['A'] }]);
  });
});
