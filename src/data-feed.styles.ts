import { css } from 'lit';

/**
 * Every default line colour stands out from the default surface by at least 3:1 (WCAG's contrast
 * for graphics), in light and in dark.
 *
 * Defaults live in `var()` fallbacks, not on `:host`, so a custom property set on any ancestor
 * reaches the element; `light-dark()` picks the dark value under `prefers-color-scheme: dark`
 * unless the host's `color-scheme` says light.
 */
export const dataFeedStyles = css`
  :host {
    display: block;
    color-scheme: light dark;
    box-sizing: border-box;
    font-family: var(--data-feed-font, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
    color: var(--data-feed-text, light-dark(#31333f, #fafafa));
    background: var(--data-feed-background, light-dark(#ffffff, #0e1117));
    --_grid: var(--data-feed-grid, light-dark(rgba(49, 51, 63, 0.16), rgba(250, 250, 250, 0.16)));
    --_series-1: var(--data-feed-series-1, light-dark(#0068c9, #83c9ff));
    --_series-2: var(--data-feed-series-2, light-dark(#3d8fd9, #0068c9));
    --_series-3: var(--data-feed-series-3, light-dark(#ff2b2b, #ffabab));
    --_series-4: var(--data-feed-series-4, light-dark(#d6336c, #ff2b2b));
    --_series-5: var(--data-feed-series-5, light-dark(#168575, #7defa1));
    --_series-6: var(--data-feed-series-6, light-dark(#2b9348, #29b09d));
    --_series-7: var(--data-feed-series-7, light-dark(#c75f00, #ffd16a));
    --_series-8: var(--data-feed-series-8, light-dark(#9c7a00, #ff8700));
  }

  :host([hidden]) {
    display: none;
  }

  .frame {
    position: relative;
    padding: 1rem;
  }

  [part='heading'] {
    margin: 0 0 0.75rem;
    font-size: 1.5rem;
    font-weight: 600;
    line-height: 1.2;
    overflow-wrap: anywhere;
  }

  /*
   * Controls beside the chart, like a sidebar, when there is room (the chart keeps at least 60 % of
   * the width: from 40rem wide); above it, each a whole line, when narrow. A wrapping flex row, not
   * a container query: a size container makes every style lookup inside it (the chart's canvas
   * font, its colours) lay the page out first.
   */
  .body {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: 1rem;
  }
  [part='controls'] {
    flex: 1 0 15rem;
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    min-width: 0;
  }

  .slider-label {
    display: flex;
    justify-content: space-between;
    gap: 0.5rem;
    font-size: 0.875rem;
  }

  [part='slider'] {
    width: 100%;
    margin: 0 0 0.5rem;
    accent-color: var(--_series-1);
  }

  button {
    font: inherit;
    color: inherit;
    background: transparent;
    border: 1px solid var(--_grid);
    border-radius: 0.5rem;
    padding: 0.375rem 0.75rem;
    cursor: pointer;
    transition: color 0.15s, border-color 0.15s;
  }

  button:hover:not(:disabled) {
    border-color: var(--_series-1);
    color: var(--_series-1);
  }

  button:disabled {
    cursor: not-allowed;
    opacity: 0.45;
  }

  /* Pressed without getting wider, so the row of buttons does not reflow. */
  button[aria-pressed='true'] {
    border-color: currentColor;
    background: color-mix(in srgb, currentColor 10%, transparent);
  }

  button:focus-visible,
  [part='slider']:focus-visible,
  [part='chart']:focus-visible,
  [part='table']:focus-visible {
    outline: 2px solid var(--_series-1);
    outline-offset: 2px;
  }

  .more {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: 0.5rem;
  }
  .more > button {
    flex: 1 1 auto;
    font-size: 0.875rem;
  }

  /*
   * The chart's width follows the element's, never the other way: its canvas (and the table) give
   * the element no minimum width, so it shrinks in a grid track or flex row.
   */
  .view {
    position: relative;
    flex: 999 1 0;
    min-width: 60%;
    contain: inline-size;
  }

  /* Over the plot's top right corner while the chart is zoomed. */
  [part='live-button'] {
    position: absolute;
    top: 0.25rem;
    right: 0.25rem;
    font-size: 0.875rem;
    background: var(--data-feed-background, light-dark(#ffffff, #0e1117));
  }

  /* The range being dragged across, visible on a dark surface too. */
  .u-select {
    background: color-mix(in srgb, currentColor 12%, transparent);
  }

  [part='chart'] {
    position: relative;
  }

  [part='table'] {
    max-height: var(--data-feed-chart-height, 300px);
    overflow: auto;
    margin-top: 1rem;
    font-size: 0.875rem;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
    padding-bottom: 0.25rem;
  }
  th,
  td {
    padding: 0.125rem 0.5rem;
    border-bottom: 1px solid var(--_grid);
    text-align: end;
    white-space: nowrap;
  }
  th[scope='row'],
  thead th:first-child {
    text-align: start;
    font-weight: normal;
  }
  thead th {
    position: sticky;
    top: 0;
    background: var(--data-feed-background, light-dark(#ffffff, #0e1117));
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  /* Nothing eases or animates for those who asked for less motion. */
  @media (prefers-reduced-motion: reduce) {
    *:not(.swatches > *) {
      transition: none !important;
      animation: none !important;
      scroll-behavior: auto !important;
    }
  }

  /* Measured, never seen: its width is the chart's, its height the custom property's. */
  .sizer {
    position: absolute;
    inset: 0 0 auto 0;
    height: var(--data-feed-chart-height, 300px);
    visibility: hidden;
    pointer-events: none;
  }

  .uplot {
    width: 100%;
    font-family: inherit;
  }

  .u-legend {
    font-size: 0.875rem;
  }

  /*
   * Resolved colours for the canvas, which cannot read var() or light-dark() itself: the series
   * and the grid, read as each swatch's background. Rendered but unseen, with a transition of
   * color (never read, so a colour read is never one in passing): a changed colour starts it,
   * which tells the chart to read the colours again. The tenth does the same for the text's colour
   * and font.
   */
  .swatches {
    position: absolute;
    width: 0;
    height: 0;
    overflow: hidden;
    visibility: hidden;
  }
  .swatches > * {
    color: var(--_c);
    background-color: var(--_c);
    transition: color 1ms;
  }
  .swatches > :nth-child(1) { --_c: var(--_series-1); }
  .swatches > :nth-child(2) { --_c: var(--_series-2); }
  .swatches > :nth-child(3) { --_c: var(--_series-3); }
  .swatches > :nth-child(4) { --_c: var(--_series-4); }
  .swatches > :nth-child(5) { --_c: var(--_series-5); }
  .swatches > :nth-child(6) { --_c: var(--_series-6); }
  .swatches > :nth-child(7) { --_c: var(--_series-7); }
  .swatches > :nth-child(8) { --_c: var(--_series-8); }
  .swatches > :nth-child(9) { --_c: var(--_grid); }
  /* The text's colour, and its font: 1ch by 1ex changes size, and transitions, when the font does. */
  .swatches > :nth-child(10) {
    color: inherit;
    display: block;
    width: 1ch;
    height: 1ex;
    transition: color 1ms, width 1ms, height 1ms;
  }
  /*
   * The lines' width: any CSS length, resolved to pixels. Read as the left padding, which never
   * transitions; the width, the same length, transitions to tell of a change.
   */
  .swatches > :nth-child(11) {
    display: block;
    width: var(--data-feed-line-width, 1px);
    padding-left: var(--data-feed-line-width, 1px);
    transition: width 1ms;
  }

  [part='status'] {
    font-size: 0.875rem;
    color: light-dark(#b3261e, #ffb4ab);
    overflow-wrap: anywhere;
  }
  [part='status']:not(:empty) {
    margin-top: 0.5rem;
  }
`;
