import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { TableRows } from '../../src/text/table.js';

const columns = (times: number[], ...series: number[][]) => [Float64Array.from(times), ...series.map((s) => Float64Array.from(s))];
const texts = (body: HTMLTableSectionElement) => [...body.rows].map((row) => [...row.cells].map((cell) => cell.textContent));

describe('TableRows', () => {
  it('makes a kept point\'s row once: the next update adds the new rows, drops the old, and formats nothing else', () => {
    const time = sinon.spy((ms: number) => `t${ms}`);
    const rows = new TableRows();
    const body = document.createElement('tbody');
    rows.sync(body, columns([1, 2, 3], [10, 20, 30]), time);
    expect(texts(body)).to.deep.equal([['t3', '30'], ['t2', '20'], ['t1', '10']]);
    const kept = body.rows[0];
    rows.sync(body, columns([2, 3, 4], [20, 30, 40]), time);
    expect(time.callCount, 'only the new point is formatted').to.equal(4);
    expect(texts(body)).to.deep.equal([['t4', '40'], ['t3', '30'], ['t2', '20']]);
    expect(body.rows[1], 'the same row element, moved').to.equal(kept);
    expect(body.rows[0].cells[0].getAttribute('scope')).to.equal('row');
  });

  it('makes a row again when its point\'s values differ (another source at the same times, other series)', () => {
    const time = sinon.spy((ms: number) => `t${ms}`);
    const rows = new TableRows();
    const body = document.createElement('tbody');
    rows.sync(body, columns([1, 2], [10, 20]), time);
    rows.sync(body, columns([1, 2], [10, NaN]), time);
    expect(texts(body)).to.deep.equal([['t2', '–'], ['t1', '10']]);
    rows.sync(body, columns([1, 2], [10, NaN], [5, 6]), time);
    expect(texts(body)).to.deep.equal([['t2', '–', '6'], ['t1', '10', '5']]);
    rows.sync(body, columns([]), time);
    expect(body.rows).to.have.length(0);
  });

  it('shows the newest 500 of more', () => {
    const times = Array.from({ length: 600 }, (_, i) => i);
    const body = document.createElement('tbody');
    new TableRows().sync(body, columns(times, times), String);
    expect(body.rows).to.have.length(500);
    expect(body.rows[0].cells[0].textContent).to.equal('599');
  });
});
