import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import '../src/index.js';
import type { DataFeed } from '../src/index.js';
import { feed, seriesCount, type FeedArgs } from './feed.js';
import { feedIn, feedsIn, loaded, part, record } from './play.js';
import { flakySines, pointAt, silentSource, sineSource, wave } from './sources.js';

/** Number controls step like the values they set; out-of-range values are allowed (the element clamps them). */
const stepping = (step: number) => ({ control: { type: 'number' as const, step } });

const meta = {
  title: 'Data feed',
  component: 'data-feed',
  render: (args) => feed(args),
  args: {
    'data-feed-start': fn(),
    'data-feed-stop': fn(),
    'data-feed-interval-change': fn(),
    'data-feed-update': fn(),
    'data-feed-error': fn(),
    'data-feed-view-change': fn(),
  },
  argTypes: {
    interval: stepping(0.1),
    'min-interval': stepping(0.1),
    'max-interval': stepping(0.1),
    step: stepping(0.01),
    capacity: stepping(1),
    backfill: stepping(1),
    'sample-period': stepping(0.1),
  },
} satisfies Meta<FeedArgs>;

export default meta;
type Story = StoryObj<FeedArgs>;

/**
 * What a page sees first: the built-in random series backfilled once (the newest 100 points of the
 * last 60 s), not streaming. The test starts streaming with the button, waits for an update, stops
 * it, then moves the slider.
 */
export const StaticFirstLoad: Story = {
  name: 'Static first load',
  play: async ({ canvasElement, args, step }) => {
    const el = await feedIn(canvasElement);
    await loaded(el);
    await expect(el.streaming).toBe(false);
    await expect(part<HTMLButtonElement>(el, 'stop-button').disabled).toBe(true);

    await step('start → update → stop', async () => {
      const events = record(el);
      await userEvent.click(part(el, 'start-button'));
      await expect(el.streaming).toBe(true);
      await expect(el.hasAttribute('streaming')).toBe(true);
      await waitFor(() => expect(events['data-feed-update'].length).toBeGreaterThan(0), { timeout: 4000 });
      await userEvent.click(part(el, 'stop-button'));
      await expect(el.streaming).toBe(false);
      await expect(events['data-feed-start']).toEqual([{ interval: 1 }]);
      await expect(events['data-feed-stop']).toEqual([{}]);
      await expect(args['data-feed-start']).toHaveBeenCalledTimes(1);
      await expect(args['data-feed-stop']).toHaveBeenCalledTimes(1);
      await el.updateComplete;
      await expect(part<HTMLButtonElement>(el, 'start-button').disabled).toBe(false);
      await expect(part<HTMLButtonElement>(el, 'stop-button').disabled).toBe(true);
    });

    await step('the slider sets the interval', async () => {
      const events = record(el);
      const slider = part<HTMLInputElement>(el, 'slider');
      slider.value = '2.5';
      slider.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await expect(el.interval).toBe(2.5);
      await expect(el.getAttribute('interval')).toBe('2.5');
      await expect(events['data-feed-interval-change']).toEqual([{ interval: 2.5 }]);
      await expect(args['data-feed-interval-change']).toHaveBeenCalledWith({ interval: 2.5 });
      // Moving the slider while stopped changes the interval only.
      await expect(el.streaming).toBe(false);
      await expect(events['data-feed-update']).toEqual([]);
    });
  },
};

/** Streaming from the start (`streaming` attribute): a new point every 0.5 s, checked every second. */
export const Streaming: Story = {
  args: { streaming: true },
  play: async ({ canvasElement }) => {
    const el = await feedIn(canvasElement);
    const events = record(el);
    await waitFor(() => expect(events['data-feed-update'].length).toBeGreaterThan(0), { timeout: 4000 });
    await expect(el.streaming).toBe(true);
    await expect(part<HTMLButtonElement>(el, 'start-button').disabled).toBe(true);
    // Attribute values present at connect are the initial state: no start event.
    await expect(events['data-feed-start']).toEqual([]);
  },
};

/** The shortest interval the slider allows, 0.5 s. */
export const Fastest: Story = {
  name: 'Fastest (0.5 s)',
  args: { streaming: true, interval: 0.5 },
  play: async ({ canvasElement }) => {
    const el = await feedIn(canvasElement);
    await expect(el.interval).toBe(0.5);
    await expect(part<HTMLInputElement>(el, 'slider').value).toBe('0.5');
  },
};

