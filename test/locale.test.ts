import { expect } from '@open-wc/testing';
import { strictPageReport } from './strict-page.js';

// uPlot formats numbers with `new Intl.NumberFormat(navigator.language)` when its module is
// evaluated; a language such as "C" (WebKitGTK under LANG=C.UTF-8) makes that throw. Each case
// loads a fresh copy of the element in a page that reports "C", before uPlot is evaluated.
describe('a browser whose navigator.language is not a language tag ("C")', () => {
  for (const [name, module] of [
    ['the bundle', '/dist/data-feed.bundle.js'],
    ['the library build from source', '/src/index.ts'],
  ]) {
    it(`${name} registers the element, which draws, and the page keeps its own language`, async () => {
      const report = await strictPageReport(`/test/fixtures/language.html?module=${encodeURIComponent(module)}`);
      expect(report.errors).to.deep.equal([]);
      expect(report.defined).to.equal(true);
      expect(report.points).to.equal(100);
      expect(report.canvas).to.equal(true);
      expect(report.language).to.equal('C');
    });
  }
});
