/**
 * The load lab's state and its seam to the engine.
 *
 * One store holds what the learner typed — the run's form and the advisor's — and every result
 * with the inputs it was made with. The advisor reads the run's own arrival rate and hold time (one
 * field each, so changing either on one side changes the other), and a result whose inputs no
 * longer match the form is stale: `staleInputs` says which inputs changed, from what to what.
 * Load runs themselves go to the worker (`src/workers/loadClient.ts`); the engine's cheap
 * arithmetic — formulas, sizing, verdicts — is named here for the page, one export at a time.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  hikariDeadlockMinimum,
  hikariRuleOfThumb,
  LOAD_LIMITS,
  predicted,
  recommend,
  smallestPoolFor,
  type Check,
  type Estimate,
  type LoadOutput,
  type LoadScenario,
  type PoolComparison,
  type Recommendation,
  type Target,
  type TargetKind,
} from '../engine';

export {
  ADVISOR_MAX_POOL,
  checkScenario,
  comparePool,
  erlangB,
  erlangC,
  impatientSystem,
  judge,
  LIMITS,
  LOAD_LIMITS,
  loadProblems,
  meanWaitMs,
  offeredLoad,
  TAIL,
} from '../engine';
export type {
  Check,
  Estimate,
  FreshOutput,
  Interval,
  LoadOutput,
  LoadScenario,
  PoolComparison,
  Recommendation,
  RecommendationCase,
  Target,
  TargetKind,
  Verdict,
  WaitHistogram,
} from '../engine';

export type WaitMode = 'refuse' | 'wait' | 'timeout';

/** The run's form, as typed. */
export interface LoadForm {
  readonly rate: string;
  readonly holdMs: string;
  readonly hold: 'exponential' | 'fixed';
  readonly poolSize: string;
  readonly mode: WaitMode;
  readonly timeoutMs: string;
  readonly arrivals: string;
  readonly seed: string;
  /** Pre-filled pool, no reuse/validate/reset costs: the system the formulas describe. */
  readonly textbook: boolean;
  readonly minSize: string;
  readonly reuseMs: string;
  readonly validateMs: string;
  readonly resetMs: string;
}

export const DEFAULT_FORM: LoadForm = {
  rate: '30',
  holdMs: '100',
  hold: 'exponential',
  poolSize: '5',
  mode: 'refuse',
  timeoutMs: '50',
  arrivals: '100000',
  seed: '1',
  textbook: true,
  minSize: '0',
  reuseMs: '0.5',
  validateMs: '2',
  resetMs: '2',
};

/** The advisor's own fields (its arrival rate and hold time are the run's). */
export interface AdvisorForm {
  readonly target: TargetKind;
  /** Per cent refused, or ms for the others. */
  readonly limits: Readonly<Record<TargetKind, string>>;
  readonly cores: string;
  readonly spindles: string;
  readonly threads: string;
  readonly perThread: string;
}

export const DEFAULT_ADVISOR: AdvisorForm = {
  target: 'refused',
  limits: { refused: '1', meanWait: '5', p95: '20', p99: '50' },
  cores: '4',
  spindles: '1',
  threads: '8',
  perThread: '2',
};

/** Whether a value lies inside an estimate's 95 % interval. */
export function insideInterval(e: Estimate, x: number): boolean {
  return e.interval[0] <= x && x <= e.interval[1];
}

/** Inputs a result was made with: label → value as shown. */
export type Inputs = Readonly<Record<string, string>>;

export interface Made<T> {
  readonly value: T;
  readonly inputs: Inputs;
}

export interface Change {
  readonly label: string;
  readonly then: string;
  readonly now: string;
}

/** The inputs that changed since a result was made (none: the result is current). */
export function staleInputs(made: Inputs, now: Inputs): Change[] {
  return Object.keys(made)
    .filter((label) => made[label] !== now[label])
    .map((label) => ({ label, then: made[label]!, now: now[label] ?? '—' }));
}

const t = (s: string) => s.trim() || '—';
const MODE: Record<WaitMode, string> = {
  refuse: 'refuse at once',
  wait: 'wait as long as it takes',
  timeout: 'give up',
};

/** What a run of the form depends on. */
export function runInputs(f: LoadForm): Inputs {
  return {
    'arrivals per second': t(f.rate),
    'hold time': `${t(f.holdMs)} ms, ${f.hold}`,
    'pool size': t(f.poolSize),
    'when the shelf is empty': f.mode === 'timeout' ? `give up after ${t(f.timeoutMs)} ms` : MODE[f.mode],
    costs: f.textbook
      ? 'textbook (pre-filled, none)'
      : `pre-filled ${t(f.minSize)}, hand-over ${t(f.reuseMs)} ms, validation ${t(f.validateMs)} ms, reset ${t(f.resetMs)} ms`,
    arrivals: t(f.arrivals),
    seed: t(f.seed),
  };
}

/** What "why pool at all" depends on (its pool always waits). */
export function compareInputs(f: LoadForm): Inputs {
  const { ['when the shelf is empty']: _mode, ...rest } = runInputs(f);
  return rest;
}

/** What the advisor's check depends on. */
export function checkInputs(f: LoadForm, a: AdvisorForm): Inputs {
  return {
    'arrivals per second': t(f.rate),
    'hold time': `${t(f.holdMs)} ms`,
    target: `${TARGET_LABEL[a.target]} ${t(a.limits[a.target])}${a.target === 'refused' ? ' %' : ' ms'}`,
    seed: t(f.seed),
  };
}

