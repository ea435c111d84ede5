import { describe, expect, it } from 'vitest';
import interleave from '../../scenarios/production-interleave.json';
import { ALL_FIXES, parseScenario, reportOf, runScenario, simulateText } from '../engine';
import { withFixes } from './fixes';
import { runFile, runFileName } from './runFile';

describe('runFile', () => {
  const scenario = parseScenario(interleave).scenario;
  const page = (choices: readonly number[]) =>
    reportOf(runScenario(withFixes(scenario, { ...ALL_FIXES, lock: false }), { choices, record: false }));

  it('is a file the CLI replays as the very run the page shows, picks included', () => {
    const file = runFile(scenario, ['lock'], [1]);
    expect(file).toMatchObject({ level: 'production', choices: [1], options: { fixes: { lock: false, reset: true } } });
    expect(simulateText(JSON.stringify(file))).toEqual({ ok: true, output: page([1]) });
    expect(page([1])).not.toEqual(page([0]));
    expect(simulateText(JSON.stringify(runFile(scenario, ['lock'], null)))).toEqual({ ok: true, output: page([]) });
  });

  it('names its schema when asked, and is named after its scenario and switches', () => {
    expect(runFile(scenario, [], null, 'https://lab.example/scenario.schema.json').$schema).toBe(
      'https://lab.example/scenario.schema.json',
    );
    expect(runFileName('pick-order', ['reset', 'lock'])).toBe('pool-lab-pick-order-lock-reset-off.json');
    expect(runFileName('Your run!', [])).toBe('pool-lab-your-run.json');
  });
});
