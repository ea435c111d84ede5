import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProductionPool } from '../levels/production';
import { simulateText } from './report';

const scenario = JSON.stringify({
  level: 'production',
  steps: [
    { client: 'A', do: 'acquire' },
    { client: 'A', do: 'release' },
  ],
});
const load = JSON.stringify({
  level: 'production',
  options: { maxSize: 2, acquireTimeout: 0 },
  load: { arrivalsPerSecond: 10, holdMs: 10, arrivals: 20 },
});

/** A bug planted in the engine: the production pool's release throws what nobody meant it to. */
function plantBug(): void {
  vi.spyOn(ProductionPool.prototype, 'release').mockImplementation(function* () {
    throw new TypeError('planted');
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('simulateText', () => {
  it('turns an engine error inside a scenario run into one message naming the step', () => {
    plantBug();
    const result = simulateText(scenario);
    expect(result).toEqual({
      ok: false,
      message:
        'step 2 (release by A): Pool Lab failed while running this file (TypeError: planted); this is a bug in Pool Lab, not in the file',
    });
  });

  it('turns an engine error inside a load run into one message', () => {
    plantBug();
    expect(simulateText(load)).toEqual({
      ok: false,
      message:
        'Pool Lab failed while running this file (TypeError: planted); this is a bug in Pool Lab, not in the file',
    });
  });

  it('runs a load with the lock switched off to the end and counts what went wrong', () => {
    const text = JSON.stringify({
      level: 'production',
      options: { maxSize: 3, acquireTimeout: 50, fixes: { lock: false } },
      seed: 3,
      load: { arrivalsPerSecond: 50, holdMs: 50, arrivals: 40 },
    });
    const result = simulateText(text);
    expect(result.ok).toBe(true);
    const out = (result as { output: { load: { served: number; faults: unknown } } }).output.load;
    // Two callers were lent one connection and both gave it back: the second release was refused.
    expect(out.faults).toEqual({ lentTwice: 4, releasesRefused: 1 });
    expect(out.served).toBe(40);
  });

  it('says nothing of faults when every fix is on', () => {
    const result = simulateText(load) as { output: { load: object } };
    expect(result.output.load).not.toHaveProperty('faults');
  });

  it('keeps a message to one short line of plain characters, whatever the file holds', () => {
    const files = [
      { level: 'level1', steps: [{ client: 'A', do: 'acquire\nFAKE: second line' }] },
      { level: '\u001b[2J\u001b[31mpwned', steps: [] },
      { level: 'level1', steps: [{ client: 'A'.repeat(1_000_000), do: 'acquire' }] },
      { level: 'level1', steps: [{ client: 'B\u202e\u009b2J', do: 'release' }] },
      { level: 'level1', options: { ['size\r\n\u0007']: 3 }, steps: [] },
    ];
    for (const file of files) {
      const result = simulateText(JSON.stringify(file));
      expect(result.ok).toBe(false);
      const { message } = result as { message: string };
      // eslint-disable-next-line no-control-regex -- looking for control characters is the point
      expect(message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
      expect(message.length).toBeLessThanOrEqual(1001);
    }
    const [fake, esc, big, bidi] = files.map((f) => (simulateText(JSON.stringify(f)) as { message: string }).message);
    expect(fake).toBe(
      'step 1 ("acquire\\nFAKE…" (25 characters) by A): "do" must be one of acquire, release, use, read, fail, with, kill, restart, close, not "acquire\\nFAKE: second line"',
    );
    expect(esc).toMatch(/^unknown level "\\u001b\[2J\\u001b\[31mpwned" \(choose one of /);
    expect(big).toMatch(/^step 1 \(acquire by "A{40}…" \(1000000 characters\)\): "client" must be a name of 1 to 40 /);
    expect(big).toMatch(/not "A{80}…" \(1000000 characters\)$/);
    expect(bidi).toBe('step 1 (release by "B\\u202e\\u009b2J"): B\\u202e\\u009b2J holds nothing to release');
  });
});
