/**
 * The load lab page's client for its worker: load runs go to a Web Worker, so the page never
 * freezes. Only messages pass; the page reaches the engine's cheap arithmetic through the store
 * (`src/store/load.ts`).
 */
import type { FromWorker, Job, JobResult, ToWorker } from './protocol';

export type { Job, JobResult } from './protocol';

export type Outcome =
  | { readonly status: 'done'; readonly results: readonly JobResult[]; readonly seconds: number }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'cancelled' };

export interface Progress {
  /** Work done and in all: a caller's arrival is one unit, the caller being through another. */
  readonly done: number;
  readonly total: number;
  readonly arrived: number;
  readonly through: number;
  /** Arrivals per real second so far. */
  readonly rate: number;
}

export interface RunHandle {
  readonly promise: Promise<Outcome>;
  cancel(): void;
}

export interface LoadClient {
  start(jobs: readonly Job[], onProgress?: (p: Progress) => void): RunHandle;
  dispose(): void;
}

/** What the client needs of a Worker (a fake in tests). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

const makeWorker = (): WorkerLike =>
  new Worker(new URL('./load.worker.ts', import.meta.url), {
    type: 'module',
    name: 'load-lab',
  }) as unknown as WorkerLike;

export function createLoadClient(spawn: () => WorkerLike = makeWorker): LoadClient {
  let worker: WorkerLike | null = null;
  let nextId = 1;
  const pending = new Map<
    number,
    { resolve: (o: Outcome) => void; onProgress: ((p: Progress) => void) | undefined; cancelAsked: boolean }
  >();

  const settle = (id: number, outcome: Outcome) => {
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    p.resolve(outcome);
  };

  const ensure = (): WorkerLike => {
    if (worker) return worker;
    const w = spawn();
    w.onmessage = (e) => {
      const m = e.data;
      switch (m.type) {
        case 'progress':
          pending.get(m.id)?.onProgress?.({
            done: m.done,
            total: m.total,
            arrived: m.arrived,
            through: m.through,
            rate: m.rate,
          });
          break;
        case 'done':
          // A run the learner cancelled is cancelled, even if its last slice ended it first.
          settle(
            m.id,
            pending.get(m.id)?.cancelAsked
              ? { status: 'cancelled' }
              : { status: 'done', results: m.results, seconds: m.seconds },
          );
          break;
        case 'failed':
          settle(m.id, { status: 'failed', message: m.message });
          break;
        case 'cancelled':
          settle(m.id, { status: 'cancelled' });
          break;
      }
    };
    w.onerror = (e) => {
      // The worker itself broke: fail every run, and start a fresh worker next time.
      const message = `The load worker stopped: ${e.message || 'unknown error'}`;
      for (const id of [...pending.keys()]) settle(id, { status: 'failed', message });
      w.terminate();
      worker = null;
    };
    worker = w;
    return w;
  };

  return {
    start(jobs, onProgress) {
      const id = nextId++;
      const promise = new Promise<Outcome>((resolve) => pending.set(id, { resolve, onProgress, cancelAsked: false }));
      ensure().postMessage({ type: 'start', id, jobs });
      return {
        promise,
        cancel() {
          const p = pending.get(id);
          if (!p) return;
          p.cancelAsked = true;
          worker?.postMessage({ type: 'cancel', id });
        },
      };
    },
    dispose() {
      for (const id of [...pending.keys()]) settle(id, { status: 'cancelled' });
      worker?.terminate();
      worker = null;
    },
  };
}
