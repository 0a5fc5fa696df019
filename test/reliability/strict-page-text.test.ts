import { expect } from '@open-wc/testing';
import { requestedPaths, strictPageReport } from '../strict-page.js';

// test/fixtures/csp-text.html is served with the contract's Content-Security-Policy (see
// web-test-runner.config.mjs) and loads the bundle, as a strict page would.
describe('reliability: text that looks like markup, under the strict CSP', () => {
  it('heading, controls, legend and status show it as text, with no violation, no script run and no request', async () => {
    const result = await strictPageReport('/test/fixtures/csp-text.html');
    const evil = result.evil as string;
    expect(result.enforced, 'the page refuses markup from strings').to.equal(true);
    expect(result.violations).to.deep.equal([]);
    expect(result.errors).to.deep.equal([]);
    expect(result.pwned).to.equal(null);
    expect(result.shown).to.deep.equal({
      heading: `heading: ${evil}`,
      sliderLabel: `slider-label: ${evil}`,
      startButton: `start-label: ${evil}`,
      stopButton: `stop-label: ${evil}`,
      legend: ['Time', evil, '</script>'],
      statusAfterThrow: `Update failed: error: ${evil}`,
      statusAfterReject: `Update failed: rejected: ${evil}`,
      markup: 0,
    });
    expect(requestedPaths(result.resources)).to.deep.equal(['/test/fixtures/csp-text-page.js', '/dist/data-feed.bundle.js']);
  });
});
