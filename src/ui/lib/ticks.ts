/**
 * Round tick values for a chart's axis: about `n` of them covering [min, max], at 1, 2 or 5 × 10^k,
 * never closer than `minStep` (1 for counts and whole milliseconds, which are never split finer).
 */
export function niceTicks(min: number, max: number, n: number, minStep = 0): number[] {
  const raw = Math.max(minStep, (max - min) / n) || 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}
