/**
 * Property tests: a fixed seed in CI, so a run can be reproduced and never flakes; a fresh seed on a
 * developer's machine, so every local run explores new scenarios. Set FC_SEED to replay a failure
 * (fast-check prints the seed and the path with every counterexample).
 */
import fc from 'fast-check';

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : process.env.CI ? 20261124 : undefined;
if (seed !== undefined) fc.configureGlobal({ seed });
