/**
 * What a recorded run's worlds share. A reader's view, or the list of all readers' views, that says
 * the same as one drawn before is that same object: a long run keeps one of each. A view with an
 * error or a place in line is its own. An object standing at one place has one list for that place,
 * whichever object stands there, and so has an object held by one reader. The shelf an event
 * carries and the pool's figures are shared alike. Equality of the worlds with worlds rebuilt from
 * scratch is checked in places.properties.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import type { ClientView, LevelId, ObjectView, Place, PoolView, Scenario, Step, StepOutcome } from '../types';

/** `count` rounds of each reader borrowing, writing and returning; `together`: each round's borrows at once. */
function rounds(level: LevelId, readers: number, count: number, options: Scenario['options'], together = false) {
  const steps: Step[] = [];
  for (let r = 0; r < count; r++)
    for (let c = 0; c < readers; c++) {
      const client = `R${c}`;
      const at = together ? { at: r * 2000 } : {};
      steps.push({ client, do: 'acquire', ...at }, { client, do: 'use', write: `n=${r}` }, { client, do: 'release' });
    }
  return { level, options, seed: 3, steps } as Scenario;
}

const shareable = (v: ClientView) => v.error === null && v.waitingSince === null;

/** How many objects and how many different contents among the views and lists the run's worlds hold. */
function census(scenario: Scenario) {
  const { events } = runScenario(scenario, { record: true });
  const views = new Map<string, Set<ClientView>>();
  const lists = new Map<string, Set<readonly ClientView[]>>();
  const add = <T>(map: Map<string, Set<T>>, key: string, x: T) => {
    const seen = map.get(key) ?? new Set<T>();
    seen.add(x);
    map.set(key, seen);
  };
  const places = new Map<string, Set<readonly Place[]>>();
  const holders = new Map<string, Set<readonly string[]>>();
  const shelves = new Map<string, Set<readonly number[]>>();
  const pools = new Map<string, Set<PoolView>>();
  let own = 0;
  for (const e of events) {
    add(shelves, JSON.stringify(e.available), e.available);
    const pool = e.world!.pool;
    if (pool.waiting.length === 0) add(pools, JSON.stringify(pool), pool);
    for (const o of e.world!.objects) {
      if (o.places.length === 1 && (o.places[0]!.at !== 'hands' || o.holders.length === 1))
        add(places, JSON.stringify(o.places), o.places);
      if (o.holders.length === 1) add(holders, o.holders[0]!, o.holders);
    }
    const clients = e.world!.clients;
    for (const v of clients) if (shareable(v)) add(views, JSON.stringify(v), v);
    if (clients.every(shareable)) add(lists, JSON.stringify(clients), clients);
    else own++;
  }
  const most = (map: Map<string, Set<unknown>>) => Math.max(0, ...[...map.values()].map((s) => s.size));
  return {
    events: events.length,
    views,
    lists,
    own,
    mostViewsAlike: most(views),
    mostListsAlike: most(lists),
    placesSeen: places.size,
    mostPlacesAlike: most(places),
    holdersSeen: holders.size,
    mostHoldersAlike: most(holders),
    shelvesSeen: shelves.size,
    mostShelvesAlike: most(shelves),
    poolsSeen: pools.size,
    mostPoolsAlike: most(pools),
  };
}

describe('recorded worlds share what they drew before', () => {
  it.each([
    ['level1', { size: 4 }],
    ['level3', { maxSize: 4 }],
    ['database', { maxSize: 4 }],
  ] as const)('%s: one view and one list of views for each thing said', (level, options) => {
    const c = census(rounds(level, 4, 30, options));
    expect(c.mostViewsAlike).toBe(1);
    expect(c.mostListsAlike).toBe(1);
    // An object alone at a place (the shelf's slot 2, Reader A's hands, the counter on its way back
    // from B, …): one list for each, whichever object stands there.
    expect(c.placesSeen).toBeGreaterThan(5);
    expect(c.mostPlacesAlike).toBe(1);
    // An object held by one reader: one list of that reader's name, whichever object it is.
    expect(c.holdersSeen).toBeGreaterThan(1);
    expect(c.mostHoldersAlike).toBe(1);
    // The shelf the events carry, and the pool's figures (with no one in line): one of each.
    expect(c.shelvesSeen).toBeGreaterThan(1);
    expect(c.mostShelvesAlike).toBe(1);
    expect(c.poolsSeen).toBeGreaterThan(1);
    expect(c.mostPoolsAlike).toBe(1);
    // The rounds come back to the same pictures: far fewer lists than events.
    expect(c.lists.size).toBeLessThan(c.events / 10);
  });

  it('keeps a view with a place in line as its own, and still shares the rest', () => {
    // Six readers at once at a pool of two: readers queue, each with its own time in line.
    const c = census(rounds('production', 6, 10, { maxSize: 2, acquireTimeout: 1500 }, true));
    expect(c.own).toBeGreaterThan(0);
    expect(c.mostViewsAlike).toBe(1);
    expect(c.mostListsAlike).toBe(1);
  });
});

