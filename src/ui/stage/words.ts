/**
 * The library's words for an object's name and the desk's work, shared by the stage and its table
 * view. Places and reader states are named in the store (stage.ts, readers.ts).
 */
import type { ObjectView } from '../../engine';

export function objectName(o: Pick<ObjectView, 'id' | 'kind'>): string {
  return `${o.kind === 'connection' ? 'Connection' : 'Book'} ${o.id}`;
}

export function shortName(o: Pick<ObjectView, 'id' | 'kind'>): string {
  return `${o.kind === 'connection' ? 'Conn' : 'Book'} ${o.id}`;
}

/** What the desk is doing to an object, in words. */
export function deskWork(busy: string | null): string {
  if (busy === null) return '';
  if (busy === 'reset') return 'cleaning (reset)';
  if (busy === 'SELECT 1') return 'SELECT 1 — is it alive?';
  if (busy === 'ROLLBACK') return 'ROLLBACK — undo unfinished work';
  if (busy === 'DISCARD ALL') return 'DISCARD ALL — forget settings';
  if (busy === 'COMMIT') return 'COMMIT';
  if (busy.startsWith('SET ')) return `${busy} — a setting`;
  if (busy === 'SHOW ALL') return 'SHOW ALL — read the settings';
  return busy;
}
