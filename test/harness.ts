/**
 * The one place the tests know the element's insides and uPlot's private fields.
 *
 * Everything else goes through the public API, `[part~=…]`, events, the page's DOM or the canvas's
 * pixels. What is here cannot: where the nodes no part names are (uPlot's root, canvas, cursor layer
 * and legend; the element's announcer and theme swatches), what uPlot drew with (resolved colours,
 * gaps, line widths, tick labels: its canvas holds antialiased pixels, not these values), how much
 * memory the kept points and the append scratch hold, whether the scheduler holds a call or a
 * waiter, how many buckets the envelope keeps, and how much work one envelope update does. When an
 * internal is renamed or moves, this file is the one to update: the members read here are checked
 * and fail with an error naming it (as do the nodes that must be there), and the public members
 * of internal classes are typed, so `tsc` points here too.
 *
 * Only types are imported from src/: the functions work on any `<data-feed>` of this version,
 * whether it came from the sources or the bundle.
 */
import sinon from 'sinon';
import type uPlot from 'uplot';
import type { BoundedBuffer, Columns } from '../src/core/buffer.js';
import type { Feed } from '../src/core/feed.js';
import type { ChartController } from '../src/chart/chart-controller.js';
import type { Envelope } from '../src/chart/envelope.js';
import type { DataFeed } from '../src/data-feed.js';

/** An element, or a uPlot instance (a ChartController's `plot` in the controller's own tests). */
export type Drawn = DataFeed | uPlot;

/** `owner[key]`, or an error naming this file when the member is gone. */
function inner<T>(owner: unknown, key: string, what: string): T {
  if (owner === null || typeof owner !== 'object' || !(key in owner)) {
    throw new Error(`harness: ${what} has no ${key} — update test/harness.ts`);
  }
  return (owner as Record<string, T>)[key];
}

const chartOf = (el: DataFeed) => inner<ChartController>(el, '_chart', 'the element');
const feedOf = (el: DataFeed) => inner<Feed>(el, '_feed', 'the element');

function uplotOf(target: Drawn): uPlot {
  if (!(target instanceof HTMLElement)) return target;
  const plot = plotOf(target);
  if (!plot) throw new Error('harness: the element has no chart (not in the document, or not rendered yet)');
  return plot;
}

function seriesOf(target: Drawn, index: number): uPlot.Series {
  const series = uplotOf(target).series[index];
  if (!series) throw new Error(`harness: the chart has no series ${index}`);
  return series;
}

function axisOf(target: Drawn, index: number): uPlot.Axis {
  const axis = uplotOf(target).axes[index];
  if (!axis) throw new Error(`harness: the chart has no axis ${index}`);
  return axis;
}

type Style = CanvasRenderingContext2D['strokeStyle'];
const resolve = (plot: uPlot, index: number, stroke: uPlot.Axis.Stroke | undefined): Style | undefined =>
  typeof stroke === 'function' ? stroke(plot, index) : stroke;

// ——— the chart ——————————————————————————————————————————————————————————————————————

/** The element's live uPlot instance, or null while it has none (its data, scales and cursor are uPlot's public API). */
export function plotOf(el: DataFeed): uPlot | null {
  return chartOf(el).plot;
}

/** The colour series `index` (1-based; 0 is time) was last drawn in: uPlot's resolved `_stroke`. */
export function strokeOf(target: Drawn, index: number): Style | null {
  return inner<Style | null>(seriesOf(target, index), '_stroke', `uPlot's series ${index}`);
}

/** The width series `index` was last drawn with, as uPlot takes it: its paths' `_width`, else the series' `width`. */
export function lineWidthOf(target: Drawn, index: number): number | undefined {
  const series = seriesOf(target, index);
  const paths = inner<{ _width?: number } | null>(series, '_paths', `uPlot's series ${index}`);
  return paths?._width ?? series.width;
}

/** The gaps (pixel spans left blank) in series `index`'s last drawn line: uPlot's `_paths.gaps`. */
export function gapsOf(target: Drawn, index: number): [number, number][] {
  const paths = inner<{ gaps?: [number, number][] | null } | null>(seriesOf(target, index), '_paths', `uPlot's series ${index}`);
  return paths?.gaps ?? [];
}

/** The line dash of series `index` ([] for a solid line). */
export function dashOf(target: Drawn, index: number): number[] {
  return seriesOf(target, index).dash ?? [];
}

/** The colour axis `index` (0: time, 1: values) draws its labels in now (uPlot turns the option into a function). */
export function axisStroke(target: Drawn, index: number): Style | undefined {
  return resolve(uplotOf(target), index, axisOf(target, index).stroke);
}

/** The colour of axis `index`'s grid lines now. */
export function gridStroke(target: Drawn, index: number): Style | undefined {
  return resolve(uplotOf(target), index, axisOf(target, index).grid?.stroke);
}

/** Axis `index`'s ticks as last drawn: their labels, their values (uPlot's `_values`, `_splits`) and the canvas font of the labels. */
export function axisTicks(target: Drawn, index: number): { labels: string[]; at: number[]; font: string } {
  const axis = axisOf(target, index);
  const what = `uPlot's axis ${index}`;
  const font: unknown = axis.font;
  if (!Array.isArray(font)) throw new Error(`harness: ${what}'s font is no longer [font, size] — update test/harness.ts`);
  return {
    labels: (inner<unknown[] | null>(axis, '_values', what) ?? []).map(String),
    at: inner<number[] | null>(axis, '_splits', what) ?? [],
    font: String(font[0]),
  };
}

