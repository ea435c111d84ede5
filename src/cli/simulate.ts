/**
 * The scenario CLI: `npm run simulate -- a.json [b.json …]`.
 * One JSON line per good file on standard output, in argument order; one plain line on standard
 * error per bad file (naming the file and the step), and a non-zero exit at the end if any was bad.
 */
import { readFileSync } from 'node:fs';
import { decodeUtf8, ScenarioError, simulateText } from '../engine';

const files = process.argv.slice(2);
if (files.length === 0) {
  process.stderr.write('usage: npm run simulate -- scenario.json [more.json …]\n');
  process.exit(2);
}
let failed = 0;
for (const file of files) {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    process.stderr.write(`${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})\n`);
    failed++;
    continue;
  }
  // Bytes, not text: invalid UTF-8 is refused (naming the byte), never read as U+FFFD.
  let text: string;
  try {
    text = decodeUtf8(bytes);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    process.stderr.write(`${file}: ${e.message}\n`);
    failed++;
    continue;
  }
  const result = simulateText(text);
  if (result.ok) process.stdout.write(`${JSON.stringify(result.output)}\n`);
  else {
    process.stderr.write(`${file}: ${result.message}\n`);
    failed++;
  }
}
process.exitCode = failed > 0 ? 1 : 0;
