import { describe, expect, it } from 'vitest';
import { LEVELS } from '../levels';
import { LEVEL_IDS } from '../types';
import { ANY_OPTIONS } from './options';
import { parseOptions, parseStep } from '.';

describe('the schema and the registry', () => {
  it('knows every option a level takes, with a value of the kind its spec says', () => {
    for (const id of LEVEL_IDS) {
      for (const [name, spec] of Object.entries(LEVELS[id].options)) {
        expect(Object.keys(ANY_OPTIONS.entries)).toContain(name);
        const value = spec.kind === 'fixes' ? { lock: false } : spec.kind === 'time' ? null : spec.max;
        const ok = spec.kind === 'time' && !spec.default ? { [name]: 1 } : { [name]: value };
        if (name === 'minSize') continue; // checked against maxSize, below
        expect(parseOptions(id, ok)).toEqual(ok);
      }
    }
  });

  it('takes the limits of each option from the registry', () => {
    expect(() => parseOptions('level2', { maxSize: LEVELS.level2.options.maxSize!.kind === 'count' ? 0 : 0 })).toThrow(
      'options.maxSize must be at least 1, not 0',
    );
    expect(() => parseOptions('level1', { size: 1001 })).toThrow(
      'options.size is 1001; the most the lab allows is 1000',
    );
  });

  it('takes on each level exactly the step kinds the registry lists for it', () => {
    const every = ['acquire', 'release', 'use', 'read', 'fail', 'with', 'kill', 'restart', 'close'];
    const example: Record<string, object> = { kill: { object: 1 }, release: { object: 1 } };
    for (const id of LEVEL_IDS) {
      for (const kind of every) {
        const step = { do: kind, client: 'A', ...(example[kind] ?? {}) };
        if (kind === 'kill') delete (step as { client?: string }).client;
        const takes = () => parseStep(id, step, 0);
        if (LEVELS[id].steps.includes(kind as never)) expect(takes()).toEqual(step);
        else expect(takes).toThrow(`${id} has no "${kind}" step`);
      }
    }
  });
});
