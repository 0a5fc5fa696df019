import { expect } from '@open-wc/testing';
import { uplotStyles } from '../src/uplot.styles.js';

describe('uplotStyles', () => {
  it('is the installed uPlot’s stylesheet, word for word', async () => {
    const installed = await (await fetch('/node_modules/uplot/dist/uPlot.min.css')).text();
    expect(uplotStyles.cssText.trim()).to.equal(installed.trim());
  });
});
