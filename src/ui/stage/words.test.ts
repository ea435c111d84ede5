import { describe, expect, it } from 'vitest';
import { timeline } from '../../store/labState';
import { deskWork } from './words';

describe('deskWork', () => {
  it('names every statement a database run puts on a connection, the reader’s read apart from the check', () => {
    const { run } = timeline({
      level: 'database',
      options: { maxSize: 1 },
      seed: 1,
      steps: [
        { client: 'A', do: 'acquire' },
        { client: 'A', do: 'use', write: 'timezone = UTC' },
        { client: 'A', do: 'read' },
        { client: 'A', do: 'release' },
      ],
    });
    const said = [...new Set(run.events.flatMap((e) => (e.type === 'statement.started' ? [e.sql] : [])))].map(deskWork);
    expect(said).toEqual([
      'SELECT 1 — is it alive?',
      'SET timezone = UTC — a setting',
      'SHOW ALL — read the settings',
      'ROLLBACK — undo unfinished work',
      'DISCARD ALL — forget settings',
      'COMMIT',
    ]);
  });
});
