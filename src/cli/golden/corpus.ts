/**
 * The golden corpus: every scenario file in `scenarios/`, and a few hundred scenarios made here
 * from a fixed seed, over every level, with production fixes switched off, `at` times that make
 * steps meet at one instant, bad steps a run must report, and (on the production and database
 * levels) hand-picked interleavings. The generator has its own small PRNG, so the corpus never
 * changes when the engine does: only the engine's answers can.
 *
 * Changing this file changes the corpus: regenerate the golden file on purpose
 * (`UPDATE_GOLDEN=1 npx vitest run src/cli/golden.test.ts`) and say why in the commit.
 */

/** A plain scenario as a file would hold it (JSON), and how to run it. */
export interface GoldenCase {
  readonly name: string;
  readonly json: Record<string, unknown>;
  /** For hand-picked interleaving: the seed of the picks (absent: the scheduler's own order). */
  readonly chooseSeed?: number;
}

/** mulberry32: small, seeded, and ours (not the engine's), so the corpus stays put. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rand, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
const chance = (r: Rand, p: number) => r() < p;

const BASIC = ['acquire', 'release', 'use', 'read', 'fail', 'kill'] as const;
const STEPS: Record<string, readonly string[]> = {
  nopool: BASIC,
  level1: BASIC,
  level2: BASIC,
  level3: BASIC,
  level4: [...BASIC, 'with'],
  database: [...BASIC, 'with', 'restart', 'close'],
  production: [...BASIC, 'with', 'restart', 'close'],
};
/** How often each kind is drawn: mostly the ordinary day, some trouble. */
const WEIGHT: Record<string, number> = {
  acquire: 6,
  release: 5,
  use: 3,
  read: 3,
  fail: 1,
  kill: 1,
  with: 3,
  restart: 0.5,
  close: 0.4,
};
const FIXES = ['maxSize', 'lock', 'reset', 'validate', 'timeout', 'cleanup'] as const;
const CLIENTS = ['A', 'B', 'C', 'D'];

function optionsFor(r: Rand, level: string, tieFriendly: boolean): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  const max = int(r, 1, 5);
  switch (level) {
    case 'level1':
      if (chance(r, 0.8)) o.size = int(r, 0, 3);
      break;
    case 'level2':
      if (chance(r, 0.8)) {
        o.maxSize = max;
        o.minSize = int(r, 0, max);
      }
      break;
    case 'level3':
    case 'level4':
    case 'database':
      if (chance(r, 0.8)) o.maxSize = max;
      break;
    case 'production': {
      o.maxSize = max;
      if (chance(r, 0.5)) o.minSize = int(r, 0, max);
      if (chance(r, 0.8)) o.acquireTimeout = pick(r, [0, null, 40, 300, 2000]);
      if (chance(r, 0.3)) o.leakThreshold = pick(r, [null, 120, 500]);
      if (chance(r, 0.3)) o.idleTimeout = pick(r, [null, 150, 600]);
      if (chance(r, 0.3)) o.maxLifetime = pick(r, [null, 250, 900]);
      const fixes: Record<string, boolean> = {};
      for (const f of FIXES) if (chance(r, 0.25)) fixes[f] = chance(r, 0.2);
      if (Object.keys(fixes).length > 0) o.fixes = fixes;
      break;
    }
  }
  if (tieFriendly) o.costs = { createMs: pick(r, [10, 20, 100]), reuseMs: 0, validateMs: 2, resetMs: 2 };
  else if (chance(r, 0.25)) o.costs = { createMs: [int(r, 1, 40), int(r, 40, 120)], reuseMs: pick(r, [0, 0.5, 3]) };
  return o;
}

