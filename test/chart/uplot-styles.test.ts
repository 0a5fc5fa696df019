import { expect } from '@open-wc/testing';
import { uplotStyles } from '../../src/chart/uplot.styles.js';

/** What src/chart/uplot.styles.ts leaves out of uPlot's stylesheet: selector → properties ('*': all). */
const LEFT_OUT: Record<string, string[]> = {
  '.uplot': ['font-family', 'width'], // the element sets its own
  '.u-title': ['*'], // the chart has no title
  '.u-inline:not(.u-live) .u-value': ['*'], // the legend is always live
  '.u-vt .u-cursor-x': ['*'], // vertical charts only
  '.u-vt .u-cursor-y': ['*'],
};

/** Every (selector, property) → "value priority" of a stylesheet's text, longhands as the browser reads them. */
function declarations(text: string): Map<string, string> {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  const out = new Map<string, string>();
  for (const rule of Array.from(sheet.cssRules) as CSSStyleRule[]) {
    for (const selector of rule.selectorText.split(',').map((s) => s.trim())) {
      for (const property of Array.from(rule.style)) {
        out.set(`${selector} { ${property} }`, `${rule.style.getPropertyValue(property)} ${rule.style.getPropertyPriority(property)}`);
      }
    }
  }
  return out;
}

describe('uplotStyles', () => {
  let installed: Map<string, string>;
  let kept: Map<string, string>;
  before(async () => {
    installed = declarations(await (await fetch('/node_modules/uplot/dist/uPlot.min.css')).text());
    kept = declarations(uplotStyles.cssText);
  });

  it('keeps only declarations of the installed uPlot’s stylesheet, word for word', () => {
    for (const [key, value] of kept) expect(installed.get(key), key).to.equal(value);
  });

  it('leaves out only what it says it leaves out', () => {
    const missing = [...installed.keys()].filter((key) => !kept.has(key));
    const unexplained = missing.filter((key) => {
      const [, selector, property] = /^(.*) \{ (.*) \}$/.exec(key)!;
      const listed = LEFT_OUT[selector];
      return !listed || !(listed.includes('*') || listed.some((p) => property === p || property.startsWith(`${p}-`)));
    });
    expect(unexplained).to.deep.equal([]);
    expect(missing.length, 'something is left out').to.be.above(0);
  });
});
