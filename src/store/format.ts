/**
 * How the store and the page write numbers that several panels share: one format for virtual
 * milliseconds, and the engine's rule for round steps (1, 2 or 5 × 10^k) for charts' axes.
 */
export { niceStep } from '../engine';

/** Virtual ms, without float noise: 0.5 ms, 143 ms, 2.5 ms. */
export function ms(value: number): string {
  return `${Math.round(value * 10) / 10} ms`;
}
