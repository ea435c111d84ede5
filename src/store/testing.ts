/**
 * Scenarios shared by the store's tests (imported only by *.test.ts files).
 */
import type { Scenario, Step } from '../engine';

/** Level 2: A borrows, returns, and returns Book 1 again (it stands on the shelf twice); B and C borrow. */
export const doubleRelease: Scenario = {
  level: 'level2',
  options: { minSize: 1, maxSize: 3 },
  seed: 7,
  steps: [
    { client: 'A', do: 'acquire' },
    { client: 'A', do: 'release' },
    { client: 'A', do: 'release', object: 1 },
    { client: 'B', do: 'acquire' },
    { client: 'C', do: 'acquire' },
  ],
};

/** The database with one connection (seed 1), running `steps`. */
export const oneConnection = (steps: Step[]): Scenario => ({
  level: 'database',
  options: { maxSize: 1 },
  seed: 1,
  steps,
});

/** Reader A borrows, writes `timezone = UTC`, reads its settings and returns: every statement a connection gets. */
export const sessionOfA: Step[] = [
  { client: 'A', do: 'acquire' },
  { client: 'A', do: 'use', write: 'timezone = UTC' },
  { client: 'A', do: 'read' },
  { client: 'A', do: 'release' },
];
