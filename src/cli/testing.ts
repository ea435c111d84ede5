/**
 * Helpers for the CLI's tests (imported only by *.test.ts files): the CLI's own entry function
 * over files held in memory.
 */
import { simulateFiles, type CliIo } from './main';

/** The CLI's own entry function over files held in memory; what it wrote, line by line. */
/** `open`: how many lines a stream takes before its reader goes away (a closed pipe). */
export function runInMemory(files: Record<string, string>, names = Object.keys(files), open = Infinity) {
  const out: string[] = [];
  const err: string[] = [];
  const read: string[] = [];
  const io: CliIo = {
    read(name) {
      read.push(name);
      const text = files[name];
      if (text === undefined) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      return text;
    },
    out: (line) => out.push(line) < open,
    err: (line) => err.push(line) < open,
  };
  const code = simulateFiles(names, io);
  return { code, out, err, read };
}
