import { html } from 'lit';

/** Colours, font and line width the chart paints with, resolved to values a canvas understands. */
export interface ChartTheme {
  /** Line colour per series, in order (repeating past the end). */
  series: readonly string[];
  text: string;
  grid: string;
  font: string;
  /** Line width in CSS pixels. */
  lineWidth: number;
}

/** How many series colours the palette has (`--data-feed-series-1` … `-8`). */
export const PALETTE_SIZE = 8;

/** The palette's swatches, then the grid's, the text's and the line width's (see the element's styles). */
export const SWATCHES = Array.from({ length: PALETTE_SIZE + 3 }, () => html`<span></span>`);

/**
 * Reads the theme from the host's unseen swatches: the palette's first `seriesCount` colours
 * (each a style lookup, so only the series in use), the grid colour, and the line width (a
 * swatch padded by `--data-feed-line-width`, so any CSS length resolves to pixels); the text
 * colour and font from the host.
 */
export function readTheme(host: Element, swatches: HTMLCollection, seriesCount: number): ChartTheme {
  const colour = (i: number) => getComputedStyle(swatches[i]).backgroundColor;
  const style = getComputedStyle(host);
  // Not the swatch's width: it transitions (that tells of a change), and read at the transition's start it is the old one.
  const lineWidth = parseFloat(getComputedStyle(swatches[PALETTE_SIZE + 2]).paddingLeft);
  return {
    series: Array.from({ length: Math.min(seriesCount, PALETTE_SIZE) }, (_, i) => colour(i)),
    text: style.color,
    grid: colour(PALETTE_SIZE),
    font: `12px ${style.fontFamily}`,
    lineWidth: lineWidth > 0 ? lineWidth : 1,
  };
}
