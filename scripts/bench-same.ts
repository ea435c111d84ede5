/**
 * `npm run bench:same`: behaviour unchanged. The CLI's output on every file in `scenarios/` and on a
 * few hundred generated scenarios (every level, concurrent steps, load runs), and the recorded run
 * of each generated scenario (every event with its world, the steps, the end), are compared with
 * another checkout's — the commit before a piece of engine work — byte for byte.
 *
 * BENCH_BASE=<that checkout> (default ../speed-base); BENCH_SAME_COUNT=<generated scenarios> (300).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as CliModule from '../src/cli/main';
import type * as EngineModule from '../src/engine';

const base = resolve(process.env.BENCH_BASE ?? '../speed-base');
const count = Number(process.env.BENCH_SAME_COUNT ?? 300);
const load = async <T>(root: string, path: string) => (await import(pathToFileURL(join(root, path)).href)) as T;
const ours = {
  cli: await load<typeof CliModule>('.', 'src/cli/main.ts'),
  engine: await load<typeof EngineModule>('.', 'src/engine/index.ts'),
};
const theirs = {
  cli: await load<typeof CliModule>(base, 'src/cli/main.ts'),
  engine: await load<typeof EngineModule>(base, 'src/engine/index.ts'),
};

/** A small seeded generator (no Math.random: the same files every time). */
function rng(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!,
  };
}

const LEVELS = ['level1', 'level2', 'level3', 'level4', 'database', 'production', 'nopool'] as const;

function generated(k: number): object {
  const r = rng(k * 7919 + 1);
  const level = r.pick(LEVELS);
  if (level === 'production' && r.next() < 0.25)
    return {
      level,
      options: { maxSize: r.int(1, 6), minSize: 0, acquireTimeout: r.pick([0, 50, null]) },
      seed: r.int(1, 99),
      load: {
        arrivalsPerSecond: r.int(5, 60),
        holdMs: r.int(20, 200),
        hold: r.pick(['exponential', 'fixed']),
        arrivals: r.int(100, 3000),
      },
    };
  const options: Record<string, unknown> =
    level === 'level1' ? { size: r.int(0, 3) } : level === 'nopool' ? {} : { maxSize: r.int(1, 4) };
  if (level === 'level2' || level === 'production') options.minSize = r.int(0, options.maxSize as number);
  if (level === 'production') {
    options.acquireTimeout = r.pick([0, 100, null]);
    options.fixes = { maxSize: r.next() < 0.8, cleanup: r.next() < 0.8, reset: r.next() < 0.8 };
  }
  const withBlock = level === 'level4' || level === 'database' || level === 'production';
  const server = level === 'database' || level === 'production';
  const concurrent = r.next() < 0.4;
  // Steps that mostly make sense: a reader uses, reads, releases or crashes with what it holds.
  const holds = new Map<string, number>();
  let acquired = 0;
  const steps = Array.from({ length: r.int(1, 30) }, () => {
    const client = r.pick(['A', 'B', 'C', 'D']);
    const at = concurrent && r.next() < 0.5 ? { at: r.int(0, 800) } : {};
    const held = holds.get(client) ?? 0;
    const roll = r.next();
    if (acquired > 0 && roll < 0.05) return { do: 'kill', object: 1, ...at };
    if (server && roll < 0.08) return { do: r.pick(['restart', 'close']), ...at };
    if (withBlock && roll < 0.15) return { client, do: 'with', write: 'x', fail: r.next() < 0.3, ...at };
    if (held === 0 || roll < 0.3) {
      holds.set(client, held + 1);
      acquired++;
      return { client, do: 'acquire', ...at };
    }
    const kind = r.pick(['use', 'read', 'release', 'release', 'fail']);
    if (kind === 'release' || kind === 'fail') holds.set(client, held - 1);
    if (kind === 'use') return { client, do: kind, write: `n=${r.int(0, 9)}`, ...at };
    if (kind === 'release' && r.next() < 0.1) return { client, do: kind, object: 1, ...at };
    return { client, do: kind, ...at };
  });
  return { level, options, seed: r.int(1, 99), steps };
}