describe('a change undone', () => {
  // Two readers taking turns at a database pool of two: each acquire checks the connection at the
  // counter (`SELECT 1` running on it, then not, as before), then the reader reads (`SHOW ALL`,
  // which changes nothing drawn) and gives it back.
  const turns: Scenario = {
    level: 'database',
    options: { maxSize: 2 },
    seed: 5,
    steps: Array.from({ length: 6 }, (_, k) => {
      const client = k % 2 === 0 ? 'A' : 'B';
      return [
        { client, do: 'acquire' as const },
        { client, do: 'read' as const },
        { client, do: 'release' as const },
      ];
    }).flat(),
  };

  it('an object whose view comes back to the one before keeps that view, and the list too', () => {
    const { events } = runScenario(turns, { record: true });
    const history = new Map<number, ObjectView[]>();
    let lists: (readonly ObjectView[])[] = [];
    let cameBack = 0;
    for (const e of events) {
      const objects = e.world!.objects;
      if (objects !== lists.at(-1)) {
        const twoBack = lists.at(-2);
        if (twoBack && JSON.stringify(twoBack) === JSON.stringify(objects)) expect(objects).toBe(twoBack);
        lists = [...lists, objects];
      }
      for (const v of objects) {
        const seen = history.get(v.id) ?? [];
        if (seen.at(-1) === v) continue;
        const before = seen.at(-2);
        if (before && JSON.stringify(before) === JSON.stringify(v)) {
          expect(v).toBe(before);
          cameBack++;
        }
        history.set(v.id, [...seen, v]);
      }
    }
    // Every check of a connection from the shelf ends where it began.
    const checks = events.filter((e) => e.type === 'statement.finished' && e.sql === 'SELECT 1').length;
    expect(checks).toBeGreaterThanOrEqual(4);
    expect(cameBack).toBeGreaterThanOrEqual(checks);
  });

  it('a statement that changes nothing drawn leaves the world as it was', () => {
    const { events } = runScenario(turns, { record: true });
    const reads = events.flatMap((e, i) =>
      (e.type === 'statement.started' || e.type === 'statement.finished') && e.sql === 'SHOW ALL' ? [i] : [],
    );
    expect(reads).toHaveLength(12);
    for (const i of reads) expect(events[i]!.world).toBe(events[i - 1]!.world);
  });
});

describe('recorded step outcomes share what they said before', () => {
  it.each([
    ['level1', { size: 4 }],
    ['level3', { maxSize: 4 }],
    ['database', { maxSize: 4 }],
  ] as const)(
    '%s: one outcome per object for a use or release that went well, one empty throw-away list',
    (level, options) => {
      const { steps, events } = runScenario(rounds(level, 4, 10, options, true), { record: true });
      const plain = new Map<string, Set<StepOutcome>>();
      const emptyDiscards = new Set<readonly number[]>();
      for (const s of steps) {
        const o = s.outcome;
        if (Object.keys(o).join() === 'object') {
          const seen = plain.get(JSON.stringify(o)) ?? new Set<StepOutcome>();
          seen.add(o);
          plain.set(JSON.stringify(o), seen);
        }
        if (o.discarded?.length === 0) emptyDiscards.add(o.discarded);
      }
      // Four readers at once, four objects, each used and returned ten times: one outcome each, not twenty.
      expect(plain.size).toBe(4);
      for (const seen of plain.values()) expect(seen.size).toBe(1);
      // A level that checks before lending reports an empty list at every acquire: one list for all.
      expect(emptyDiscards.size).toBe(level === 'database' ? 1 : 0);
      // The `step.finished` event carries the same outcome as the step's report.
      const finished = events.flatMap((e) => (e.type === 'step.finished' ? [e] : []));
      expect(finished).toHaveLength(steps.length);
      for (const e of finished) expect(e.outcome).toBe(steps[e.index]!.outcome);
    },
  );
});
