// What the measuring scripts share: their `--name value` options, and the system's Chromium.
import { existsSync } from 'node:fs';

const args = process.argv.slice(2);

/** The value after `--name` on the command line, or `fallback`. */
export function arg(name, fallback) {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
}

/** Whether `--name` is on the command line. */
export const flag = (name) => args.includes(`--${name}`);

/** The system's Chromium (CHROMIUM_PATH, then Debian's), or undefined for Playwright's own. */
export function systemChromium() {
  return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
}
