/** Number formatting for the load lab: plain, short, and the same everywhere on the page. */

const grouped = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

export const count = (n: number): string => grouped.format(n);

/** A fraction as a percentage with sensible digits (0.1234 → "12.3 %", 0.00042 → "0.042 %"), or `extra` more. */
export function percent(x: number, extra = 0): string {
  if (!Number.isFinite(x)) return '—';
  const p = x * 100;
  if (p === 0) return '0 %';
  const abs = Math.abs(p);
  const digits = (abs >= 10 ? 1 : abs >= 1 ? 2 : abs >= 0.1 ? 3 : 4) + extra;
  return `${p.toFixed(digits)} %`;
}

/**
 * How many digits more `fmt` needs (up to 3) to print `a` and `b` differently: a figure just
 * outside an interval must not print as the interval's end.
 */
export function digitsApart(fmt: (x: number, extra?: number) => string, a: number, b: number): number {
  let extra = 0;
  while (extra < 3 && fmt(a, extra) === fmt(b, extra)) extra++;
  return extra;
}

/** Milliseconds, with digits that match the size (below 10 s), or `extra` more. */
export function ms(x: number, extra = 0): string {
  if (!Number.isFinite(x)) return '∞';
  if (x === 0) return '0 ms';
  const abs = Math.abs(x);
  if (abs >= 3_600_000) return `${(x / 3_600_000).toFixed(1)} h`;
  if (abs >= 100_000) return `${grouped.format(x / 1000)} s`;
  if (abs >= 10_000) return `${(x / 1000).toFixed(1)} s`;
  const digits = (abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3) + extra;
  return `${x.toFixed(digits)} ms`;
}

/** A plain number with up to 3 significant digits. */
export function num(x: number): string {
  if (!Number.isFinite(x)) return '—';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 1000) return grouped.format(x);
  return String(Number(x.toPrecision(3)));
}

/** Seconds of real time, for estimates and run times. */
export function seconds(s: number): string {
  if (s < 0.1) return 'under 0.1 s';
  if (s < 10) return `${s.toFixed(1)} s`;
  if (s < 120) return `${Math.round(s)} s`;
  return `${(s / 60).toFixed(1)} min`;
}

/** Measured against theory: relative deviation in percent, or a dash when it means nothing. */
export function deviation(measured: number, theory: number): string {
  if (!Number.isFinite(measured) || !Number.isFinite(theory)) return '—';
  if (theory === 0) return measured === 0 ? '0 %' : '—';
  const d = ((measured - theory) / theory) * 100;
  const sign = d > 0 ? '+' : d < 0 ? '−' : '';
  return `${sign}${Math.abs(d).toFixed(Math.abs(d) >= 10 ? 0 : 1)} %`;
}
