/**
 * The scenario CLI: `npm run simulate -- a.json [b.json …]`.
 * One JSON line per good file on standard output, in argument order; one plain line on standard
 * error per bad file (naming the file and the step), and a non-zero exit at the end if any was bad.
 * The work itself is in main.ts; this file is the process around it.
 */
import { readFileSync } from 'node:fs';
import { simulateFiles, type CliIo } from './main';

/** A stream whose reader has gone (EPIPE): stop writing, quietly — no trace, no "Unhandled 'error'". */
function quietOnClose(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}
quietOnClose(process.stdout);
quietOnClose(process.stderr);

const writer =
  (stream: NodeJS.WriteStream) =>
  (line: string): boolean => {
    if (!stream.writable) return false;
    stream.write(`${line}\n`);
    // A write to a closed pipe fails at once: the stream is no longer writable.
    return stream.writable;
  };

const io: CliIo = {
  // Bytes, not text: main.ts reads them as strict UTF-8.
  read: (file) => readFileSync(file),
  out: writer(process.stdout),
  err: writer(process.stderr),
};

process.exitCode = simulateFiles(process.argv.slice(2), io);