function stepsFor(r: Rand, level: string, count: number, tieFriendly: boolean): Record<string, unknown>[] {
  const kinds = STEPS[level]!;
  const total = kinds.reduce((s, k) => s + WEIGHT[k]!, 0);
  const draw = () => {
    let x = r() * total;
    for (const k of kinds) if ((x -= WEIGHT[k]!) < 0) return k;
    return kinds[0]!;
  };
  const clients = CLIENTS.slice(0, int(r, 2, CLIENTS.length));
  /** A rough idea of what each client holds, so that most steps make sense (some do not, on purpose). */
  const holds = new Map<string, number>(clients.map((c) => [c, 0]));
  let objects = 0;
  let at = 0;
  const steps: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    let kind = draw();
    let client = pick(r, clients);
    // Two in hand is plenty: give one back instead (a refused acquire would leave the guess wrong).
    if ((kind === 'acquire' || kind === 'with') && holds.get(client)! >= 2 && chance(r, 0.9)) kind = 'release';
    if ((kind === 'use' || kind === 'read' || kind === 'fail' || kind === 'release') && chance(r, 0.985)) {
      const holding = clients.filter((c) => holds.get(c)! > 0);
      if (holding.length > 0) client = pick(r, holding);
      else kind = 'acquire';
    }
    const step: Record<string, unknown> = { do: kind };
    switch (kind) {
      case 'acquire':
        step.client = client;
        holds.set(client, holds.get(client)! + 1);
        objects++;
        break;
      case 'release':
        if (chance(r, 0.15)) {
          step.object = chance(r, 0.9) ? 1 : int(r, 1, Math.max(1, objects));
          if (chance(r, 0.5)) step.client = client;
        } else {
          step.client = client;
        }
        if (step.client !== undefined) holds.set(client, Math.max(0, holds.get(client)! - 1));
        break;
      case 'use':
        step.client = client;
        step.write = `${client}=${i}`;
        break;
      case 'read':
        step.client = client;
        break;
      case 'fail':
        step.client = client;
        holds.set(client, Math.max(0, holds.get(client)! - 1));
        break;
      case 'kill':
        step.object = objects === 0 || chance(r, 0.1) ? int(r, 1, objects + 1) : 1;
        break;
      case 'with':
        step.client = client;
        if (chance(r, 0.6)) step.write = `${client}:${i}`;
        if (chance(r, 0.3)) step.fail = true;
        objects++;
        break;
    }
    if (chance(r, tieFriendly ? 0.6 : 0.3)) {
      at += tieFriendly ? pick(r, [0, 0, 10, 20]) : int(r, 0, 150);
      step.at = at;
    }
    steps.push(step);
  }
  return steps;
}

const LEVEL_IDS = ['nopool', 'level1', 'level2', 'level3', 'level4', 'database', 'production'];

/** The generated part of the corpus: `perLevel` plain runs of each level, and runs with picks. */
export function generatedCases(perLevel = 45, withChoices = 40): GoldenCase[] {
  const cases: GoldenCase[] = [];
  for (const level of LEVEL_IDS) {
    for (let k = 0; k < perLevel; k++) {
      const seed = 1000 * (LEVEL_IDS.indexOf(level) + 1) + k;
      const r = prng(seed);
      const json = {
        level,
        options: optionsFor(r, level, false),
        seed,
        steps: stepsFor(r, level, int(r, 3, 30), false),
      };
      cases.push({ name: `gen/${level}/${k}`, json });
    }
  }
  for (let k = 0; k < withChoices; k++) {
    const seed = 90_000 + k;
    const r = prng(seed);
    const level = k % 4 === 3 ? 'database' : 'production';
    const json = {
      level,
      options: optionsFor(r, level, true),
      seed,
      steps: stepsFor(r, level, int(r, 4, 16), true),
    };
    cases.push({ name: `choices/${level}/${k}`, json, chooseSeed: seed });
  }
  return cases;
}

/** A deterministic picker for hand-picked interleaving: mostly the scheduler's order, often not. */
export function pickerFor(seed: number): (options: number) => number {
  const r = prng(seed ^ 0x5eed);
  return (options) => (chance(r, 0.4) ? 0 : int(r, 0, options - 1));
}
