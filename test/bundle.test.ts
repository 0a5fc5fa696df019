import { expect } from '@open-wc/testing';
import { requestedPaths, strictPageReport } from './strict-page.js';
import { plotCanvas } from './harness.js';

// Built by `npm run build` (npm test builds first). Imported by URL: it is the file a page loads.
const bundle = '/dist/data-feed.bundle.js';

describe('dist/data-feed.bundle.js', () => {
  it('registers <data-feed> and exports DataFeed, self-contained', async () => {
    const mod = await import(bundle);
    expect(Object.keys(mod)).to.deep.equal(['DataFeed']);
    expect(customElements.get('data-feed')).to.equal(mod.DataFeed);
    const el = document.createElement('data-feed') as HTMLElement & { data: { time: number[] }; updateComplete: Promise<boolean> };
    document.body.append(el);
    await el.updateComplete;
    await new Promise((r) => requestAnimationFrame(r));
    expect(el.data.time).to.have.length(100);
    expect(plotCanvas(el)).to.exist;
    el.remove();
  });

  it('loaded twice, or with the library build, defines the element once without error', async () => {
    const first = customElements.get('data-feed') ?? (await import(bundle)).DataFeed;
    const again = await import(`${bundle}?second-copy`);
    expect(again.DataFeed).not.to.equal(first);
    const library = await import('../src/index.js');
    expect(library.DataFeed).not.to.equal(first);
    expect(customElements.get('data-feed')).to.equal(first);
  });

  it('streams, shows its table and exports under the strict CSP of the contract with no violation and no request of its own', async () => {
    const result = await strictPageReport('/test/fixtures/csp.html');
    expect(result.violations).to.deep.equal([]);
    expect(result.errors).to.deep.equal([]);
    expect(result.defined).to.equal(true);
    expect(result.canvas).to.equal(true);
    expect(result.uplotStyled).to.equal(true);
    expect(result.updates).to.be.at.least(3);
    expect(result.points).to.equal(100);
    expect(result.tableRows, 'aria-rowcount: the header and 100 rows').to.equal('101');
    expect(result.tableRowsMade, 'the rows in view are made').to.be.within(1, 40);
    expect(result.summary).to.match(/^2 series A, B\. 100 points from /);
    expect(result.csvLines, 'header, 100 records, and the empty end').to.equal(102);
    expect(result.png).to.equal('image/png');
    expect(requestedPaths(result.resources)).to.deep.equal(['/test/fixtures/csp-page.js', '/dist/data-feed.bundle.js']);
  });
});
