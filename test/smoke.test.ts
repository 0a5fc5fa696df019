import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import type { DataFeed } from '../src/data-feed.js';

describe('smoke', () => {
  it('renders', async () => {
    const el = await fixture<DataFeed>(html`<data-feed></data-feed>`);
    await new Promise((r) => requestAnimationFrame(r));
    await new Promise((r) => setTimeout(r, 300));
    console.log(el.data.time.length, el.shadowRoot!.innerHTML.length, el.getBoundingClientRect().height);
    expect(el.data.time.length).to.equal(100);
  });
});
