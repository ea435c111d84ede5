/**
 * The golden corpus: every scenario file in `scenarios/`, and a few hundred scenarios made here
 * from a fixed seed, over every level the registry has, with production fixes switched off, `at` times that make
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

/**
 * What the corpus needs to know of a level: its id, its options (name → kind, and whether a time
 * may be 0), and its step kinds. The test passes the level registry's records; nothing here names a
 * level, so a new level is in the corpus as soon as it is in the registry.
 */
export interface CorpusLevel {
  readonly id: string;
  readonly options: Readonly<Record<string, { readonly kind: string; readonly zero?: boolean } | undefined>>;
  readonly steps: readonly string[];
  /** It checks connections with SELECT 1: where picked interleavings are most telling. */
  readonly validates: boolean;
}

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
const TIMES = [null, 40, 150, 300, 2000];

/** Small values for whichever options the level takes, each given only sometimes. */
function optionsFor(r: Rand, level: CorpusLevel, tieFriendly: boolean): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  const max = int(r, 1, 5);
  for (const [name, spec] of Object.entries(level.options)) {
    if (spec === undefined || !chance(r, 0.8)) continue;
    switch (spec.kind) {
      case 'count':
        if (name === 'maxSize') o.maxSize = max;
        else if (name === 'minSize') o.minSize = int(r, 0, max);
        else o[name] = int(r, 0, 3);
        break;
      case 'time': {
        const t = pick(r, TIMES);
        o[name] = t === 40 && spec.zero ? 0 : t;
        break;
      }
      case 'fixes': {
        const fixes: Record<string, boolean> = {};
        for (const f of FIXES) if (chance(r, 0.3)) fixes[f] = chance(r, 0.2);
        if (Object.keys(fixes).length > 0) o.fixes = fixes;
        break;
      }
    }
  }
  // minSize is only given beside a maxSize that bounds it (or a level whose default does).
  if (o.minSize !== undefined && o.maxSize === undefined) o.maxSize = Math.max(max, o.minSize as number);
  if (tieFriendly) o.costs = { createMs: pick(r, [10, 20, 100]), reuseMs: 0, validateMs: 2, resetMs: 2 };
  else if (chance(r, 0.25)) o.costs = { createMs: [int(r, 1, 40), int(r, 40, 120)], reuseMs: pick(r, [0, 0.5, 3]) };
  return o;
}

function stepsFor(r: Rand, level: CorpusLevel, count: number, tieFriendly: boolean): Record<string, unknown>[] {
  const kinds = level.steps;
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

/** The generated part of the corpus: `perLevel` plain runs of each level, and runs with picks. */
export function generatedCases(levels: readonly CorpusLevel[], perLevel = 45, withChoices = 40): GoldenCase[] {
  const cases: GoldenCase[] = [];
  levels.forEach((level, n) => {
    for (let k = 0; k < perLevel; k++) {
      const seed = 1000 * (n + 1) + k;
      const r = prng(seed);
      const json = {
        level: level.id,
        options: optionsFor(r, level, false),
        seed,
        steps: stepsFor(r, level, int(r, 3, 30), false),
      };
      cases.push({ name: `gen/${level.id}/${k}`, json });
    }
  });
  const validating = levels.filter((l) => l.validates);
  for (let k = 0; k < withChoices; k++) {
    const seed = 90_000 + k;
    const r = prng(seed);
    const level = validating[k % validating.length]!;
    const json = {
      level: level.id,
      options: optionsFor(r, level, true),
      seed,
      steps: stepsFor(r, level, int(r, 4, 16), true),
    };
    cases.push({ name: `choices/${level.id}/${k}`, json, chooseSeed: seed });
  }
  return cases;
}

/** A deterministic picker for hand-picked interleaving: mostly the scheduler's order, often not. */
export function pickerFor(seed: number): (options: number) => number {
  const r = prng(seed ^ 0x5eed);
  return (options) => (chance(r, 0.4) ? 0 : int(r, 0, options - 1));
}
