/**
 * The SVG path of a step line — each value held until the next — drawn with at most a few
 * commands per column of the chart, however many points it has. A long manual session has tens of
 * thousands of changes on a chart a few hundred units wide: drawn point by point, its path grew
 * with every click. Points whose x falls in one column (half a unit) are drawn as that column's
 * lowest and highest value and then its last one: the same ink, every peak kept. Sparse points are
 * drawn exactly as before, one horizontal and one vertical move each.
 */
export function stepPath(
  points: readonly { readonly t: number }[],
  valueAt: (i: number) => number,
  x: (t: number) => number,
  y: (v: number) => number,
  endT: number,
): string {
  if (points.length === 0) return '';
  const column = (t: number) => Math.round(x(t) * 2) / 2;
  let d = `M${x(points[0]!.t)},${y(valueAt(0))}`;
  let i = 1;
  while (i < points.length) {
    const at = x(points[i]!.t);
    const c = Math.round(at * 2) / 2;
    let low = valueAt(i);
    let high = low;
    let last = low;
    let n = 1;
    for (i++; i < points.length && column(points[i]!.t) === c; i++, n++) {
      last = valueAt(i);
      low = Math.min(low, last);
      high = Math.max(high, last);
    }
    d += ` H${at}`;
    // One point: straight to it. More: down to the lowest, up to the highest, then to the last.
    d += n === 1 ? ` V${y(last)}` : ` V${y(low)} V${y(high)} V${y(last)}`;
  }
  return `${d} H${x(endT)}`;
}
