/**
 * The scenario CLI: `npm run simulate -- a.json [b.json …]`.
 * One JSON line per good file on standard output, in argument order; one plain line on standard
 * error per bad file (naming the file and the step), and a non-zero exit at the end if any was bad.
 */
import { readFileSync } from 'node:fs';
import { simulateText } from '../engine';

const files = process.argv.slice(2);
if (files.length === 0) {
  process.stderr.write('usage: npm run simulate -- scenario.json [more.json …]\n');
  process.exit(2);
}
let failed = 0;
for (const file of files) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    process.stderr.write(`${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})\n`);
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