/** The longest interval the slider allows, 5 s. */
export const Slowest: Story = {
  name: 'Slowest (5 s)',
  args: { streaming: true, interval: 5 },
  play: async ({ canvasElement }) => {
    const el = await feedIn(canvasElement);
    await expect(el.interval).toBe(5);
    await expect(part<HTMLInputElement>(el, 'slider').value).toBe('5');
  },
};

/** Three named series, each its own colour and legend entry. */
export const ThreeSeries: Story = {
  name: 'Three series',
  args: { series: 'Temperature,Pressure,Humidity', streaming: true },
  play: async ({ canvasElement }) => {
    const el = await feedIn(canvasElement);
    await loaded(el);
    await expect(el.series).toEqual(['Temperature', 'Pressure', 'Humidity']);
    await expect(el.data.values).toHaveLength(3);
  },
};

/**
 * 100,000 points kept and drawn, streaming: the built-in generator makes a point every millisecond,
 * so the first load fills the buffer and every update adds about a thousand.
 */
export const LargeBuffer: Story = {
  name: 'Large buffer',
  args: { streaming: true, capacity: 100_000, 'sample-period': 0.001, backfill: 120 },
  play: async ({ canvasElement }) => {
    const el = await feedIn(canvasElement);
    const events = record(el);
    await waitFor(() => expect(events['data-feed-update'].at(-1)?.size).toBe(100_000), { timeout: 5000 });
  },
};

/**
 * The page drives the element: `no-controls` hides the built-in slider and buttons, the page's own
 * buttons call `start()` and `stop()`, and the readout beside them is fed by the element's events, so
 * it stays in step however streaming is turned on or off.
 */
export const HostControlled: Story = {
  name: 'Host-controlled',
  args: { 'no-controls': true, heading: 'Driven by the page' },
  render: (args) => html`<div
    class="host"
    @data-feed-start=${showState}
    @data-feed-stop=${showState}
    @data-feed-interval-change=${showState}
    @data-feed-update=${showState}
  >
    <div style="display: flex; gap: 0.5rem; align-items: center; font-family: system-ui, sans-serif">
      <button type="button" ?disabled=${args.streaming ?? false} @click=${(e: Event) => hostFeed(e).start()}>Start</button>
      <button type="button" ?disabled=${!args.streaming} @click=${(e: Event) => hostFeed(e).stop()}>Stop</button>
      <output>${args.streaming ? 'Streaming' : 'Stopped'}</output>
    </div>
    ${feed(args)}
  </div>`,
  play: async ({ canvasElement }) => {
    const el = await feedIn(canvasElement);
    await loaded(el);
    await expect(el.shadowRoot?.querySelector('[part="controls"]')).toBeNull();
    const [start, stop] = canvasElement.querySelectorAll<HTMLButtonElement>('.host button');
    const readout = canvasElement.querySelector('.host output')!;

    await userEvent.click(start);
    await expect(el.streaming).toBe(true);
    await expect(start.disabled).toBe(true);
    await expect(stop.disabled).toBe(false);
    await waitFor(() => expect(readout.textContent).toMatch(/^Streaming every 1 s · \d+ points$/), { timeout: 4000 });

    // Stopped by the element's own method, not the page's button: the page's buttons follow.
    el.stop();
    await expect(start.disabled).toBe(false);
    await expect(stop.disabled).toBe(true);
    await expect(readout.textContent).toMatch(/^Stopped · \d+ points$/);
  },
};

function hostFeed(event: Event): DataFeed {
  return (event.currentTarget as HTMLElement).closest('.host')!.querySelector('data-feed')!;
}

/** Keeps the page's buttons and readout in step with the element, from its events. */
function showState(event: Event): void {
  const host = event.currentTarget as HTMLElement;
  const el = host.querySelector('data-feed')!;
  const [start, stop] = host.querySelectorAll<HTMLButtonElement>('button');
  const readout = host.querySelector('output')!;
  if (event.type === 'data-feed-update') readout.dataset.size = String((event as CustomEvent<{ size: number }>).detail.size);
  start.disabled = el.streaming;
  stop.disabled = !el.streaming;
  const state = el.streaming ? `Streaming every ${el.interval} s` : 'Stopped';
  readout.textContent = readout.dataset.size ? `${state} · ${readout.dataset.size} points` : state;
}

