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
import { seconds } from './format';

export type RunStatus = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';

export interface RunnerState {
  readonly status: RunStatus;
  /** What is running, e.g. "Running 100,000 arrivals". */
  readonly label: string;
  readonly progress: Progress | null;
  /** The failure's message, or the time a finished run took. */
  readonly message: string;
  /** Engine speed measured on this machine (callers per real second), once a run has finished. */
  readonly engineRate: number | undefined;
}

export interface Runner extends RunnerState {
  run(label: string, jobs: readonly Job[]): Promise<Outcome>;
  cancel(): void;
}

const IDLE: RunnerState = { status: 'idle', label: '', progress: null, message: '', engineRate: undefined };

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
            engineRate: outcome.seconds > 0.2 ? arrivals / outcome.seconds : s.engineRate,
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
