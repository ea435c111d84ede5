/**
 * What `npm run simulate` does, apart from the process it runs in, so that tests and the fuzz suite
 * drive the CLI's own code with files held in memory.
 *
 * Every file stands alone: whatever goes wrong inside one — unreadable, not JSON, a bad step, a run
 * too heavy to start, even a bug in the engine — becomes one line on standard error naming the
 * file, and the next file runs. Good files give one JSON line each on standard output, in argument
 * order. Every line is one line of plain characters (see engine/scenario/quote.ts). When nobody
 * reads the output any more (`… | head -1` closed the pipe), the CLI stops quietly.
 */
import { decodeUtf8, jsonLine, nameOf, oneLine, ScenarioError, simulateText } from '../engine';

export interface CliIo {
  /**
   * A file's bytes (or its text, for files held in memory); throws (an error with a `code`, as
   * Node's) when it cannot be read. Bytes are read as strict UTF-8: invalid UTF-8 is refused,
   * naming the byte, never read as U+FFFD.
   */
  read(file: string): Uint8Array | string;
  /** Write one line to standard output; false once nobody reads it (a closed pipe). */
  out(line: string): boolean;
  /** Write one line to standard error; false once nobody reads it. */
  err(line: string): boolean;
}

export const USAGE = 'usage: npm run simulate -- scenario.json [more.json …]';

/** Run each file in turn; the exit code: 0 when every file was good, 1 otherwise, 2 with no file. */
export function simulateFiles(files: readonly string[], io: CliIo): number {
  if (files.length === 0) {
    io.err(USAGE);
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    const line = lineFor(file, io);
    if (!line.ok) failed++;
    const open = line.ok ? io.out(line.text) : io.err(oneLine(`${nameOf(file, 300)}: ${line.text}`));
    if (!open) break;
  }
  return failed > 0 ? 1 : 0;
}

/** One file's line: its JSON output, or what went wrong. Never throws. */
function lineFor(file: string, io: CliIo): { ok: boolean; text: string } {
  let content: Uint8Array | string;
  try {
    content = io.read(file);
  } catch (e) {
    const code = (e as { code?: unknown } | null)?.code;
    return { ok: false, text: `cannot read the file (${typeof code === 'string' ? code : 'error'})` };
  }
  try {
    const result = simulateText(typeof content === 'string' ? content : decodeUtf8(content));
    return result.ok ? { ok: true, text: jsonLine(result.output) } : { ok: false, text: result.message };
  } catch (e) {
    // Bytes that are not UTF-8 (decodeUtf8 names the byte).
    if (e instanceof ScenarioError) return { ok: false, text: e.message };
    // simulateText reports its own failures; this is the last guard, for what escapes even that.
    const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return {
      ok: false,
      text: `Pool Lab failed while running this file (${what}); this is a bug in Pool Lab, not in the file`,
    };
  }
}