/**
 * A deterministic source: sine waves on a 100 ms grid, `source = (since, now) => ({ time, values })`
 * with every time strictly after `since` and before `now`, in ms since the epoch.
 */
export const CustomSource: Story = {
  name: 'Custom source',
  args: { series: 'slow,medium,fast', streaming: true, heading: 'Sine waves' },
  render: (args) => feed(args, { source: sineSource(seriesCount(args)) }),
  play: async ({ canvasElement }) => {
    const el = await feedIn(canvasElement);
    await loaded(el);
    const { time, values } = el.data;
    await expect(time.every((t, k) => t % 100 === 0 && (k === 0 || t > time[k - 1]))).toBe(true);
    await expect(values.every((column, i) => column.every((v, k) => Math.abs(v - wave(i, time[k])) < 1e-9))).toBe(true);
  },
};

/**
 * A source that throws on every other call. The status part shows the error until the next good
 * update, the chart keeps its last good points, and streaming goes on.
 */
export const FailingSource: Story = {
  name: 'Failing source',
  args: { streaming: true, interval: 0.5, heading: 'Flaky sensor' },
  loaders: [() => ({ flaky: flakySines() })],
  render: (args, { loaded: { flaky } }) => feed(args, { source: flaky(seriesCount(args)) }),
  play: async ({ canvasElement }) => {
    const el = await feedIn(canvasElement);
    const events = record(el);
    const keptAtError: number[] = [];
    el.addEventListener('data-feed-error', () => keptAtError.push(el.data.time.length));
    const status = part(el, 'status');
    await waitFor(() => expect(events['data-feed-error'].length).toBeGreaterThan(0), { timeout: 4000 });
    await expect(events['data-feed-error'][0].error).toBeInstanceOf(Error);
    await expect(keptAtError[0]).toBeGreaterThan(0); // the last good points stay
    await el.updateComplete;
    await expect(status.textContent).toMatch(/sensor offline/);
    await expect(el.streaming).toBe(true);
    // The next call succeeds: an update, and the message goes.
    await waitFor(() => expect(events.order.lastIndexOf('data-feed-update')).toBeGreaterThan(events.order.indexOf('data-feed-error')), { timeout: 4000 });
    await el.updateComplete;
    await expect(status.textContent?.trim()).toBe('');
  },
};

/**
 * The page pushes a point every 250 ms with `append({ time, values })`; the element's own source
 * has nothing to add, so its controls are hidden. The timer stops when the story unmounts.
 */
export const PushedData: Story = {
  name: 'Pushed data',
  args: { series: 'left,right', heading: 'Pushed by the page', 'no-controls': true },
  render: (args) => feed(args, { source: silentSource(seriesCount(args)) }),
  beforeEach: ({ canvasElement }) => {
    const timer = setInterval(() => {
      const el = canvasElement.querySelector('data-feed');
      el?.append(pointAt(Date.now(), el.series.length));
    }, 250);
    return () => clearInterval(timer);
  },
  play: async ({ canvasElement }) => {
    const el = await feedIn(canvasElement);
    const events = record(el);
    await waitFor(() => expect(events['data-feed-update'].length).toBeGreaterThanOrEqual(2), { timeout: 4000 });
    await expect(events['data-feed-update'].every((d) => d.added === 1)).toBe(true);
    await expect(el.streaming).toBe(false);
  },
};

/** In a 320 px wide container the controls sit above the chart instead of beside it. */
export const NarrowContainer: Story = {
  name: 'Narrow container',
  render: (args) => html`<div style="width: 320px; outline: 1px dashed #8888">${feed(args)}</div>`,
  play: async ({ canvasElement }) => {
    const el = await feedIn(canvasElement);
    await loaded(el);
    await expect(el.getBoundingClientRect().width).toBe(320);
    const controls = part(el, 'controls').getBoundingClientRect();
    const chart = part(el, 'chart').getBoundingClientRect();
    await expect(controls.bottom).toBeLessThanOrEqual(chart.top);
    await expect(chart.right).toBeLessThanOrEqual(el.getBoundingClientRect().right);
  },
};