/** Whether the element's last draw drew the envelope of dense data, and its buckets: held, and listed (held plus those dropped but not yet compacted away). */
export function envelopeStats(el: DataFeed): { enveloped: boolean; buckets: number; listed: number } {
  const chart = chartOf(el);
  const envelope = inner<Envelope>(chart, '_envelope', 'the chart controller');
  return { enveloped: chart.enveloped, buckets: envelope.buckets, listed: inner<unknown[]>(envelope, '_keys', 'the envelope').length };
}

/** The element's envelope of dense data (spy on it with `foldSpy`). */
export function envelopeOf(el: DataFeed): Envelope {
  return inner<Envelope>(chartOf(el), '_envelope', 'the chart controller');
}

/** Spies on the envelope's fold of one point into its bucket (call `restore()` after): the count is the work an update does. */
export function foldSpy(envelope: Envelope): sinon.SinonSpy {
  if (typeof inner<unknown>(envelope, '_fold', 'the envelope') !== 'function') throw new Error('harness: the envelope has no _fold method — update test/harness.ts');
  return sinon.spy(envelope as unknown as Record<string, () => void>, '_fold');
}

/** Spies on the envelope's writing of one bucket's points into the drawn columns (call `restore()` after). */
export function writeSpy(envelope: Envelope): sinon.SinonSpy {
  if (typeof inner<unknown>(envelope, '_write', 'the envelope') !== 'function') throw new Error('harness: the envelope has no _write method — update test/harness.ts');
  return sinon.spy(envelope as unknown as Record<string, () => void>, '_write');
}

// ——— the nodes no part names ———————————————————————————————————————————————————————

/** An element (its shadow root is searched), or a node or document searched as it is (a container uPlot was placed in). */
type Root = Element | Document;

const scope = (root: Root): ParentNode => (root instanceof Element && root.shadowRoot) || root;

/** The node `selector` finds under `root`, or an error naming this file. */
function one<T extends Element>(root: Root, selector: string, what: string): T {
  const node = scope(root).querySelector<T>(selector);
  if (!node) throw new Error(`harness: no ${what} (${selector}): not drawn yet, or moved — update test/harness.ts`);
  return node;
}

const all = <T extends Element>(root: Root, selector: string): T[] => [...scope(root).querySelectorAll<T>(selector)];
const texts = (nodes: Element[]): string[] => nodes.map((node) => node.textContent ?? '');

/** uPlot's root node (`.uplot`), or null while there is no chart. */
export function chartRoot(root: Root): HTMLElement | null {
  return scope(root).querySelector<HTMLElement>('.uplot');
}

/** How many uPlot roots there are under `root` (stale ones included). */
export function chartCount(root: Root): number {
  return all(root, '.uplot').length;
}

/** uPlot's canvas, or null while there is no chart. */
export function plotCanvas(root: Root): HTMLCanvasElement | null {
  return scope(root).querySelector('canvas');
}

/** uPlot's box around the canvas and the cursor layer (`.u-wrap`): laid out by uPlot's own CSS. */
export function plotWrap(root: Root): HTMLElement {
  return one(root, '.u-wrap', "uPlot's plot box");
}

/** uPlot's cursor layer over the plot (`.u-over`): where it listens for the mouse. */
export function cursorLayer(root: Root): HTMLElement {
  return one(root, '.u-over', "uPlot's cursor layer");
}

/** uPlot's cursor marks (its vertical line and a point per series) as placed: each one's class and transform. */
export function cursorMarks(root: Root): string[] {
  return all<HTMLElement>(root, '.u-cursor-x, .u-cursor-pt').map((mark) => `${mark.className} ${mark.style.transform}`);
}

/** The legend's series labels as shown, time first. */
export function legendLabels(root: Root): string[] {
  return texts(all(root, '.u-legend .u-series .u-label'));
}

/** The legend's values as shown (at the cursor), time first. */
export function legendValues(root: Root): string[] {
  return texts(all(root, '.u-legend .u-series .u-value'));
}

/** The legend's colour markers, time's (unpainted) first. */
export function legendMarkers(root: Root): HTMLElement[] {
  return all<HTMLElement>(root, '.u-legend .u-series .u-marker');
}

/** The element's polite live region for announcements (not the status part): where it writes them. */
export function announcer(el: Element): HTMLElement {
  return one(el, '.announcer', 'announcer');
}

/** The element's unseen theme swatches: the eight series colours, then the grid's, the text's and the line width's. */
export function swatches(el: Element): HTMLElement[] {
  return all<HTMLElement>(el, '.swatches > span');
}

// ——— the kept points ————————————————————————————————————————————————————————————————

/** The kept points as the buffer's views, without the copy `el.data` makes (a test may keep a million). */
export function keptColumns(el: DataFeed): Columns {
  return feedOf(el).buffer.columns();
}

/** The buffer of the kept points (its public methods can be spied on: what an update reads). */
export function bufferOf(el: DataFeed): BoundedBuffer {
  return feedOf(el).buffer;
}

/** Bytes the buffer's storage of times holds (each series column holds as many). */
export function storedBytes(el: DataFeed): number {
  return keptColumns(el)[0].buffer.byteLength;
}

/** The append scratch a buffer keeps between calls: points of room (`_at`) and staged value columns (`_staged`). */
export function scratchOf(buffer: BoundedBuffer): { length: number; staged: number } {
  return {
    length: inner<Float64Array>(buffer, '_at', 'the buffer').length,
    staged: inner<Float64Array[]>(buffer, '_staged', 'the buffer').length,
  };
}

// ——— the schedule ———————————————————————————————————————————————————————————————————

/** Whether a call to the source is in flight. */
export function updateInFlight(el: DataFeed): boolean {
  return feedOf(el).scheduler.busy;
}

/** Whether an update waits for the one in flight (the scheduler's `_pending`). */
export function updateWaiting(el: DataFeed): boolean {
  return inner<unknown>(feedOf(el).scheduler, '_pending', 'the scheduler') !== null;
}