function cliLines(cli: typeof CliModule, files: Map<string, string>): string[] {
  const lines: string[] = [];
  cli.simulateFiles([...files.keys()], {
    read: (f) => files.get(f)!,
    out: (l) => (lines.push(`out ${l}`), true),
    err: (l) => (lines.push(`err ${l}`), true),
  });
  return lines;
}

const files = new Map<string, string>();
for (const f of readdirSync('scenarios')
  .filter((f) => f.endsWith('.json'))
  .sort())
  files.set(`scenarios/${f}`, readFileSync(join('scenarios', f), 'utf8'));
for (let k = 0; k < count; k++) files.set(`generated/${k}.json`, JSON.stringify(generated(k)));

let differ = 0;
if (process.env.BENCH_SAME_SHOW)
  for (const l of cliLines(ours.cli, files)
    .filter((l) => l.startsWith('err'))
    .slice(0, 8))
    console.log(l.slice(0, 200));
const a = cliLines(ours.cli, files);
const b = cliLines(theirs.cli, files);
[...files.keys()].forEach((name, i) => {
  if (a[i] !== b[i]) {
    differ++;
    if (differ <= 5)
      console.log(`CLI output differs on ${name}:\n  ours:   ${a[i]?.slice(0, 300)}\n  theirs: ${b[i]?.slice(0, 300)}`);
  }
});

// The recorded runs (what the lab draws), every event with its world.
/**
 * A world used to carry its event's time (`world.t`, and `final.t` for the run's end); it no longer
 * does (`event.t`, `result.time`). So that a checkout from before compares with one from after, a
 * world's own time is checked against its event's and left out, and the end time is `time`.
 *
 * An object's view used to say what was running on it (`busy`), which nothing drew: what a pool
 * call runs on an object is its place's `work`. It is left out of a checkout's worlds that have it.
 */
function timeOnEvents(result: { events: readonly object[]; final: object; time?: number }): object {
  const bare = (world: unknown, t: number): unknown => {
    if (typeof world !== 'object' || world === null) return world;
    const { t: own, objects, ...rest } = world as { t?: number; objects?: readonly object[] };
    const now = { ...rest, objects: objects?.map(({ busy: _, ...view }: { busy?: unknown }) => view) };
    return own === undefined || own === t ? now : { ...now, timeDiffers: own };
  };
  const { time: own, ...rest } = result;
  const time = own ?? (result.final as { t?: number }).t ?? NaN;
  return {
    ...rest,
    events: result.events.map((e) => {
      const { world, t } = e as { world?: unknown; t: number };
      return world === undefined ? e : { ...e, world: bare(world, t) };
    }),
    final: bare(result.final, time),
    time,
  };
}
let recorded = 0;
for (const [name, text] of files) {
  const file = JSON.parse(text) as { load?: unknown };
  if (file.load !== undefined || !name.startsWith('generated/')) continue;
  const run = (engine: typeof EngineModule) => {
    try {
      const { scenario } = engine.parseScenario(file);
      return JSON.stringify(timeOnEvents(engine.runScenario(scenario)));
    } catch (e) {
      return `throws ${String(e)}`;
    }
  };
  recorded++;
  if (run(ours.engine) !== run(theirs.engine)) {
    differ++;
    if (differ <= 5) console.log(`recorded run differs on ${name}`);
  }
}
console.log(
  `${files.size} files through the CLI (${files.size - count} in scenarios/, ${count} generated; ${a.filter((l) => l.startsWith('out')).length} ran, the others were refused), ${recorded} recorded runs, against ${base}: ${differ === 0 ? 'identical' : `${differ} differ`}`,
);
process.exitCode = differ === 0 ? 0 : 1;
