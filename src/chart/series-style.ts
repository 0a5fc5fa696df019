import type uPlot from 'uplot';

/**
 * Line dash per series, in order (repeating): series stay apart without colour. Solid, dashed,
 * dotted, dash-dot, long dash, sparse dots, dash-dot-dot, long dash-short dash. Dashes are long:
 * a canvas strokes each one separately, and short ones cost a visible share of a draw.
 */
export const DASHES: readonly (readonly number[])[] = [[], [16, 6], [3, 4], [16, 5, 3, 5], [28, 8], [3, 9], [16, 5, 3, 5, 3, 5], [28, 5, 6, 5]];

/**
 * Gaps (in canvas pixels) where series `seriesIndex` holds `NaN`: each runs from the last real
 * point before to the first real point after, as uPlot does for `null`. uPlot breaks lines only
 * at `null`, which a typed array cannot hold.
 */
export function nanGaps(u: uPlot, seriesIndex: number, idx0: number, idx1: number): [number, number][] {
  const xs = u.data[0];
  const ys = u.data[seriesIndex];
  const px = (i: number) => Math.round(u.valToPos(xs[i], 'x', true));
  const gaps: [number, number][] = [];
  for (let i = idx0; i <= idx1; i++) {
    const v = ys[i];
    if (v === v && v != null) continue;
    let j = i;
    while (j + 1 <= idx1 && ys[j + 1] !== ys[j + 1]) j++;
    gaps.push([px(Math.max(i - 1, 0)), px(Math.min(j + 1, xs.length - 1))]);
    i = j;
  }
  return gaps;
}
