/**
 * Whether the learner steps line by line (every event) rather than by beats: remembered in this
 * browser, so a learner following the code keeps it from page to page. Off by default, and off
 * where storage keeps nothing.
 */
const KEY = 'pool-lab:line-by-line';

export function lineByLineSaved(): boolean {
  try {
    return globalThis.localStorage?.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

export function saveLineByLine(on: boolean): void {
  try {
    globalThis.localStorage?.setItem(KEY, on ? 'on' : 'off');
  } catch {
    // Storage refused: the setting lasts as long as the page.
  }
}
