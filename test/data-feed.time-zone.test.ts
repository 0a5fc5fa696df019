import { expect, html } from '@open-wc/testing';
import sinon from 'sinon';
import type { DataFeed } from '../src/data-feed.js';
import { T0, mount, part, useFakeClock } from './helpers.js';
import { axisTicks, legendValues, plotOf } from './harness.js';

/** The time axis' labels as last drawn, joined. */
const timeLabels = (el: DataFeed) => axisTicks(el, 0).labels.join(' ');
const empty = () => ({ time: [], values: [[], []] });

/** Points every `span / 50` ms over the `span` ms before T0. */
function across(span: number) {
  const time = Array.from({ length: 51 }, (_, k) => T0 - span + (k * span) / 50);
  return { time, values: [time.map(Math.sin), time.map(Math.cos)] };
}

describe('<data-feed>: time zones and the time axis', () => {
  useFakeClock();
  afterEach(() => sinon.restore());

  it('defaults to the browser time zone; time-zone takes an IANA name or UTC, canonically', async () => {
    const el = await mount(html`<data-feed .source=${empty}></data-feed>`);
    expect(el.timeZone).to.equal('');
    el.setAttribute('time-zone', 'utc');
    expect(el.timeZone).to.equal('UTC');
    el.timeZone = 'Asia/Tokyo';
    expect(el.timeZone).to.equal('Asia/Tokyo');
    el.removeAttribute('time-zone');
    expect(el.timeZone).to.equal('');
  });

  it('the axis and the legend show times in that zone', async () => {
    const el = await mount(html`<data-feed time-zone="Asia/Tokyo" .source=${empty}></data-feed>`);
    el.append({ time: [T0 - 3_600_000, T0], values: [[1, 2], [3, 4]] });
    await el.refresh();
    // T0 is 12:00 UTC, 21:00 in Tokyo.
    expect(timeLabels(el)).to.match(/(^|\D)(9|21):00/);
    const plot = plotOf(el)!;
    plot.setCursor({ left: plot.valToPos(T0, 'x'), top: 10 });
    const legendTime = legendValues(el)[0];
    expect(legendTime).to.match(/09:00:00 PM|21:00:00/);
    el.timeZone = 'UTC';
    await el.updateComplete;
    expect(timeLabels(el)).to.match(/(^|\D)12:00/);
  });

  it('a name the browser does not know keeps the zone held and warns once, naming the attribute', async () => {
    const warn = sinon.stub(console, 'warn');
    const el = await mount(html`<data-feed time-zone="Europe/Berlin" .source=${empty}></data-feed>`);
    el.setAttribute('time-zone', 'Mars/Olympus');
    expect(el.timeZone).to.equal('Europe/Berlin');
    expect(warn.callCount).to.equal(1);
    expect(warn.firstCall.args[0]).to.match(/attribute time-zone = "Mars\/Olympus".*keeping "Europe\/Berlin"/);
    el.timeZone = 42 as unknown as string;
    expect(warn.callCount).to.equal(2);
    expect(warn.secondCall.args[0]).to.match(/property timeZone = 42/);
  });

  for (const width of [800, 320]) {
    it(`time axis labels stay readable at every span from 1 s to 1 day (${width} px)`, async () => {
      const el = await mount(html`<data-feed no-controls time-zone="UTC" style="width: ${width}px" .source=${empty}></data-feed>`);
      for (const span of [1_000, 10_000, 60_000, 600_000, 3_600_000, 6 * 3_600_000, 86_400_000]) {
        el.clear();
        el.append(across(span));
        await el.refresh();
        const plot = plotOf(el)!;
        const axis = axisTicks(plot, 0);
        const labels = axis.labels;
        expect(labels.length, `${span} ms: ticks`).to.be.at.least(2);
        // Each label says something, and no two neighbours say the same.
        for (let i = 0; i < labels.length; i++) {
          expect(labels[i].trim(), `${span} ms: label ${i}`).not.to.equal('');
          if (i > 0) expect(labels[i], `${span} ms: labels ${i - 1} and ${i}`).not.to.equal(labels[i - 1]);
        }
        // No label runs into another on the same line of text (the date line comes under some ticks only).
        const ctx = plot.ctx;
        ctx.font = axis.font;
        const pos = axis.at.map((s) => plot.valToPos(s, 'x'));
        const lines = labels.map((label) => label.split('\n'));
        for (let line = 0; line < 2; line++) {
          const placed = lines.flatMap((text, i) => (text[line] ? [{ at: pos[i], text: text[line], width: ctx.measureText(text[line]).width / devicePixelRatio }] : []));
          for (let k = 1; k < placed.length; k++) {
            const [a, b] = [placed[k - 1], placed[k]];
            const need = (a.width + b.width) / 2 + 4;
            expect(need, `${span} ms at ${width} px: "${a.text}" and "${b.text}" ${(b.at - a.at).toFixed(1)} px apart`).to.be.below(b.at - a.at);
          }
        }
      }
    });
  }

  it('the legend and the table read the time zone too; the CSV stays UTC', async () => {
    const el = await mount(html`<data-feed table time-zone="America/New_York" .source=${empty}></data-feed>`);
    el.append({ time: [T0], values: [[1], [2]] });
    await el.refresh();
    const header = part(el, 'table').querySelector('thead th')!.textContent;
    expect(header).to.equal('Time (America/New_York)');
    expect(part(el, 'table').querySelector('tbody th')!.textContent).to.match(/07:00:00/);
    expect(el.toCSV().split('\r\n')[1]).to.equal('2026-01-01T12:00:00.000Z,1,2');
  });
});
