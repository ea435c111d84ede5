/**
 * Round tick values for a chart's axis: about `n` of them covering [min, max], at 1, 2 or 5 × 10^k
 * (the engine's `niceStep`), never closer than `minStep` (1 for counts and whole milliseconds,
 * which are never split finer).
 */
import { niceStep } from '../../store/format';

export function niceTicks(min: number, max: number, n: number, minStep = 0): number[] {
  const step = niceStep(Math.max(minStep, (max - min) / n) || 1);
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}
