/**
 * A line diff by longest common subsequence: small and exact for files of a few hundred lines
 * (the levels are under 120), which is all the "what changed since the previous level" view needs.
 */

export type DiffOp = 'same' | 'added' | 'removed';

export interface DiffLine {
  readonly op: DiffOp;
  readonly text: string;
  /** Line number in the old file (same/removed) or the new one (same/added). */
  readonly oldN: number | null;
  readonly newN: number | null;
}

export function diffLines(oldText: string, newText: string): DiffLine[] {
  const a = oldText.split('\n');
  const b = newText.split('\n');
  const n = a.length;
  const m = b.length;
  // lcs[i][j] = length of the LCS of a[i..] and b[j..], in one flat array.
  const w = m + 1;
  const lcs = new Uint16Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * w + j] =
        a[i] === b[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push({ op: 'same', text: a[i]!, oldN: i + 1, newN: j + 1 });
      i++;
      j++;
    } else if (i < n && (j >= m || lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!)) {
      // On a tie the old line goes first: removals read before the additions that replace them.
      out.push({ op: 'removed', text: a[i]!, oldN: i + 1, newN: null });
      i++;
    } else {
      out.push({ op: 'added', text: b[j]!, oldN: null, newN: j + 1 });
      j++;
    }
  }
  return out;
}

export interface DiffHunk {
  readonly lines: readonly DiffLine[];
  /** Unchanged lines left out before this hunk. */
  readonly skippedBefore: number;
}

/** Changed lines with `context` unchanged lines around them; long unchanged runs are folded. */
export function hunks(lines: readonly DiffLine[], context = 2): DiffHunk[] {
  const keep = lines.map(() => false);
  lines.forEach((l, i) => {
    if (l.op === 'same') return;
    for (let k = Math.max(0, i - context); k <= Math.min(lines.length - 1, i + context); k++) keep[k] = true;
  });
  const out: { lines: DiffLine[]; skippedBefore: number }[] = [];
  let skipped = 0;
  let current: { lines: DiffLine[]; skippedBefore: number } | null = null;
  lines.forEach((l, i) => {
    if (!keep[i]) {
      skipped++;
      current = null;
      return;
    }
    if (!current) {
      current = { lines: [], skippedBefore: skipped };
      out.push(current);
      skipped = 0;
    }
    current.lines.push(l);
  });
  return out;
}

export function diffStats(lines: readonly DiffLine[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const l of lines) {
    if (l.op === 'added') added++;
    else if (l.op === 'removed') removed++;
  }
  return { added, removed };
}