/** Every text the element shows can be given in another language (here German). */
export const LocalisedLabels: Story = {
  name: 'Localised labels',
  args: {
    heading: 'Datenstrom',
    'slider-label': 'Auf Aktualisierungen prüfen alle: (Sekunden)',
    'start-label': 'Streaming starten',
    'stop-label': 'Streaming beenden',
    'table-label': 'Tabelle zeigen',
    'download-label': 'CSV herunterladen',
  },
  play: async ({ canvasElement }) => {
    const el = await feedIn(canvasElement);
    const root = within(el.shadowRoot as unknown as HTMLElement);
    await expect(root.getByRole('heading', { name: 'Datenstrom' })).toBeTruthy();
    await expect(root.getByRole('slider', { name: 'Auf Aktualisierungen prüfen alle: (Sekunden)' })).toBe(part(el, 'slider'));
    await expect(root.getByRole('button', { name: 'Streaming starten' })).toBe(part(el, 'start-button'));
    await expect(root.getByRole('button', { name: 'Streaming beenden' })).toBe(part(el, 'stop-button'));
    await expect(root.getByRole('button', { name: 'Tabelle zeigen' })).toBe(part(el, 'table-button'));
    await expect(root.getByRole('button', { name: 'CSV herunterladen' })).toBe(part(el, 'download-button'));
  },
};

/**
 * The data as a table under the chart, newest first, for screen-reader and keyboard users (the
 * `table` attribute, or the "Show table" button), here with times in UTC. The test streams and
 * checks the table follows, then hides it with the button.
 */
export const TableView: Story = {
  name: 'Table view',
  args: { table: true, 'time-zone': 'UTC' },
  play: async ({ canvasElement }) => {
    const el = await feedIn(canvasElement);
    await loaded(el);
    // The table holds a row per kept point (aria-rowcount, with the header row) and makes those in view.
    const rowCount = () => part(el, 'table').querySelector('table')?.getAttribute('aria-rowcount');
    await waitFor(() => expect(rowCount()).toBe(String(el.data.time.length + 1)));
    await expect(part(el, 'table').querySelectorAll('tbody tr[aria-rowindex]').length).toBeGreaterThan(0);
    await expect(part(el, 'table').querySelector('thead th')?.textContent).toBe('Time (UTC)');
    await expect(part(el, 'table-button').getAttribute('aria-pressed')).toBe('true');
    const events = record(el);
    el.start();
    await waitFor(() => expect(events['data-feed-update'].length).toBeGreaterThan(0), { timeout: 4000 });
    el.stop();
    await userEvent.click(part(el, 'table-button'));
    await expect(el.table).toBe(false);
    await expect(el.shadowRoot!.querySelector('[part=table]')).toBe(null);
  },
};

/**
 * Dark: `color-scheme: dark` on the element (or `prefers-color-scheme: dark` on the page) paints a
 * dark surface and palette.
 */
export const Dark: Story = {
  render: (args) => html`<style>
      .dark data-feed { color-scheme: dark; }
    </style>
    <div class="dark">${feed(args)}</div>`,
  play: async ({ canvasElement }) => {
    const el = await feedIn(canvasElement);
    await loaded(el);
    await expect(getComputedStyle(el).backgroundColor).toBe('rgb(14, 17, 23)');
    await expect(getComputedStyle(el).color).toBe('rgb(250, 250, 250)');
  },
};

/**
 * Theming from the page: custom properties for colours, font and height, and `::part()` for the
 * controls (the example in the README).
 */
export const Themed: Story = {
  render: (args) => html`<style>
      .brand data-feed {
        --data-feed-series-1: #7b2ff7;
        --data-feed-series-2: #f107a3;
        --data-feed-background: transparent;
        --data-feed-text: #1d1d3b;
        --data-feed-grid: rgb(29 29 59 / 0.12);
        --data-feed-chart-height: 220px;
      }
      .brand data-feed::part(heading) { font-size: 1.125rem; text-transform: uppercase; letter-spacing: 0.05em; }
      .brand data-feed::part(start-button) { background: #7b2ff7; color: white; border-color: transparent; }
    </style>
    <div class="brand" style="background: linear-gradient(135deg, #fdf4ff, #eef2ff)">${feed(args)}</div>`,
  play: async ({ canvasElement }) => {
    const el = await feedIn(canvasElement);
    await loaded(el);
    await expect(getComputedStyle(part(el, 'start-button')).backgroundColor).toBe('rgb(123, 47, 247)');
    await expect(getComputedStyle(el).backgroundColor).toBe('rgba(0, 0, 0, 0)');
    await expect(part(el, 'heading').getBoundingClientRect().height).toBeGreaterThan(0);
  },
};

