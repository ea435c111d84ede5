import { describe, expect, it } from 'vitest';
import { timeline } from '../../store/labState';
import { oneConnection, sessionOfA } from '../../store/testing';
import { deskWork } from './words';

describe('deskWork', () => {
  it('names every statement a database run puts on a connection, the reader’s read apart from the check', () => {
    const { run } = timeline(oneConnection(sessionOfA));
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
