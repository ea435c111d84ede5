/**
 * A load file's `load` object: the callers sent at the production pool (see src/engine/load). The
 * caps that keep a run finite are the load runs' own (`LOAD_LIMITS`).
 */
import * as v from 'valibot';
import { LOAD_LIMITS, type LoadSpec } from '../load/spec';
import { positive, record, whole, type Expect, type Same } from './fields';
import { describe } from './json';
import { quote } from './quote';

const NEEDS: Record<string, string> = {
  arrivalsPerSecond: 'callers a second, e.g. 30',
  holdMs: 'virtual ms each caller holds its connection, e.g. 100',
  arrivals: 'how many callers in all, a whole number, e.g. 100000',
};

export const LOAD = v.pipe(
  record(
    {
      arrivalsPerSecond: v.pipe(
        positive('load.arrivalsPerSecond', LOAD_LIMITS.maxArrivalsPerSecond, '/s'),
        v.description('Callers arriving per second of virtual time, at random (Poisson).'),
      ),
      holdMs: v.pipe(
        positive('load.holdMs', LOAD_LIMITS.maxHoldMs, ' ms'),
        v.description('How long each caller holds its connection, in virtual ms (the mean, for exponential holds).'),
      ),
      hold: v.exactOptional(
        v.pipe(
          v.picklist(
            ['exponential', 'fixed'],
            (i) => `load.hold must be "exponential" or "fixed", not ${describe(i.input)}`,
          ),
          v.metadata({ default: 'exponential' }),
        ),
        'exponential',
      ),
      arrivals: v.pipe(
        whole('load.arrivals', 1, LOAD_LIMITS.maxArrivals, 'runs'),
        v.description('How many callers arrive in all.'),
      ),
    },
    {
      notObject: (x) =>
        `"load" must be an object like {"arrivalsPerSecond": 30, "holdMs": 100, "hold": "exponential", "arrivals": 100000}, not ${x}`,
      unknown: (k) => `load has no ${quote(k)} (it takes arrivalsPerSecond, holdMs, hold, arrivals)`,
      missing: (k) => `load needs "${k}" (${NEEDS[k] ?? 'a number'})`,
    },
  ),
  v.description('Random callers sent at the production pool instead of steps.'),
);

/** The load runs' LoadSpec is exactly what this schema reads. */
export type LoadSpecIsTheSchemas = Expect<Same<LoadSpec, v.InferOutput<typeof LOAD>>>;
