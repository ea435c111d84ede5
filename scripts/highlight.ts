/**
 * Syntax highlighting at build time: a Vite plugin that turns `import x from './level1.ts?highlight'`
 * into the kinds of the file's tokens, line by line, with its `// @step` / `// @fix` markers taken
 * out first (the same stripping as the code panel's `parseSource`, so line n here is line n there).
 * Shiki's TypeScript grammar decides what each token is; no highlighter reaches the browser, and
 * neither does a second copy of the text: each line is a run-length string of kinds, e.g. `_4k6_1f7`
 * (4 plain characters, a 6-character keyword, …), laid over the text the panel already has.
 *
 * Kinds are ours, not a theme's colours: the page's CSS draws them (code.css). They are few on
 * purpose — keyword, type, function, string, number, comment — and none of them is an operation's
 * colour (ACQUIRE, USE and RELEASE keep theirs for the three operations alone).
 */
import { readFile } from 'node:fs/promises';
import { createHighlighter, type Highlighter } from 'shiki';
import type { Plugin } from 'vite';
import { stripMarkers } from '../src/ui/lib/source.ts';

/**
 * What a token is, as the code panel styles it: keyword, type, function, string, number, comment,
 * `yield` / `yield*` (the legend explains it), or '' for plain text (names, operators, punctuation).
 */
export type TokenKind = '' | 'k' | 't' | 'f' | 's' | 'n' | 'c' | 'y';
export type HighlightedLine = readonly (readonly [string, TokenKind])[];

const QUERY = 'highlight';

/** The kind of a token from its TextMate scopes, most specific last. */
export function kindOf(scopes: readonly string[]): TokenKind {
  for (let i = scopes.length - 1; i >= 0; i--) {
    const s = scopes[i]!;
    if (s.startsWith('comment') || s.startsWith('punctuation.definition.comment')) return 'c';
    if (s.startsWith('string') || s.startsWith('punctuation.definition.string')) return 's';
    if (s.startsWith('constant.numeric') || s.startsWith('constant.language')) return 'n';
    if (
      s.startsWith('entity.name.type') ||
      s.startsWith('support.type') ||
      s.startsWith('entity.other.inherited-class')
    )
      return 't';
    if (s.startsWith('entity.name.function')) return 'f';
    if (s.startsWith('keyword.operator') && !s.startsWith('keyword.operator.new')) return '';
    if (s.startsWith('keyword') || s.startsWith('storage') || s.startsWith('variable.language.this')) return 'k';
  }
  return '';
}

/** A source's lines as tokens, markers stripped; neighbouring tokens of one kind are merged. */
export function tokenize(highlighter: Highlighter, raw: string): HighlightedLine[] {
  const { tokens } = highlighter.codeToTokens(stripMarkers(raw), {
    lang: 'typescript',
    theme: 'github-light',
    includeExplanation: 'scopeName',
    // No time limit: on a busy build machine the default (500 ms a line) stops the grammar early.
    tokenizeTimeLimit: 0,
  });
  return tokens.map((line) => {
    const out: [string, TokenKind][] = [];
    for (const token of line)
      for (const piece of token.explanation ?? [{ content: token.content, scopes: [] }]) {
        const scoped = kindOf(piece.scopes.map((x) => x.scopeName));
        const kind = scoped === 'k' && piece.content.trim().startsWith('yield') ? 'y' : scoped;
        const prev = out.at(-1);
        if (prev && prev[1] === kind) prev[0] += piece.content;
        else out.push([piece.content, kind]);
      }
    return out;
  });
}

/** A line's tokens as a run-length string of kinds ('_' for plain): `_4k6_1f7`. */
export function encodeLine(line: HighlightedLine): string {
  return line.map(([text, kind]) => `${kind || '_'}${text.length}`).join('');
}

export function highlightSources(): Plugin {
  let highlighter: Promise<Highlighter> | null = null;
  return {
    name: 'pool-lab:highlight',
    enforce: 'pre',
    async load(id) {
      const [file, query] = id.split('?');
      if (query !== QUERY || !file) return null;
      this.addWatchFile(file);
      highlighter ??= createHighlighter({ themes: ['github-light'], langs: ['typescript'] });
      const lines = tokenize(await highlighter, await readFile(file, 'utf8'));
      return `export default ${JSON.stringify(lines.map(encodeLine))};`;
    },
  };
}
