/** How the store and the page write a number of virtual milliseconds: the one format for both. */

/** Virtual ms, without float noise: 0.5 ms, 143 ms, 2.5 ms. */
export function ms(value: number): string {
  return `${Math.round(value * 10) / 10} ms`;
}
