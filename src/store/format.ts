/**
 * How the store and the page write numbers and lists that several panels share: one format for
 * virtual milliseconds, the engine's rule for round steps (1, 2 or 5 × 10^k) for charts' axes, and
 * a list in words.
 */
export { niceStep } from '../engine';

/** Virtual ms, without float noise: 0.5 ms, 143 ms, 2.5 ms. */
export function ms(value: number): string {
  return `${Math.round(value * 10) / 10} ms`;
}

/** "a", "a and b", "a, b and c". */
export function andList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
