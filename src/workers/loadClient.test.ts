import { describe, expect, it } from 'vitest';
import { createLoadClient, type WorkerLike } from './loadClient';
import type { FromWorker, ToWorker } from './protocol';

function fakeWorker() {
  const sent: ToWorker[] = [];
  let terminated = 0;
  const w: WorkerLike & { reply(m: FromWorker): void; fail(message: string): void } = {
    onmessage: null,
    onerror: null,
    postMessage: (m) => sent.push(m),
    terminate: () => void terminated++,
    reply: (m) => w.onmessage?.({ data: m } as MessageEvent<FromWorker>),
    fail: (message) => w.onerror?.({ message } as ErrorEvent),
  };
  return { w, sent, terminated: () => terminated };
}

const job = {
  kind: 'load',
  scenario: {
    level: 'production',
    options: {},
    seed: 1,
    load: { arrivalsPerSecond: 1, holdMs: 1, hold: 'fixed', arrivals: 10 },
  },
} as const;

describe('the load client', () => {
  it('passes progress on and resolves with the results', async () => {
    const { w, sent } = fakeWorker();
    const client = createLoadClient(() => w);
    const progress: number[] = [];
    const handle = client.start([job], (p) => progress.push(p.done));
    expect(sent).toEqual([{ type: 'start', id: 1, jobs: [job] }]);
    w.reply({ type: 'progress', id: 1, done: 4, total: 20, arrived: 3, through: 1, rate: 100 });
    w.reply({ type: 'done', id: 1, results: [], seconds: 0.5 });
    await expect(handle.promise).resolves.toEqual({ status: 'done', results: [], seconds: 0.5 });
    expect(progress).toEqual([4]);
  });

  it('asks the worker to stop, and resolves as cancelled when it has', async () => {
    const { w, sent } = fakeWorker();
    const client = createLoadClient(() => w);
    const handle = client.start([job]);
    handle.cancel();
    expect(sent.at(-1)).toEqual({ type: 'cancel', id: 1 });
    w.reply({ type: 'cancelled', id: 1 });
    await expect(handle.promise).resolves.toEqual({ status: 'cancelled' });
  });

  it('calls a run cancelled, not finished, when its last slice ended it after Cancel was pressed', async () => {
    const { w } = fakeWorker();
    const client = createLoadClient(() => w);
    const handle = client.start([job]);
    handle.cancel();
    w.reply({ type: 'done', id: 1, results: [], seconds: 0.5 });
    await expect(handle.promise).resolves.toEqual({ status: 'cancelled' });
  });

  it('fails every run when the worker breaks, and starts a new worker next time', async () => {
    const first = fakeWorker();
    const second = fakeWorker();
    const workers = [first.w, second.w];
    const client = createLoadClient(() => workers.shift()!);
    const handle = client.start([job]);
    first.w.fail('out of memory');
    await expect(handle.promise).resolves.toEqual({
      status: 'failed',
      message: 'The load worker stopped: out of memory',
    });
    expect(first.terminated()).toBe(1);
    client.start([job]);
    expect(second.sent).toHaveLength(1);
  });
});
