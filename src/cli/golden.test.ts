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

function currentLines(): string[] {
  const out: string[] = [];
  const files = readdirSync(SCENARIOS)
    .filter((f) => f.endsWith('.json'))
    .sort();
  for (const file of files) {
    const text = readFileSync(new URL(file, SCENARIOS), 'utf8');
    out.push(`scenarios/${file}\t${cliLine(`scenarios/${file}`, text)}`);
  }
  for (const c of corpus()) for (const line of linesOf(c)) out.push(`${c.name}\t${line}`);
  return out;
}

describe('the golden guard', () => {
  it('prints what it printed when the golden file was made, for every scenario in the corpus', () => {
    const now = currentLines();
    if (process.env.UPDATE_GOLDEN === '1') {
      writeFileSync(GOLDEN, `${now.join('\n')}\n`);
      return;
    }
    const golden = readFileSync(GOLDEN, 'utf8').trimEnd().split('\n');
    const differ: string[] = [];
    for (let i = 0; i < Math.max(now.length, golden.length); i++) {
      if (now[i] !== golden[i]) differ.push(`line ${i + 1}: ${(golden[i] ?? now[i] ?? '').split('\t')[0]}`);
    }
    expect(differ.slice(0, 10), `${differ.length} line(s) differ from ${GOLDEN.pathname}`).toEqual([]);
    expect(now.length).toBe(golden.length);
  }, 60_000);

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
