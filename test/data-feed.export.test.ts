import { expect, html } from '@open-wc/testing';
import sinon from 'sinon';
import { mount, part, stepSource, useFakeClock } from './helpers.js';
import { plotCanvas } from './harness.js';
import { parseCSV, readIsoTime } from './export/csv-reader.js';

/** Reads a CSV from `toCSV()` back into the shape of `data`. */
function readBack(csv: string) {
  const [header, ...records] = parseCSV(csv);
  return {
    header,
    time: records.map((r) => readIsoTime(r[0])),
    values: header.slice(1).map((_, c) => records.map((r) => (r[c + 1] === '' ? NaN : Number(r[c + 1])))),
  };
}

describe('<data-feed>: export', () => {
  describe('toCSV()', () => {
    useFakeClock();

    it('round-trips the kept points of the built-in generator exactly', async () => {
      const el = await mount(html`<data-feed></data-feed>`);
      const back = readBack(el.toCSV());
      expect(back.header).to.deep.equal(['time', 'A', 'B']);
      expect({ time: back.time, values: back.values }).to.deep.equal(el.data);
      expect(back.time).to.have.length(100);
    });

    it('round-trips gaps, fractions of a millisecond and series names that need quoting', async () => {
      const el = await mount(html`<data-feed .series=${['x, "y"', 'z']} .source=${() => ({ time: [], values: [[], []] })}></data-feed>`);
      el.append({ time: [1.5, 2.25, 1e12 + 0.125], values: [[NaN, -0, 1e-300], [0.1 + 0.2, -1e300, NaN]] });
      const csv = el.toCSV();
      expect(csv.split('\r\n')[0]).to.equal('time,"x, ""y""",z');
      const back = readBack(csv);
      expect(back.header).to.deep.equal(['time', 'x, "y"', 'z']);
      expect({ time: back.time, values: back.values }).to.deep.equal(el.data);
    });
  });

  describe('the "Download CSV" control', () => {
    afterEach(() => sinon.restore());

    it('downloads toCSV() as data-feed.csv, text/csv', async () => {
      const el = await mount(html`<data-feed .source=${stepSource()}></data-feed>`);
      const button = part<HTMLButtonElement>(el, 'download-button');
      expect(button.tagName).to.equal('BUTTON');
      expect(button.textContent!.trim()).to.equal('Download CSV');
      let link: HTMLAnchorElement | null = null;
      let body: Promise<Response> | null = null;
      sinon.stub(HTMLAnchorElement.prototype, 'click').callsFake(function (this: HTMLAnchorElement) {
        link = this;
        body = fetch(this.href); // before the URL is revoked
      });
      button.click();
      expect(link!.download).to.equal('data-feed.csv');
      const response = await body!;
      expect(response.headers.get('content-type')).to.equal('text/csv;charset=utf-8');
      expect(await response.text()).to.equal(el.toCSV());
    });

    it('is hidden with no-controls', async () => {
      const el = await mount(html`<data-feed no-controls .source=${stepSource()}></data-feed>`);
      expect(part(el, 'download-button')).to.equal(null);
      expect(part(el, 'table-button')).to.equal(null);
    });
  });

  describe('toPNG()', () => {
    it('resolves to a PNG of the drawn chart, axes included, on the element background', async () => {
      const el = await mount(html`<data-feed style="--data-feed-background: rgb(255, 0, 0); --data-feed-line-width: 2px" .source=${stepSource()}></data-feed>`);
      const blob = await el.toPNG();
      expect(blob.type).to.equal('image/png');
      const canvas = plotCanvas(el)!;
      const image = await createImageBitmap(blob);
      expect([image.width, image.height]).to.deep.equal([canvas.width, canvas.height]);
      const probe = new OffscreenCanvas(image.width, image.height).getContext('2d')!;
      probe.drawImage(image, 0, 0);
      // A corner outside the plot is the background; the plot itself has the lines drawn in it.
      expect(Array.from(probe.getImageData(0, 0, 1, 1).data)).to.deep.equal([255, 0, 0, 255]);
      const plot = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      const copy = probe.getImageData(0, 0, canvas.width, canvas.height).data;
      let opaque = 0;
      let differ = 0;
      for (let i = 0; i < plot.length; i += 4) {
        if (plot[i + 3] !== 255) continue;
        opaque++;
        if (plot[i] !== copy[i] || plot[i + 1] !== copy[i + 1] || plot[i + 2] !== copy[i + 2]) differ++;
      }
      expect(opaque, 'opaque pixels drawn on the chart').to.be.greaterThan(300);
      expect(differ, 'of them, not the same in the image').to.equal(0);
    });

    it('rejects while the element is not in the document', async () => {
      const el = await mount(html`<data-feed .source=${stepSource()}></data-feed>`);
      el.remove();
      const error = await el.toPNG().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(Error);
      expect((error as Error).message).to.match(/not in the document/);
    });
  });
});
