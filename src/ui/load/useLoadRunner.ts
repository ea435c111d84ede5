/**
 * One worker for the page, one run at a time: the page's Run, sweep, check and compare buttons all
 * go through `run`, and share the progress bar and the Cancel button.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  createLoadClient,
  type Job,
  type LoadClient,
  type Outcome,
  type Progress,
  type RunHandle,
} from '../../workers/loadClient';
import { loadWork } from '../../store/loadWork';
import { seconds } from './format';

export type RunStatus = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';

export interface RunnerState {
  readonly status: RunStatus;
  /** What is running, e.g. "Running 100,000 arrivals". */
  readonly label: string;
  readonly progress: Progress | null;
  /** The failure's message, or the time a finished run took. */
  readonly message: string;
  /**
   * This machine's speed against the one the work limit was calibrated on (the work estimate's
   * seconds per real second), measured by the last run of load jobs that took long enough.
   */
  readonly speed: number | undefined;
}

export interface Runner extends RunnerState {
  run(label: string, jobs: readonly Job[]): Promise<Outcome>;
  cancel(): void;
}

const IDLE: RunnerState = { status: 'idle', label: '', progress: null, message: '', speed: undefined };

export function useLoadRunner(): Runner {
  const client = useRef<LoadClient | null>(null);
  const handle = useRef<RunHandle | null>(null);
  const [state, setState] = useState<RunnerState>(IDLE);

  useEffect(() => {
    return () => {
      client.current?.dispose();
      client.current = null;
    };
  }, []);

  const run = useCallback(async (label: string, jobs: readonly Job[]): Promise<Outcome> => {
    client.current ??= createLoadClient();
    handle.current?.cancel();
    const arrivals = jobs.reduce((s, j) => s + j.scenario.load.arrivals, 0);
    // Two units of work per caller: its arrival, and its being through (see the worker's jobs.ts).
    const total = 2 * arrivals;
    // What the work estimate says these jobs take on the calibrated machine (load jobs only).
    const estimated = jobs.every((j) => j.kind === 'load')
      ? jobs.reduce((s, j) => s + loadWork(j.scenario).seconds, 0)
      : null;
    setState((s) => ({
      ...s,
      status: 'running',
      label,
      progress: { done: 0, total, arrived: 0, through: 0, rate: 0 },
      message: '',
    }));
    const h = client.current.start(jobs, (progress) =>
      setState((s) => (s.status === 'running' ? { ...s, progress } : s)),
    );
    handle.current = h;
    const outcome = await h.promise;
    if (handle.current !== h) return outcome;
    handle.current = null;
    setState((s) => {
      switch (outcome.status) {
        case 'done':
          return {
            ...s,
            status: 'done',
            progress: {
              done: total,
              total,
              arrived: arrivals,
              through: arrivals,
              rate: total / Math.max(outcome.seconds, 1e-3),
            },
            message: `Finished in ${seconds(outcome.seconds)}.`,
            speed: estimated !== null && outcome.seconds > 0.2 ? estimated / outcome.seconds : s.speed,
          };
        case 'failed':
          return { ...s, status: 'failed', message: outcome.message };
        case 'cancelled':
          return { ...s, status: 'cancelled', message: 'Cancelled.' };
      }
    });
    return outcome;
  }, []);

  const cancel = useCallback(() => handle.current?.cancel(), []);

  return { ...state, run, cancel };
}
