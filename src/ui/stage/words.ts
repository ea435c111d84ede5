/**
 * The library's words for what the engine reports, shared by the stage and its table view.
 */
import type { ClientStatus, ObjectView, StepKind } from '../../engine';

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
  return busy;
}

const DOING: Record<StepKind, string> = {
  acquire: 'asking for one…',
  release: 'bringing it back…',
  use: 'writing in it…',
  read: 'reading it…',
  fail: 'crashing…',
  with: 'inside a with-block…',
  kill: '',
  restart: '',
  close: '',
};

export function readerStatus(status: ClientStatus, doing: StepKind | null, holds: number): string {
  switch (status) {
    case 'crashed':
      return 'crashed';
    case 'waiting':
      return 'waiting in line';
    case 'busy':
      return (doing && DOING[doing]) || 'busy';
    case 'idle':
      return holds > 0 ? 'reading' : 'idle';
  }
}

export const PLACE_WORDS: Record<ObjectView['place'], string> = {
  press: 'at the printing press',
  shelf: 'on the shelf',
  desk: 'at the cleaning desk',
  held: 'borrowed',
  lost: 'lost',
  bin: 'in the bin (closed)',
};
