import { it } from 'vitest';
import { openRun } from './engine/run/run';
import type { Scenario, Step, LevelId } from './engine';
it('dbg', () => {
  const levels: [LevelId, object][] = [
    ['level1', { size: 2 }],
    ['level2', { minSize: 0, maxSize: 3 }],
    ['level3', { maxSize: 3 }],
    ['level4', { maxSize: 3 }],
    ['database', { maxSize: 3 }],
    ['production', {}],
    ['nopool', {}],
  ];
  const cycle: Step[][] = [
    [
      { client: 'A', do: 'acquire' },
      { client: 'A', do: 'use', write: 'x' },
      { client: 'A', do: 'read' },
      { client: 'A', do: 'release' },
    ],
  ];
  for (const [level, options] of levels) {
    let s: Scenario = { level, options, seed: 1, steps: [] } as Scenario;
    let open = openRun(s);
    open.result();
    const out: string[] = [];
    for (let r = 0; r < 3; r++)
      for (const step of cycle[0]!)
        for (const c of ['A', 'B']) {
          const next = { ...s, steps: [...s.steps, { ...step, client: c }] };
          const ok = open.grow(next);
          if (!ok) open = openRun(next);
          const res = open.result();
          out.push(`${step.do[0]}${c}${ok ? '+' : '-'}${res.error ? '!' : ''}`);
          s = next;
        }
    console.log(level, out.join(' '));
  }
});
