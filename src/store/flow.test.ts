import { describe, expect, it } from 'vitest';
import { runScenario } from '../engine';
import { LEVEL_IDS, type PoolEvent } from '../engine';
import { STORIES, storyById } from '../stories';
import { flowFor, flowNodeAt, flowNodeNear, type FlowNodeId } from './flow';

const eventsOf = (id: string): readonly PoolEvent[] => runScenario(storyById(id)!.scenario).events;
const ids = (level: (typeof LEVEL_IDS)[number]) => flowFor(level).nodes.map((n) => n.id);

/** The nodes lit over a run, with repeats folded, skipping events outside any acquire. */
function path(level: (typeof LEVEL_IDS)[number], events: readonly PoolEvent[]): FlowNodeId[] {
  const out: FlowNodeId[] = [];
  for (const e of events) {
    const n = flowNodeAt(level, e);
    if (n !== null && out.at(-1) !== n) out.push(n);
  }
  return out;
}

describe('flowFor', () => {
  it.each(LEVEL_IDS)('draws a well-formed diagram for %s', (level) => {
    const g = flowFor(level);
    const nodeIds = g.nodes.map((n) => n.id);
    expect(new Set(nodeIds).size).toBe(nodeIds.length);
    const cells = g.nodes.map((n) => `${n.col},${n.row}`);
    expect(new Set(cells).size).toBe(cells.length);
    for (const e of g.edges) {
      expect(nodeIds).toContain(e.from);
      expect(nodeIds).toContain(e.to);
    }
    for (const n of g.nodes.filter((x) => x.kind === 'question')) {
      expect(
        g.edges
          .filter((e) => e.from === n.id)
          .map((e) => e.label)
          .sort(),
      ).toEqual(['no', 'yes']);
    }
    expect(g.nodes.filter((n) => n.kind === 'start')).toHaveLength(1);
    expect(g.description.length).toBeGreaterThan(40);
  });

  it('has no refusal on Level 1 and no shelf without a pool', () => {
    expect(ids('level1')).not.toContain('refuse');
    expect(ids('level1')).toContain('shelf');
    expect(ids('nopool')).toEqual(['ask', 'create', 'give']);
  });

  it('adds a maximum on Level 2 and validation on the database', () => {
    expect(ids('level2')).toEqual(expect.arrayContaining(['room', 'refuse']));
    expect(ids('level4')).not.toContain('alive');
    expect(ids('database')).toEqual(expect.arrayContaining(['alive', 'discard', 'refuse']));
    expect(flowFor('database').edges).toContainEqual({ from: 'discard', to: 'shelf', label: 'try next' });
    expect(flowFor('database').nodes.find((n) => n.id === 'create')?.label).toMatch(/connection/);
  });
});

describe('flowNodeAt', () => {
  it('lights only nodes the level’s diagram has, for every story', () => {
    for (const s of STORIES) {
      const nodes = new Set(ids(s.level));
      for (const e of runScenario(s.scenario).events) {
        const n = flowNodeAt(s.level, e);
        if (n !== null) expect(nodes, `${s.id}: ${e.type}`).toContain(n);
      }
    }
  });

  it('follows a reuse then a refusal on Level 2', () => {
    expect(path('level2', eventsOf('exhaustion-level2'))).toEqual([
      'ask',
      'pop',
      'give',
      'ask',
      'create',
      'give',
      'ask',
      'refuse',
    ]);
  });

  it('leaves the start-up filling unlit', () => {
    const events = eventsOf('dirty-book-level1');
    const opened = events.findIndex((e) => e.type === 'pool.opened');
    expect(events.slice(0, opened).map((e) => flowNodeAt('level1', e))).toEqual(
      events.slice(0, opened).map(() => null),
    );
  });

  it('shows a dead connection checked, thrown away and replaced after a restart', () => {
    const events = eventsOf('restart-database');
    const b = events.filter((e) => e.client === 'B');
    expect(path('database', b)).toEqual(['ask', 'pop', 'alive', 'discard', 'create', 'give']);
  });

  it('prints every time without a pool', () => {
    const events = runScenario({
      level: 'nopool',
      options: {},
      seed: 1,
      steps: [
        { client: 'A', do: 'acquire' },
        { client: 'A', do: 'release' },
      ],
    }).events;
    expect(path('nopool', events)).toEqual(['ask', 'create', 'give']);
  });

  it('keeps the refusal lit while its warning is on screen', () => {
    const events = eventsOf('exhaustion-level3');
    const warned = events.findIndex((e) => e.type === 'monitor.warned');
    expect(events[warned - 1]?.type).toBe('pool.exhausted');
    expect(flowNodeNear('level3', events, warned)).toBe('refuse');
    expect(flowNodeNear('level3', events, -1)).toBeNull();
    // The story's last event closes the refused acquire: the refusal stays lit to the end.
    expect(events.at(-1)?.type).toBe('step.finished');
    expect(flowNodeNear('level3', events, events.length - 1)).toBe('refuse');
  });
});
