/**
 * No import cycles in src/: every relative import of every .ts/.tsx file (static, type-only,
 * re-exports and lazy `import()` alike) is an edge, and the graph must have no loop. A cycle means
 * two files cannot be understood, tested or moved apart; it is also how a lazy page ends up in the
 * first bundle. Imports with a query (`?raw` level sources) and of non-code files (JSON, CSS) are
 * not code dependencies and are skipped.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = dirname(fileURLToPath(import.meta.url));

/** `from '…'`, `import '…'` and `import('…')`, anywhere in a file. */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"\n]+)\1/g;

/** The relative specifiers a source text imports, in order. */
export function relativeImports(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...code.matchAll(SPECIFIER)].map((m) => m[2]!).filter((s) => s.startsWith('.') && !s.includes('?'));
}

/** The file a relative specifier names, if it is a .ts/.tsx file (with or without its extension, or a folder's index). */
function resolveImport(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')];
  return candidates.find((c) => /\.tsx?$/.test(c) && existsSync(c) && statSync(c).isFile()) ?? null;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(d.name) ? [path] : [];
  });
}

/** Every import cycle of a graph, each once, as the list of files around it (the first repeated at the end). */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') {
        const loop = path.slice(path.indexOf(next));
        // The same loop entered at another file is the same cycle.
        const key = [...loop].sort().join(' ');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push([...loop, next]);
        }
      } else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}

function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const targets = relativeImports(readFileSync(file, 'utf8')).flatMap((s) => resolveImport(file, s) ?? []);
    graph.set(relative(SRC, file), [...new Set(targets.map((t) => relative(SRC, t)))]);
  }
  return graph;
}

describe('imports', () => {
  it('reads every kind of relative import and skips raw sources and packages', () => {
    const text = [
      "import { a } from './a';",
      "import type { B } from '../b';",
      "export { c } from './c';",
      "import './side-effect';",
      "const Page = lazy(() => import('./pages/Page'));",
      "import source from '../engine/levels/level1.ts?raw';",
      "import { useState } from 'react';",
      "// import { old } from './commented-out';",
    ].join('\n');
    expect(relativeImports(text)).toEqual(['./a', '../b', './c', './side-effect', './pages/Page']);
  });

  it('finds a cycle when there is one, and none in a tree', () => {
    const loop = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', []],
    ]);
    expect(findCycles(loop)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
    const tree = new Map([
      ['a.ts', ['b.ts', 'c.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', []],
    ]);
    expect(findCycles(tree)).toEqual([]);
  });

  it('sees the whole of src/', () => {
    const graph = importGraph();
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('ui/App.tsx')).toContain('ui/routes.ts');
  });

  it('has no import cycle in src/', () => {
    const cycles = findCycles(importGraph()).map((c) => c.join(' → '));
    expect(cycles).toEqual([]);
  });
});