export const TARGET_LABEL: Record<TargetKind, string> = {
  refused: 'refused at most',
  meanWait: 'mean wait at most',
  p95: '95th percentile wait at most',
  p99: '99th percentile wait at most',
};

/** What the advisor makes of its inputs: a problem in words, or the answer and the recommendation. */
export type Advice =
  | { readonly ok: false; readonly problem: string }
  | {
      readonly ok: true;
      readonly rate: number;
      readonly holdMs: number;
      readonly target: Target;
      /** The demand's answer, with the formula's figure there and one size smaller; null when no pool meets it. */
      readonly size: number | null;
      readonly atSize: number | null;
      readonly belowSize: number | null;
      readonly serverRule: number | null;
      readonly deadlockMinimum: number | null;
      /** Null until the server's and the threads' fields are whole numbers. */
      readonly recommendation: Recommendation | null;
    };

const positive = (s: string, max: number): number | null => {
  const v = Number(s.trim());
  return s.trim() !== '' && Number.isFinite(v) && v > 0 && v <= max ? v : null;
};
const whole = (s: string, min: number): number | null => {
  const v = Number(s.trim());
  return s.trim() !== '' && Number.isInteger(v) && v >= min && v <= 100_000 ? v : null;
};

export function adviceFor(f: LoadForm, a: AdvisorForm): Advice {
  const rate = positive(f.rate, LOAD_LIMITS.maxArrivalsPerSecond);
  const holdMs = positive(f.holdMs, LOAD_LIMITS.maxHoldMs);
  const raw = a.limits[a.target];
  const limit = a.target === 'refused' ? positive(raw, 100) : Number(raw.trim());
  if (rate === null) return { ok: false, problem: 'Enter an arrival rate above 0.' };
  if (holdMs === null) return { ok: false, problem: 'Enter a hold time above 0 ms.' };
  if (limit === null) return { ok: false, problem: 'Enter a share refused above 0 and at most 100 %.' };
  if (raw.trim() === '' || !Number.isFinite(limit) || limit < 0)
    return { ok: false, problem: `Enter a ${TARGET_LABEL[a.target].replace(' at most', '')} of 0 ms or more.` };
  const target: Target = { kind: a.target, value: a.target === 'refused' ? limit / 100 : limit };
  const size = smallestPoolFor(rate, holdMs, target);
  const cores = whole(a.cores, 1);
  const spindles = whole(a.spindles, 0);
  const threads = whole(a.threads, 1);
  const perThread = whole(a.perThread, 1);
  const serverRule = cores !== null && spindles !== null ? hikariRuleOfThumb(cores, spindles) : null;
  const deadlockMinimum = threads !== null && perThread !== null ? hikariDeadlockMinimum(threads, perThread) : null;
  const recommendation =
    serverRule !== null && deadlockMinimum !== null
      ? recommend({ arrivalsPerSecond: rate, holdMs, target, demand: size, serverRule, deadlockMinimum })
      : null;
  return {
    ok: true,
    rate,
    holdMs,
    target,
    size,
    atSize: size === null ? null : predicted(target.kind, rate, holdMs, size),
    belowSize: size === null || size < 1 ? null : predicted(target.kind, rate, holdMs, size - 1),
    serverRule,
    deadlockMinimum,
    recommendation,
  };
}

/** A measured check of the advice: the verdict, the size it checked and the run's size. */
export interface CheckResult extends Check {
  readonly size: number;
  readonly target: Target;
}

/** "Why pool at all": the comparison and what both sides opened. */
export interface Compared extends PoolComparison {
  readonly poolSize: number;
  readonly arrivals: number;
  readonly opened: { readonly noPool: number; readonly pool: number };
  /** Most connections open at once without a pool. */
  readonly peakOpen: number;
}

export interface LoadLabState {
  readonly form: LoadForm;
  readonly advisor: AdvisorForm;
  readonly run: Made<{ readonly output: LoadOutput; readonly scenario: LoadScenario }> | null;
  readonly check: Made<CheckResult> | null;
  readonly compare: Made<Compared> | null;
  readonly actions: {
    setForm(patch: Partial<LoadForm>): void;
    setAdvisor(patch: Partial<AdvisorForm>): void;
    setLimit(kind: TargetKind, text: string): void;
    ranLoad(output: LoadOutput, scenario: LoadScenario, form: LoadForm): void;
    checked(result: CheckResult, form: LoadForm, advisor: AdvisorForm): void;
    compared(value: Compared, form: LoadForm): void;
  };
}

export type LoadLabStore = StoreApi<LoadLabState>;

export function createLoadLabStore(initial: Partial<Pick<LoadLabState, 'form' | 'advisor'>> = {}): LoadLabStore {
  return createStore<LoadLabState>()((set) => ({
    form: initial.form ?? DEFAULT_FORM,
    advisor: initial.advisor ?? DEFAULT_ADVISOR,
    run: null,
    check: null,
    compare: null,
    actions: {
      setForm: (patch) => set((s) => ({ form: { ...s.form, ...patch } })),
      setAdvisor: (patch) => set((s) => ({ advisor: { ...s.advisor, ...patch } })),
      setLimit: (kind, text) =>
        set((s) => ({ advisor: { ...s.advisor, limits: { ...s.advisor.limits, [kind]: text } } })),
      ranLoad: (output, scenario, form) => set({ run: { value: { output, scenario }, inputs: runInputs(form) } }),
      checked: (value, form, advisor) => set({ check: { value, inputs: checkInputs(form, advisor) } }),
      compared: (value, form) => set({ compare: { value, inputs: compareInputs(form) } }),
    },
  }));
}
