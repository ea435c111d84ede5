/**
 * A level's source as the code panel shows it: the `// @step id` markers that tie lines to the
 * engine's events are taken out of the text and kept beside each line.
 */

export interface SourceLine {
  /** 1-based line number in the displayed text. */
  readonly n: number;
  readonly text: string;
  /** Step ids this line carries (usually one). */
  readonly steps: readonly string[];
  /** Fix switches this line belongs to (`// @fix lock`, production level). */
  readonly fixes: readonly string[];
}

const MARKER = /\s*\/\/\s*@(step|fix)\s+([\w.-]+)/g;

export function parseSource(raw: string): SourceLine[] {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(/\n+$/, '')
    .split('\n')
    .map((line, i) => {
      const steps: string[] = [];
      const fixes: string[] = [];
      const text = line
        .replace(MARKER, (_m, kind: string, id: string) => {
          (kind === 'step' ? steps : fixes).push(id);
          return '';
        })
        .replace(/\s+$/, '');
      return { n: i + 1, text, steps, fixes };
    });
}

/** The displayed text alone, markers stripped. */
export function stripMarkers(raw: string): string {
  return parseSource(raw)
    .map((l) => l.text)
    .join('\n');
}

/** Line numbers that carry a step. */
export function linesForStep(lines: readonly SourceLine[], step: string | null): number[] {
  if (step === null) return [];
  return lines.filter((l) => l.steps.includes(step)).map((l) => l.n);
}

/** The line the steps ran last (they come in the order they ran): the last step's last line, or null. */
export function lastLineRun(lines: readonly SourceLine[], steps: readonly string[]): SourceLine | null {
  const step = steps.at(-1);
  if (step === undefined) return null;
  const at = linesForStep(lines, step).at(-1);
  return at === undefined ? null : lines[at - 1]!;
}