/** Times in another zone: the axis, legend and summary in Tokyo time (`time-zone="Asia/Tokyo"`). */
export const TimeZone: Story = {
  name: 'Time zone',
  args: { 'time-zone': 'Asia/Tokyo', heading: 'Tokyo time' },
  play: async ({ canvasElement }) => {
    const el = await feedIn(canvasElement);
    await loaded(el);
    await expect(el.timeZone).toBe('Asia/Tokyo');
    await expect(part(el, 'summary').textContent).toMatch(/^2 series A, B\. 1?\d+ points from /);
  },
};

/** A dashboard: twelve independent elements in a grid, each with its own data and controls. */
export const ManyInstances: Story = {
  name: 'Many instances',
  render: (args) => html`<div style="display: grid; grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr)); gap: 1rem">
    ${Array.from({ length: 12 }, (_, i) => feed(args, { heading: `${args.heading ?? 'Feed'} ${i + 1}` }))}
  </div>`,
  play: async ({ canvasElement }) => {
    const feeds = await feedsIn(canvasElement);
    await expect(feeds).toHaveLength(12);
    await Promise.all(feeds.map((el) => loaded(el)));
    // Each has its own random data.
    await expect(new Set(feeds.map((el) => el.data.values[0][0])).size).toBe(12);
  },
};

/**
 * Zoomed: a streaming chart holding the range from 40 s to 10 s ago still (`view`), while points keep
 * arriving. A drag across the plot zooms elsewhere; a double-click, `Escape` on the focused plot or
 * "Follow live" return to the live view. The test checks the range holds through an update, then
 * follows live with the button.
 */
export const Zoomed: Story = {
  args: { streaming: true, capacity: 1000, 'time-zone': 'UTC' },
  render: (args) => feed(args, { view: { from: Date.now() - 40_000, to: Date.now() - 10_000 } }),
  play: async ({ canvasElement, args }) => {
    const el = await feedIn(canvasElement);
    await loaded(el);
    const view = el.view!;
    await expect(view.to - view.from).toBe(30_000);
    const events = record(el);
    const size = el.data.time.length;
    await waitFor(() => expect(el.data.time.length).toBeGreaterThan(size), { timeout: 4000 });
    await expect(el.view).toBe(view);
    await expect(el.streaming).toBe(true);
    await el.updateComplete;
    await expect(part(el, 'chart').getAttribute('aria-label')).toMatch(/^Line chart of A, B, from .* to /);
    await userEvent.click(part(el, 'live-button'));
    await expect(el.view).toBeNull();
    await expect(events['data-feed-view-change']).toEqual([{ view: null }]);
    await expect(args['data-feed-view-change']).toHaveBeenCalledWith({ view: null });
    await el.updateComplete;
    await expect(el.shadowRoot!.querySelector('[part~="live-button"]')).toBeNull();
  },
};

/**
 * Two charts with the same `sync`: the cursor over one shows each legend's values at that time, and
 * zooming one (drag, keys, `view`) zooms the other; each tells of it with its own event.
 */
export const SyncedPair: Story = {
  name: 'Synced pair',
  args: { sync: 'pair', streaming: true, 'no-controls': true },
  render: (args) => html`<div style="display: grid; gap: 1rem">
    ${feed(args, { heading: 'Left' })} ${feed({ ...args, series: 'C,D' }, { heading: 'Right' })}
  </div>`,
  play: async ({ canvasElement }) => {
    const [left, right] = await feedsIn(canvasElement);
    await Promise.all([loaded(left), loaded(right)]);
    const [a, b] = [record(left), record(right)];
    const now = Date.now();
    left.view = { from: now - 30_000, to: now - 10_000 };
    await expect(right.view).toEqual(left.view);
    // Keys pressed on the right chart's plot (where its keydown listener is, inside the shadow root).
    const press = (key: string) => part(right, 'chart').dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
    press('ArrowLeft');
    await expect(left.view).toEqual({ from: now - 32_000, to: now - 12_000 });
    press('Escape');
    await expect([left.view, right.view]).toEqual([null, null]);
    await expect(a['data-feed-view-change']).toHaveLength(3);
    await expect(b['data-feed-view-change']).toHaveLength(3);
  },
};
