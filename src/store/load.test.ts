import { describe, expect, it } from 'vitest';
import {
  adviceFor,
  checkInputs,
  createLoadLabStore,
  DEFAULT_ADVISOR,
  DEFAULT_FORM,
  runInputs,
  staleInputs,
  type LoadOutput,
  type LoadScenario,
} from './load';

describe('the load lab store', () => {
  it('shares the arrival rate and hold time between the run and the advisor', () => {
    const store = createLoadLabStore();
    store.getState().actions.setForm({ rate: '500', holdMs: '20' });
    store.getState().actions.setAdvisor({ target: 'meanWait' });
    store.getState().actions.setLimit('meanWait', '1');
    const { form, advisor } = store.getState();
    const advice = adviceFor(form, advisor);
    expect(advice.ok && advice.size).toBe(14);
    expect(advice.ok && advice.rate).toBe(500);
  });

  it('marks a run stale when an input it was made with changes, and says which', () => {
    const store = createLoadLabStore();
    const { actions } = store.getState();
    actions.ranLoad({} as LoadOutput, {} as LoadScenario, store.getState().form);
    const made = store.getState().run!;
    expect(staleInputs(made.inputs, runInputs(store.getState().form))).toEqual([]);
    actions.setForm({ poolSize: '6', seed: '2' });
    expect(staleInputs(made.inputs, runInputs(store.getState().form))).toEqual([
      { label: 'pool size', then: '5', now: '6' },
      { label: 'seed', then: '1', now: '2' },
    ]);
    actions.setForm({ poolSize: '5', seed: '1' });
    expect(staleInputs(made.inputs, runInputs(store.getState().form))).toEqual([]);
  });

  it('keeps a check current while only the run’s own fields change, and stale when the advisor’s do', () => {
    const form = { ...DEFAULT_FORM, rate: '500', holdMs: '20' };
    const made = checkInputs(form, DEFAULT_ADVISOR);
    expect(staleInputs(made, checkInputs({ ...form, poolSize: '9', arrivals: '5' }, DEFAULT_ADVISOR))).toEqual([]);
    expect(staleInputs(made, checkInputs({ ...form, holdMs: '25' }, DEFAULT_ADVISOR)).map((c) => c.label)).toEqual([
      'hold time',
    ]);
    const target = staleInputs(made, checkInputs(form, { ...DEFAULT_ADVISOR, target: 'p99' }));
    expect(target).toEqual([
      { label: 'target', then: 'refused at most 1 %', now: '99th percentile wait at most 50 ms' },
    ]);
  });
});

describe('the advice', () => {
  const form = { ...DEFAULT_FORM, rate: '500', holdMs: '20' };
  const meanWait = {
    ...DEFAULT_ADVISOR,
    target: 'meanWait' as const,
    limits: { ...DEFAULT_ADVISOR.limits, meanWait: '1' },
  };

  it('sizes for the demand and recommends the server’s rule when the demand needs more', () => {
    const advice = adviceFor(form, { ...meanWait, cores: '6', spindles: '1' });
    if (!advice.ok) throw new Error(advice.problem);
    expect(advice.size).toBe(14);
    expect(advice.atSize).toBeCloseTo(0.8707, 4);
    expect(advice.serverRule).toBe(13);
    expect(advice.recommendation?.case).toBe('server');
    expect(advice.recommendation?.size).toBe(13);
  });

  it('gives no recommendation until the server’s and the threads’ fields are whole numbers', () => {
    const advice = adviceFor(form, { ...meanWait, threads: 'eight' });
    expect(advice.ok && advice.recommendation).toBeNull();
    expect(advice.ok && advice.size).toBe(14);
  });

  it('names what is wrong with its own fields', () => {
    expect(adviceFor({ ...form, rate: '0' }, meanWait)).toEqual({
      ok: false,
      problem: 'Enter an arrival rate above 0.',
    });
    expect(adviceFor(form, { ...DEFAULT_ADVISOR, limits: { ...DEFAULT_ADVISOR.limits, refused: '0' } })).toEqual({
      ok: false,
      problem: 'Enter a share refused above 0 and at most 100 %.',
    });
    expect(
      adviceFor(form, { ...DEFAULT_ADVISOR, target: 'p95', limits: { ...DEFAULT_ADVISOR.limits, p95: '-1' } }),
    ).toEqual({ ok: false, problem: 'Enter a 95th percentile wait of 0 ms or more.' });
  });
});
