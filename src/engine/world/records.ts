/**
 * The plain records the world keeps beside its objects: what each client holds, what a running
 * scenario step has noted so far, and the pool's state as the runner reads it.
 */
import type { ClientStatus, ErrorKind, LineId, ReaderState, StepKind } from '../types';
import type { Pooled } from './resources';

/** A reference a client holds: which object, under which lease. */
interface Holding {
  readonly id: number;
  readonly lease: number;
}

export interface ClientRecord {
  readonly name: string;
  readonly holding: Holding[];
  status: ClientStatus;
  doing: StepKind | null;
  /** Inside a pool call: asking for an object (acquire) or giving one back (release). */
  call: 'asking' | 'returning' | null;
  /** How its last action went wrong, shown until its next step starts; null when it did not. */
  ended: Extract<ReaderState, 'refused' | 'timed-out' | 'failed' | 'crashed'> | null;
  /** The error it got from its last action, shown until its next step starts. */
  error: { readonly kind: ErrorKind; readonly message: string } | null;
  /** Scenario steps of its own not yet finished (0: it is done). */
  stepsLeft: number;
}

/** Scratch notes a task keeps while one scenario step runs. */
export interface StepScratch {
  /** The scenario step this task runs. */
  index: number;
  /** Objects it made, and objects its acquire checked and threw away (null until the first). */
  created: number[] | null;
  discarded: number[] | null;
  /** The code line it ran last: an event with no line of its own is tagged with it. */
  lastLine: LineId | null;
}

/** A client queued for an object (production level), and since when. */
export interface Waiting {
  readonly client: string;
  readonly since: number;
}

export interface PoolState {
  available: readonly Pooled[];
  inUse: number | null;
  closed: boolean;
  /** Queued acquires, first in line first. */
  waiting: readonly Waiting[];
}
