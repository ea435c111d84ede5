/**
 * The byte-identical guard: what `npm run simulate` prints for every file in `scenarios/` and for
 * a few hundred generated scenarios (see golden/corpus.ts) must not change, line for line, and
 * neither may the recorded event stream the lab draws from (compared by digest) nor the choice
 * points of hand-picked interleavings. A change of structure or speed leaves this file green; a
 * change of behaviour fails it.
 *
 * The golden file is regenerated only on purpose:
 *   UPDATE_GOLDEN=1 npx vitest run src/cli/golden.test.ts
 * and the diff of `src/cli/golden/simulate.golden` then shows what changed.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LEVEL_IDS, LEVELS, parseScenario, reportOf, runScenario, simulateText, type RunResult } from '../engine';
import { generatedCases, pickerFor, type GoldenCase } from './golden/corpus';

/** Every level of the registry, in path order: a new level joins the corpus by itself. */
const corpus = () => generatedCases(LEVEL_IDS.map((id) => LEVELS[id]));

const GOLDEN = new URL('./golden/simulate.golden', import.meta.url);
const SCENARIOS = new URL('../../scenarios/', import.meta.url);

/** JSON with object keys sorted: the digest follows the values, not the order fields were set in. */
function canonical(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

const digest = (run: RunResult) =>
  createHash('sha256')
    .update(canonical({ events: run.events, warnings: run.warnings, final: run.final, error: run.error?.message }))
    .digest('hex');

/** The CLI's own line for one file: standard output for a good one, standard error for a bad one. */
function cliLine(name: string, text: string): string {
  const result = simulateText(text);
  return result.ok ? `out ${JSON.stringify(result.output)}` : `err ${name}: ${result.message}`;
}

function linesOf(c: GoldenCase): string[] {
  const lines = [cliLine(c.name, JSON.stringify(c.json))];
  let parsed;
  try {
    parsed = parseScenario(c.json);
  } catch {
    return lines;
  }
  if (c.chooseSeed === undefined) {
    lines.push(`events ${digest(runScenario(parsed.scenario))}`);
    return lines;
  }
  const picker = pickerFor(c.chooseSeed);
  const run = runScenario(parsed.scenario, { choose: (point) => picker(point.options.length) });
  const picks = run.choicePoints.map((p) => p.picked);
  lines.push(
    `chosen ${JSON.stringify({
      report: run.error ? null : reportOf(run),
      error: run.error?.message ?? null,
      choicePoints: run.choicePoints,
    })}`,
  );
  // The same picks, given as a list, replay the very same run.
  lines.push(`events ${digest(runScenario(parsed.scenario, { choices: picks }))}`);
  return lines;
}

/** A part of the corpus: its cases' names and how to compute their lines now. */
interface Part {
  readonly name: string;
  lines(): string[];
}

/** Every file in scenarios/ is a part of its own; the generated cases, one part per level (and picks). */
function parts(): Part[] {
  const files = readdirSync(SCENARIOS)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const out: Part[] = files.map((file) => ({
    name: `scenarios/${file}`,
    lines: () => [`scenarios/${file}\t${cliLine(`scenarios/${file}`, readFileSync(new URL(file, SCENARIOS), 'utf8'))}`],
  }));
  const groups = new Map<string, GoldenCase[]>();
  for (const c of corpus()) {
    const group = c.name.split('/').slice(0, 2).join('/');
    groups.set(group, [...(groups.get(group) ?? []), c]);
  }
  for (const [group, cases] of groups) {
    out.push({ name: group, lines: () => cases.flatMap((c) => linesOf(c).map((line) => `${c.name}\t${line}`)) });
  }
  return out;
}

/** The golden file's lines, by part (a case's name up to its level). */
function goldenByPart(): Map<string, string[]> {
  const byPart = new Map<string, string[]>();
  for (const line of readFileSync(GOLDEN, 'utf8').trimEnd().split('\n')) {
    const name = line.split('\t')[0]!;
    const part = name.startsWith('scenarios/') ? name : name.split('/').slice(0, 2).join('/');
    byPart.set(part, [...(byPart.get(part) ?? []), line]);
  }
  return byPart;
}

/**
 * A generous timeout: the scenario files include load runs of a million arrivals, a few seconds
 * each on a quiet machine and far more on a busy one. It is no measure of speed (bench.ts is).
 */
const PATIENCE_MS = 600_000;

describe('the golden guard', () => {
  if (process.env.UPDATE_GOLDEN === '1') {
    it(
      'writes the golden file afresh (UPDATE_GOLDEN=1)',
      () => {
        writeFileSync(
          GOLDEN,
          `${parts()
            .flatMap((p) => p.lines())
            .join('\n')}\n`,
        );
      },
      PATIENCE_MS,
    );
    return;
  }

  const golden = goldenByPart();

  it('has a part of the golden file for every part of the corpus, and no other', () => {
    expect([...golden.keys()].sort()).toEqual(
      parts()
        .map((p) => p.name)
        .sort(),
    );
  });

  it.each(parts().map((p) => [p.name, p] as const))(
    'prints what it printed when the golden file was made: %s',
    (name, part) => {
      const now = part.lines();
      const then = golden.get(name) ?? [];
      const differ = now.flatMap((line, i) => (line === then[i] ? [] : [line.split('\t')[0]!]));
      expect(differ.slice(0, 10), `${differ.length} line(s) differ from ${GOLDEN.pathname}`).toEqual([]);
      expect(now.length).toBe(then.length);
    },
    PATIENCE_MS,
  );

  it('covers every level, production with fixes off, `at` times, bad steps and picked interleavings', () => {
    const cases = corpus();
    const levels = new Set(cases.map((c) => c.json.level));
    expect([...levels].sort()).toEqual([...LEVEL_IDS].sort());
    const fixesOff = cases.filter((c) =>
      Object.values((c.json.options as { fixes?: Record<string, boolean> }).fixes ?? {}).includes(false),
    );
    expect(fixesOff.length).toBeGreaterThan(10);
    const timed = cases.filter((c) => (c.json.steps as { at?: number }[]).some((s) => s.at !== undefined));
    expect(timed.length).toBeGreaterThan(100);
    const lines = readFileSync(GOLDEN, 'utf8').split('\n');
    expect(lines.filter((l) => l.includes('\terr ')).length).toBeGreaterThan(5);
    const chosen = lines.filter((l) => l.includes('\tchosen '));
    const picked = chosen.filter((l) => /"picked":[1-9]/.test(l));
    expect(picked.length).toBeGreaterThan(5);
  });
});
