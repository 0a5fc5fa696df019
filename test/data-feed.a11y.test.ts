import { expect, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { itInChromium, pressChord, resetMedia } from './engine.js';
import { T0, afterHeldDraw, mount, nextFrame, part, stepSource, useFakeClock } from './helpers.js';
import type { DataFeed } from '../src/data-feed.js';
import { announcer, dashOf, legendMarkers, swatches } from './harness.js';

/** The element (or node) that has the focus, looking into shadow roots. */
function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The channels of a computed `rgb(…)` colour. */
const rgb = (colour: string) => colour.match(/[\d.]+/g)!.slice(0, 3).map(Number);

/** WCAG contrast ratio of two sRGB colours. */
function contrast(a: number[], b: number[]): number {
  const luminance = (c: number[]) => {
    const [r, g, bl] = c.map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('<data-feed>: accessibility', () => {
  describe('the chart in words', () => {
    const clock = useFakeClock();

    it('the chart has an accessible name and is described by a summary: series, points, time span, latest values', async () => {
      const el = await mount(html`<data-feed time-zone="UTC" .source=${stepSource()}></data-feed>`);
      const chart = part(el, 'chart');
      expect(chart.getAttribute('role')).to.equal('img');
      expect(chart.getAttribute('aria-label')).to.equal('Line chart of A, B, live');
      const summary = el.shadowRoot!.getElementById(chart.getAttribute('aria-describedby')!)!;
      expect(summary).to.equal(part(el, 'summary'));
      const last = el.data.time.at(-1)!;
      expect(summary.textContent).to.match(/^2 series A, B\. 100 points from .*11:59:10 .* to .*11:59:59\.500.* \(49\.5 s\)\. Latest: /);
      const format = new Intl.NumberFormat(undefined, { maximumFractionDigits: 3 }).format;
      expect(summary.textContent).to.match(new RegExp(`Latest: A ${format(last / 1000)}, B ${format(last / 1000 + 1)}\\.$`));
    });

    itInChromium('the browser gives the chart that name and description in its accessibility tree', 'a11ySnapshot', async () => {
      const { a11ySnapshot, findAccessibilityNode } = await import('@web/test-runner-commands');
      const el = await mount(html`<data-feed .source=${stepSource()}></data-feed>`);
      type Node = { role: string; name: string; description?: string; children: Node[] };
      // Typed as void, the snapshot is the page's accessibility tree.
      const tree = (await a11ySnapshot({})) as unknown as Node;
      const chart = findAccessibilityNode<Node>(tree, (node) => node.role === 'image' && node.name === 'Line chart of A, B, live');
      expect(chart, 'the chart in the accessibility tree').not.to.equal(null);
      expect(chart!.description).to.equal(part(el, 'summary').textContent);
      expect(chart!.description).to.match(/^2 series A, B\. 100 points /);
    });

    it('the summary follows the data', async () => {
      const el = await mount(html`<data-feed capacity="3" .source=${stepSource()}></data-feed>`);
      expect(part(el, 'summary').textContent).to.match(/^2 series A, B\. 3 points from .* \(1 s\)\./);
      el.append({ time: [T0 + 1], values: [[42], [43]] });
      await afterHeldDraw();
      expect(part(el, 'summary').textContent).to.match(/Latest: A 42, B 43\.$/);
    });

    it('while streaming the summary is rewritten at most once every 5 s; stopping makes it exact at once', async () => {
      const el = await mount(html`<data-feed time-zone="UTC" .source=${stepSource()}></data-feed>`);
      const summary = part(el, 'summary');
      el.start();
      const written: string[] = [summary.textContent!];
      for (let second = 1; second <= 20; second++) {
        await clock.tickAsync(1000);
        await afterHeldDraw();
        if (summary.textContent !== written.at(-1)) written.push(summary.textContent!);
      }
      // 20 updates with new points in 20 s: rewritten at 0 (start), 5, 10, 15 and 20 s.
      expect(written.length - 1).to.be.within(4, 5);
      el.stop();
      const latest = el.data.values.map((column) => column.at(-1));
      const format = new Intl.NumberFormat(undefined, { maximumFractionDigits: 3 }).format;
      expect(summary.textContent).to.match(new RegExp(`Latest: A ${format(latest[0]!)}, B ${format(latest[1]!)}\\.$`));
      expect(summary.textContent, 'the newest point, at 20 s less one sample period').to.contain('12:00:19.500');
    });

    it('announces new data politely while streaming, at most once every 5 s, not on every update', async () => {
      const el = await mount(html`<data-feed .source=${stepSource()}></data-feed>`);
      const live = announcer(el);
      expect(live.getAttribute('aria-live')).to.equal('polite');
      expect(live.getAttribute('role'), 'a region of its own, not a second status').to.equal(null);
      expect(live.textContent, 'the first load is summarised, not announced').to.equal('');
      el.start(); // nothing new yet at the start: the first points come a second later
      const told: string[] = [];
      for (let second = 1; second <= 20; second++) {
        await clock.tickAsync(1000);
        await afterHeldDraw();
        if (live.textContent !== (told.at(-1) ?? '')) told.push(live.textContent!);
      }
      // 20 updates with new points in 20 s: told at 1, 6, 11 and 16 s.
      expect(told).to.have.length(4);
      for (const text of told) expect(text).to.match(/^New data at .*: A .*, B .*\.$/);
      el.stop();
      await clock.tickAsync(10_000);
      el.append({ time: [Date.now() + 1], values: [[1], [2]] });
      await afterHeldDraw();
      expect(live.textContent, 'points pushed while stopped are not announced').to.equal(told.at(-1));
    });
  });

  describe('table view', () => {
    /** The table's rows that stand for points (not the empty rows for those out of view). */
    const tableRows = (el: DataFeed) => [...part(el, 'table').querySelectorAll<HTMLTableRowElement>('tbody tr[aria-rowindex]')];
    useFakeClock();

    it('the table attribute shows the kept points as a table, newest first, times as row headers', async () => {
      const el = await mount(html`<data-feed table time-zone="UTC" capacity="4" .source=${stepSource()}></data-feed>`);
      const region = part(el, 'table');
      expect(region.getAttribute('role')).to.equal('region');
      expect(region.getAttribute('aria-label')).to.equal('Data feed: data table');
      expect(region.tabIndex, 'a scrollable region keyboard users can reach').to.equal(0);
      const table = region.querySelector('table')!;
      expect(table.caption!.textContent).to.equal('4 points, newest first');
      const head = Array.from(table.tHead!.rows[0].cells, (c) => c.textContent!.trim());
      expect(head).to.deep.equal(['Time (UTC)', 'A', 'B']);
      expect(table.getAttribute('aria-rowcount'), 'the header and 4 rows').to.equal('5');
      const rows = tableRows(el);
      expect(rows).to.have.length(4);
      expect(rows.map((row) => row.getAttribute('aria-rowindex'))).to.deep.equal(['2', '3', '4', '5']);
      const { time, values } = el.data;
      rows.forEach((row, k) => {
        const i = 3 - k;
        expect(row.cells[0].tagName).to.equal('TH');
        expect(row.cells[0].getAttribute('scope')).to.equal('row');
        expect(row.cells[0].textContent).to.contain(new Date(time[i]).toISOString().slice(11, 19));
        const format = new Intl.NumberFormat(undefined, { maximumFractionDigits: 3 });
        expect(row.cells[1].textContent).to.equal(format.format(values[0][i]));
        expect(row.cells[2].textContent).to.equal(format.format(values[1][i]));
      });
    });

    it('follows new data, and shows the newest 500 rows of a larger buffer', async () => {
      const el = await mount(html`<data-feed table capacity="1000" backfill="1000" .source=${stepSource()}></data-feed>`);
      const table = () => part(el, 'table').querySelector('table')!;
      expect(table().caption!.textContent).to.equal('Newest 500 of 1000 points');
      expect(table().getAttribute('aria-rowcount')).to.equal('501');
      el.append({ time: [T0 + 1], values: [[42], [43]] });
      await afterHeldDraw();
      expect(Array.from(tableRows(el)[0].cells, (c) => c.textContent)).to.deep.equal([
        new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3 }).format(T0 + 1),
        '42',
        '43',
      ]);
    });

    /** Scrolls the table of 1000 points (500 shown) to several places and checks the row in the middle of the view. */
    async function checkScrolled(): Promise<void> {
      const el = await mount(html`<data-feed table time-zone="UTC" capacity="1000" backfill="1000" .source=${stepSource()}></data-feed>`);
      const region = part(el, 'table');
      await afterHeldDraw();
      expect(tableRows(el).length, 'a screenful and a few, not 500').to.be.within(10, 40);
      const row = tableRows(el)[1].getBoundingClientRect().height;
      const head = region.querySelector('tbody')!.getBoundingClientRect().top - region.querySelector('table')!.getBoundingClientRect().top;
      expect(region.scrollHeight, 'as tall as 500 rows under the header').to.be.closeTo(head + 500 * row, row);
      const { time } = el.data;
      for (const at of [0.5, 0.25, 1]) {
        region.scrollTop = at * (region.scrollHeight - region.clientHeight);
        await new Promise((resolve) => region.addEventListener('scroll', resolve, { once: true }));
        await nextFrame();
        const box = region.getBoundingClientRect();
        const hit = el.shadowRoot!.elementFromPoint(box.left + 20, box.top + box.height / 2)!.closest('tr')!;
        const k = Number(hit.getAttribute('aria-rowindex')) - 2;
        expect(k, `the row in the middle of the view, scrolled to ${at}`).to.be.within(0, 499);
        expect(hit.cells[0].textContent, `row ${k}: the ${k}th newest point`).to.contain(new Date(time[time.length - 1 - k]).toISOString().slice(11, 19));
        const expected = Math.floor((region.scrollTop + box.height / 2 - head) / row);
        expect(k, 'where a full table would have it').to.be.closeTo(expected, 1);
      }
      expect(tableRows(el).at(-1)!.getAttribute('aria-rowindex'), 'at the bottom, the last row').to.equal('501');
      expect(tableRows(el).length).to.be.within(10, 40);
    }

    it('makes only the rows in view: scrolled anywhere, the row on screen is the right point, and the scroll spans all 500', checkScrolled);

    it('places the rows right when their height is not a whole number of pixels', async () => {
      const root = document.documentElement;
      root.style.fontSize = '15.3px';
      try {
        await checkScrolled();
      } finally {
        root.style.fontSize = '';
      }
    });

    it('the "Show table" button toggles the table and says so with aria-pressed', async () => {
      const el = await mount(html`<data-feed .source=${stepSource()}></data-feed>`);
      const button = part<HTMLButtonElement>(el, 'table-button');
      expect(button.textContent!.trim()).to.equal('Show table');
      expect(button.getAttribute('aria-pressed')).to.equal('false');
      expect(part(el, 'table')).to.equal(null);
      button.click();
      await el.updateComplete;
      expect(el.table).to.equal(true);
      expect(el.hasAttribute('table')).to.equal(true);
      expect(button.getAttribute('aria-pressed')).to.equal('true');
      expect(part(el, 'table').querySelector('table')!.getAttribute('aria-rowcount')).to.equal(String(el.data.time.length + 1));
      button.click();
      await el.updateComplete;
      expect(el.hasAttribute('table')).to.equal(false);
      expect(part(el, 'table')).to.equal(null);
    });

    it('table-label and download-label change the button texts', async () => {
      const el = await mount(html`<data-feed table-label="Tabelle" download-label="CSV laden" .source=${stepSource()}></data-feed>`);
      expect(part(el, 'table-button').textContent!.trim()).to.equal('Tabelle');
      expect(part(el, 'download-button').textContent!.trim()).to.equal('CSV laden');
    });
  });

  describe('keyboard', () => {
    // Key presses reach a page only while it has the focus (Firefox's Downloads panel once took it).
    beforeEach(() => expect(document.hasFocus(), 'the test page has the focus').to.equal(true));
    afterEach(() => document.querySelectorAll('.outside').forEach((n) => n.remove()));

    it('Tab goes through slider, start, table and download (not the disabled stop), then the chart, the table, then out: no trap', async () => {
      const before = Object.assign(document.createElement('button'), { className: 'outside', textContent: 'before' });
      document.body.append(before);
      const el = await mount(html`<data-feed table .source=${stepSource()}></data-feed>`);
      const after = Object.assign(document.createElement('button'), { className: 'outside', textContent: 'after' });
      document.body.append(after);
      before.focus();
      const order: (string | null)[] = [];
      for (let i = 0; i < 7; i++) {
        await sendKeys({ press: 'Tab' });
        const node = focused();
        order.push(node === after ? 'after' : (node?.getAttribute('part') ?? null));
      }
      expect(order).to.deep.equal(['slider', 'start-button', 'table-button', 'download-button', 'chart', 'table', 'after']);
      await pressChord('Shift', 'Tab');
      expect(focused()).to.equal(part(el, 'table'));
    });

    it('Enter on Start starts and hands focus to Stop; Space on Stop stops and hands it back', async () => {
      const el = await mount(html`<data-feed .source=${stepSource()}></data-feed>`);
      part(el, 'start-button').focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(el.streaming).to.equal(true);
      expect(focused()).to.equal(part(el, 'stop-button'));
      await sendKeys({ press: ' ' });
      await el.updateComplete;
      expect(el.streaming).to.equal(false);
      expect(focused()).to.equal(part(el, 'start-button'));
    });

    it('Enter on "Show table" shows the table; arrow keys move the slider', async () => {
      const el = await mount(html`<data-feed .source=${stepSource()}></data-feed>`);
      part(el, 'table-button').focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(el.table).to.equal(true);
      part(el, 'slider').focus();
      await sendKeys({ press: 'ArrowLeft' });
      expect(el.interval).to.be.closeTo(0.99, 1e-9);
      await sendKeys({ press: 'End' });
      expect(el.interval).to.equal(5);
    });

    it('shows where the focus is: an outline on every control reached with the keyboard', async () => {
      const el = await mount(html`<data-feed table .source=${stepSource()}></data-feed>`);
      part(el, 'slider').focus();
      for (const name of ['start-button', 'table-button', 'download-button', 'chart', 'table']) {
        await sendKeys({ press: 'Tab' });
        expect(focused()).to.equal(part(el, name));
        const style = getComputedStyle(part(el, name));
        expect(style.outlineStyle, name).to.equal('solid');
        expect(parseFloat(style.outlineWidth), name).to.be.at.least(2);
      }
    });
  });

  describe('without colour and without motion', () => {
    afterEach(resetMedia);

    it('each series has its own line dash, shown in the legend too', async () => {
      const el = await mount(html`<data-feed series="A,B,C" .source=${stepSource(500, 3)}></data-feed>`);
      const dashes = el.series.map((_, i) => JSON.stringify(dashOf(el, i + 1)));
      expect(new Set(dashes).size).to.equal(3);
      const markers = legendMarkers(el).slice(1).map((m) => m.style.borderStyle);
      expect(markers).to.deep.equal(['solid', 'dashed', 'dotted']);
    });

    it('dense data (more points than pixels) is drawn solid, cheaper to paint; the legend keeps the dashes', async () => {
      const el = await mount(html`<data-feed style="width: 500px" capacity="20000" .source=${() => ({ time: [], values: [[], []] })}></data-feed>`);
      const time = Array.from({ length: 20_000 }, (_, i) => T0 + i);
      el.append({ time, values: [time.map(Math.sin), time.map(Math.cos)] });
      await el.refresh();
      expect(dashOf(el, 2)).to.deep.equal([]);
      el.clear();
      el.append({ time: [T0, T0 + 1000, T0 + 2000], values: [[1, 2, 3], [3, 2, 1]] });
      await el.refresh();
      expect(dashOf(el, 2).length, 'sparse again: dashed again').to.be.greaterThan(0);
      const markers = legendMarkers(el).slice(1).map((m) => m.style.borderStyle);
      expect(markers).to.deep.equal(['solid', 'dashed']);
    });

    for (const scheme of ['light', 'dark'] as const) {
      // The host's color-scheme picks the light-dark() side as prefers-color-scheme would (that
      // the media query does so is tested in the render tests), with no emulation: all engines.
      it(`every default line colour stands out from the ${scheme} surface by at least 3:1`, async () => {
        const el = await mount(html`<data-feed style="color-scheme: ${scheme}" .source=${stepSource()}></data-feed>`);
        const background = rgb(getComputedStyle(el).backgroundColor);
        expect(background).to.deep.equal(scheme === 'dark' ? [14, 17, 23] : [255, 255, 255]);
        // The eight series swatches (then the grid's and the text's), each read as its background.
        const series = swatches(el).slice(0, 8);
        expect(series).to.have.length(8);
        for (const swatch of series) {
          const colour = getComputedStyle(swatch).backgroundColor;
          expect(contrast(rgb(colour), background), colour).to.be.at.least(3);
        }
      });
    }

    itInChromium('nothing eases under prefers-reduced-motion', 'emulateMedia', async () => {
      const el = await mount(html`<data-feed .source=${stepSource()}></data-feed>`);
      const button = part(el, 'start-button');
      expect(getComputedStyle(button).transitionDuration).not.to.match(/^0s(, 0s)*$/);
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(getComputedStyle(button).transitionDuration).to.match(/^0s(, 0s)*$/);
    });
  });

  describe('axe-core audit: zero violations', () => {
    afterEach(resetMedia);

    it('sees inside the shadow root: a button without a name fails it', async () => {
      const el = await mount(html`<data-feed .source=${stepSource()}></data-feed>`);
      part(el, 'start-button').textContent = '';
      await expect(el).not.to.be.accessible();
    });

    it('static, after the first load', async () => {
      const el = await mount(html`<data-feed .source=${stepSource()}></data-feed>`);
      await expect(el).to.be.accessible();
    });

    it('streaming', async () => {
      const el = await mount(html`<data-feed streaming .source=${stepSource()}></data-feed>`);
      await afterHeldDraw();
      await expect(el).to.be.accessible();
    });

    it('after a failed update (status shown)', async () => {
      const el = await mount(html`<data-feed .source=${() => Promise.reject(new Error('feed down'))}></data-feed>`);
      await el.refresh().catch(() => {});
      await el.updateComplete;
      expect(part(el, 'status').textContent).to.contain('feed down');
      await expect(el).to.be.accessible();
    });

    it('with the table shown', async () => {
      const el = await mount(html`<data-feed table .source=${stepSource()}></data-feed>`);
      await expect(el).to.be.accessible();
    });

    it('dark', async () => {
      const el = await mount(html`<data-feed table style="color-scheme: dark" .source=${stepSource()}></data-feed>`);
      expect(getComputedStyle(el).backgroundColor).to.equal('rgb(14, 17, 23)');
      await expect(el).to.be.accessible();
    });

    it('without controls and without a heading', async () => {
      const el = await mount(html`<data-feed no-controls heading="" .source=${stepSource()}></data-feed>`);
      await expect(el).to.be.accessible();
    });

    it('zoomed, "Follow live" shown over the focusable chart', async () => {
      const el = await mount(html`<data-feed .source=${stepSource()}></data-feed>`);
      el.view = { from: Date.now() - 40_000, to: Date.now() - 20_000 };
      await el.updateComplete;
      expect(part(el, 'live-button')).to.exist;
      await expect(el).to.be.accessible();
    });
  });
});
