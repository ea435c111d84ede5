import { describe, expect, it } from 'vitest';
import { runScenario } from './run';
import { parseScenario } from '../scenario';

const run = (json: unknown) => runScenario(parseScenario(json).scenario);

describe('database pool race', () => {
  it('creates past maxSize when four acquires arrive together', () => {
    const r = run({
      level: 'database',
      options: { maxSize: 2 },
      steps: ['A', 'B', 'C', 'D'].map((client) => ({ client, do: 'acquire', at: 0 })),
    });
    expect(r.final.pool.created).toBe(4);
    expect(r.final.pool.inUse).toBe(4);
  });
});
