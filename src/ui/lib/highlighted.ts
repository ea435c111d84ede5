/**
 * The levels' sources highlighted at build time (scripts/highlight.ts): for each line of
 * `parseSource` (markers stripped alike), the kinds of its tokens as a run-length string, laid over
 * the line's own text here.
 */
import type { LevelId } from '../../engine';
import { levelOf } from '../../store/levels';

/**
 * A token's kind: keyword, type, function, string, number, comment, `yield` / `yield*`, or '' for
 * plain text (see scripts/highlight.ts).
 */
export type TokenKind = '' | 'k' | 't' | 'f' | 's' | 'n' | 'c' | 'y';
export type Token = readonly [text: string, kind: TokenKind];

const DIR = '../../engine/levels/';

// The same list as sources.ts's: Vite reads a glob's patterns as written, so they cannot be one
// shared constant; sources.test.ts holds both to the registry's files.
const KINDS = import.meta.glob<readonly string[]>(
  [
    '../../engine/levels/*.ts',
    '!../../engine/levels/*.test.ts',
    '!../../engine/levels/index.ts',
    '!../../engine/levels/info.ts',
    '!../../engine/levels/options.ts',
    '!../../engine/levels/registry.ts',
  ],
  { query: '?highlight', import: 'default', eager: true },
);

/** The names of every file shipped highlighted (a test holds them to the registry's). */
export function highlightedSources(): string[] {
  return Object.keys(KINDS).map((path) => path.slice(DIR.length));
}

/** A level's token kinds per line, or undefined if its file is not among the levels' sources. */
export function kindsOf(level: LevelId): readonly string[] | undefined {
  return KINDS[`${DIR}${levelOf(level).source}`];
}

/** A line's text cut into tokens by its run-length kinds (`_4k6_1f7`); what the runs miss stays plain. */
export function tokensOf(text: string, runs: string | undefined): Token[] {
  if (!runs) return [[text, '']];
  const out: Token[] = [];
  let at = 0;
  for (const m of runs.matchAll(/([_ktfsncy])(\d+)/g)) {
    const n = Number(m[2]);
    out.push([text.slice(at, at + n), m[1] === '_' ? '' : (m[1] as TokenKind)]);
    at += n;
  }
  if (at < text.length) out.push([text.slice(at), '']);
  return out;
}
