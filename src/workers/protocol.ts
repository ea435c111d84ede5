/**
 * Messages between the load lab page and its worker. The page sends a list of jobs; the worker
 * runs them one after another in slices, reporting progress between slices, and answers with all
 * the results at once — or with a message, or "cancelled" when asked to stop.
 */
import type { FreshOutput, LoadOutput, LoadScenario } from '../engine';

export type Job =
  /** A load on the production pool; `tailMs`: waits whose tail share to measure. */
  | { readonly kind: 'load'; readonly scenario: LoadScenario; readonly tailMs?: readonly number[] }
  /** The same callers served without a pool: a fresh connection each. */
  | { readonly kind: 'fresh'; readonly scenario: LoadScenario };

export type JobResult =
  { readonly kind: 'load'; readonly output: LoadOutput } | { readonly kind: 'fresh'; readonly output: FreshOutput };

export type ToWorker =
  | { readonly type: 'start'; readonly id: number; readonly jobs: readonly Job[] }
  | { readonly type: 'cancel'; readonly id: number };

export type FromWorker =
  | {
      readonly type: 'progress';
      readonly id: number;
      /** Work done so far over all jobs: callers arrived plus callers through (jobs.ts). */
      readonly done: number;
      /** Work in all: two units per caller. */
      readonly total: number;
      /** Callers arrived, and callers through, over all jobs. */
      readonly arrived: number;
      readonly through: number;
      /** Speed over the last few seconds, work units per real second. */
      readonly rate: number;
    }
  | { readonly type: 'done'; readonly id: number; readonly results: readonly JobResult[]; readonly seconds: number }
  | { readonly type: 'failed'; readonly id: number; readonly message: string }
  | { readonly type: 'cancelled'; readonly id: number };
