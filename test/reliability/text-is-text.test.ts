import { expect, fixtureCleanup, html } from '@open-wc/testing';
import { fakeClock, mount, part } from '../helpers.js';
import { legendLabels } from '../harness.js';

const EVIL = [
  '<img src=x onerror="window.__pwned=1">',
  '</script><script>window.__pwned=2</script>',
  '<b>bold</b> &amp; &lt;i&gt;',
  '<svg onload="window.__pwned=3"></svg>',
];

/** No node but text under `node`: nothing was parsed as markup. */
function expectTextOnly(node: Element, name: string): void {
  const elements = node.querySelectorAll('script, img, b, i, svg, iframe, style');
  expect(elements.length, `${name}: elements parsed from text`).to.equal(0);
}

function expectNothingRan(): void {
  expect((window as { __pwned?: unknown }).__pwned, 'markup ran').to.equal(undefined);
  const fetched = performance.getEntriesByType('resource').filter((entry) => new URL(entry.name).pathname.endsWith('/x'));
  expect(fetched, 'an <img src=x> was fetched').to.deep.equal([]);
}

describe('reliability: text is text', () => {
  afterEach(() => fixtureCleanup());

  for (const evil of EVIL) {
    it(`shows ${JSON.stringify(evil)} as text when set after connect, by property and by attribute`, async () => {
      const el = await mount(html`<data-feed></data-feed>`);
      el.heading = `h ${evil}`;
      el.setAttribute('slider-label', `s ${evil}`);
      el.startLabel = `start ${evil}`;
      el.setAttribute('stop-label', `stop ${evil}`);
      el.series = [`one ${evil}`, 'two'];
      await el.updateComplete;
      await el.refresh();
      expect(part(el, 'heading').textContent).to.equal(`h ${evil}`);
      expect(part<HTMLInputElement>(el, 'slider').labels![0].textContent!.trim()).to.equal(`s ${evil}`);
      expect(part(el, 'start-button').textContent!.trim()).to.equal(`start ${evil}`);
      expect(part(el, 'stop-button').textContent!.trim()).to.equal(`stop ${evil}`);
      expect(legendLabels(el)).to.deep.equal(['Time', `one ${evil}`, 'two']);
      // Renamed again: the legend is rebuilt, still as text.
      el.setAttribute('series', `${evil},b`);
      await el.refresh();
      expect(legendLabels(el)[1]).to.equal(evil);
      for (const name of ['heading', 'controls', 'chart', 'status']) expectTextOnly(part(el, name), name);
      expect(part(el, 'chart').getAttribute('aria-label')).to.contain(evil);
      expectNothingRan();
    });
  }

  it('shows error messages as text, whatever was thrown or rejected', async () => {
    const clock = fakeClock();
    try {
      const evil = EVIL.join(' '); // under the 200 characters a status shows
      const failures: [unknown, string][] = [
        [new Error(evil), evil],
        [new TypeError(evil), evil],
        [evil, evil],
        [{ toString: () => evil }, evil],
        [Object.assign(new Error(''), { name: evil }), evil],
      ];
      let next = 0;
      const el = await mount(html`<data-feed .source=${() => Promise.reject(failures[next][0])}></data-feed>`);
      for (next = 0; next < failures.length; next++) {
        await el.refresh().catch(() => undefined);
        await el.updateComplete;
        const status = part(el, 'status');
        expect(status.textContent, `failure ${next}`).to.equal(`Update failed: ${failures[next][1]}`);
        expectTextOnly(status, 'status');
      }
      expectNothingRan();
    } finally {
      clock.restore();
    }
  });
});
