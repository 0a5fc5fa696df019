import { expect } from '@open-wc/testing';
import { render } from 'lit';
import sinon from 'sinon';
import { tableTemplate, type Row } from '../../src/text/table.js';

const columns = (times: number[], a: number[]) => [Float64Array.from(times), Float64Array.from(a)];

describe('tableTemplate', () => {
  it('formats a kept point once: the next table formats only the points that are new', () => {
    const time = sinon.spy((ms: number) => `t${ms}`);
    const cache = new Map<number, Row>();
    const host = document.createElement('div');
    render(tableTemplate(['A'], columns([1, 2, 3], [10, 20, 30]), time, 'Time', cache), host);
    expect(time.callCount).to.equal(3);
    render(tableTemplate(['A'], columns([2, 3, 4], [20, 30, 40]), time, 'Time', cache), host);
    expect(time.callCount, 'only the new point').to.equal(4);
    expect([...host.querySelectorAll('tbody th')].map((th) => th.textContent)).to.deep.equal(['t4', 't3', 't2']);
    expect([...cache.keys()].sort(), 'dropped points leave the cache').to.deep.equal([2, 3, 4]);
  });

  it('formats a point again when its values differ (another source at the same times)', () => {
    const time = sinon.spy((ms: number) => `t${ms}`);
    const cache = new Map<number, Row>();
    const host = document.createElement('div');
    render(tableTemplate(['A'], columns([1, 2], [10, 20]), time, 'Time', cache), host);
    render(tableTemplate(['A'], columns([1, 2], [10, NaN]), time, 'Time', cache), host);
    expect(time.callCount).to.equal(3);
    expect([...host.querySelectorAll('tbody td')].map((td) => td.textContent)).to.deep.equal(['–', '10']);
  });
});
