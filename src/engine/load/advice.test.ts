import { describe, expect, it } from 'vitest';
import { recommend } from './advice';
import { meanWaitMs } from './queueing';
import { smallestPoolFor, type Target } from './sizing';

const meanWait: Target = { kind: 'meanWait', value: 1 };
// 500 callers a second holding 20 ms, mean wait at most 1 ms: the demand needs 14.
const base = { arrivalsPerSecond: 500, holdMs: 20, target: meanWait, demand: 14 };

describe('one recommendation', () => {
  it('takes the demand’s answer when it fits under the server’s rule and above the deadlock minimum', () => {
    const r = recommend({ ...base, serverRule: 20, deadlockMinimum: 9 });
    expect(r.case).toBe('demand');
    expect(r.size).toBe(14);
    expect(r.meetsTarget).toBe(true);
    expect(r.predicted).toBeCloseTo(meanWaitMs(500, 20, 14), 12);
  });

  it('raises it to the deadlock minimum when that is larger', () => {
    const r = recommend({ ...base, serverRule: 20, deadlockMinimum: 17 });
    expect(r.case).toBe('deadlock');
    expect(r.size).toBe(17);
    expect(r.reasons.join(' ')).toMatch(/deadlock with fewer than 17/);
  });

  it('holds the demand to the server’s rule, says the queue would move into the database, and predicts the wait', () => {
    // 4 cores, 1 spindle: 9 connections; the demand wants 14 — but 10 Erlangs on 9 cannot keep up.
    const overloaded = recommend({ ...base, serverRule: 9, deadlockMinimum: 1 });
    expect(overloaded.case).toBe('server-overloaded');
    expect(overloaded.size).toBe(9);
    expect(overloaded.predicted).toBe(Number.POSITIVE_INFINITY);
    expect(overloaded.reasons.join(' ')).toMatch(/move the queue into the database/);
    expect(overloaded.reasons.join(' ')).toMatch(/no pool size fixes that/);
    // 6 cores, 1 spindle: 13 connections, one short of the demand: callers wait in the pool.
    const server = recommend({ ...base, serverRule: 13, deadlockMinimum: 1 });
    expect(server.case).toBe('server');
    expect(server.size).toBe(13);
    expect(server.meetsTarget).toBe(false);
    expect(server.predicted).toBeCloseTo(meanWaitMs(500, 20, 13), 12);
    expect(server.reasons.join(' ')).toMatch(/move the queue into the database/);
  });

  it('keeps the deadlock minimum even above the server’s rule, and says what to change', () => {
    const r = recommend({ ...base, serverRule: 9, deadlockMinimum: 17 });
    expect(r.case).toBe('deadlock-over-server');
    expect(r.size).toBe(17);
    expect(r.predicted).toBeNull();
    expect(r.reasons.join(' ')).toMatch(/fewer connections at once/);
  });

  it('caps a demand no pool meets at the server’s rule', () => {
    // A million callers a second holding a second each keep 10⁶ connections busy.
    const huge = { arrivalsPerSecond: 1_000_000, holdMs: 1000, target: { kind: 'refused', value: 0.01 } as Target };
    expect(smallestPoolFor(huge.arrivalsPerSecond, huge.holdMs, huge.target)).toBeNull();
    const r = recommend({ ...huge, demand: null, serverRule: 30, deadlockMinimum: 1 });
    expect(r.case).toBe('server');
    expect(r.size).toBe(30);
    expect(r.meetsTarget).toBe(false);
    expect(r.reasons[0]).toMatch(/^No pool up to 100,000 connections meets the target, but the server/);
  });
});
