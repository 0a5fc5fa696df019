import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { TableRows, rowWindow, type TableView } from '../../src/text/table.js';

const columns = (times: number[], ...series: number[][]) => [Float64Array.from(times), ...series.map((s) => Float64Array.from(s))];
/** The rows standing for points (not the two empty rows either side of them). */
const made = (body: HTMLTableSectionElement) => [...body.rows].filter((row) => row.hasAttribute('aria-rowindex'));
const texts = (body: HTMLTableSectionElement) => made(body).map((row) => [...row.cells].map((cell) => cell.textContent));
const unknown: TableView = { top: 0, height: 0, row: 0 };

describe('TableRows', () => {
  it('makes a kept point\'s row once: the next update adds the new rows, drops the old, and formats nothing else', () => {
    const time = sinon.spy((ms: number) => `t${ms}`);
    const rows = new TableRows();
    const body = document.createElement('tbody');
    rows.sync(body, columns([1, 2, 3], [10, 20, 30]), time, unknown);
    expect(texts(body)).to.deep.equal([['t3', '30'], ['t2', '20'], ['t1', '10']]);
    const kept = made(body)[0];
    rows.sync(body, columns([2, 3, 4], [20, 30, 40]), time, unknown);
    expect(time.callCount, 'only the new point is formatted').to.equal(4);
    expect(texts(body)).to.deep.equal([['t4', '40'], ['t3', '30'], ['t2', '20']]);
    expect(made(body)[1], 'the same row element, moved').to.equal(kept);
    expect(made(body)[0].cells[0].getAttribute('scope')).to.equal('row');
    expect(made(body).map((row) => row.getAttribute('aria-rowindex')), 'the header row is row 1').to.deep.equal(['2', '3', '4']);
  });

  it('makes a row again when its point\'s values differ (another source at the same times, other series)', () => {
    const time = sinon.spy((ms: number) => `t${ms}`);
    const rows = new TableRows();
    const body = document.createElement('tbody');
    rows.sync(body, columns([1, 2], [10, 20]), time, unknown);
    rows.sync(body, columns([1, 2], [10, NaN]), time, unknown);
    expect(texts(body)).to.deep.equal([['t2', '–'], ['t1', '10']]);
    rows.sync(body, columns([1, 2], [10, NaN], [5, 6]), time, unknown);
    expect(texts(body)).to.deep.equal([['t2', '–', '6'], ['t1', '10', '5']]);
    rows.sync(body, columns([]), time, unknown);
    expect(made(body)).to.have.length(0);
  });

  it('makes only the rows in view, between empty rows as tall as the rows left out, hidden from assistive technology', () => {
    const times = Array.from({ length: 600 }, (_, i) => i);
    const body = document.createElement('tbody');
    const rows = new TableRows();
    rows.sync(body, columns(times, times), String, unknown);
    expect(texts(body)[0], 'before its size is known, the newest rows').to.deep.equal(['599', '599']);
    expect(made(body)).to.have.length(40);
    // 200 px scrolled in a view 100 px tall, rows 20 px: rows 10 to 14 show, 8 to 16 are made.
    rows.sync(body, columns(times, times), String, { top: 200, height: 100, row: 20 });
    expect(texts(body).map(([t]) => t)).to.deep.equal(Array.from({ length: 9 }, (_, k) => String(599 - 8 - k)));
    expect(made(body)[0].getAttribute('aria-rowindex')).to.equal('10');
    const [above, below] = [body.rows[0], body.rows[body.rows.length - 1]];
    expect([above.style.height, below.style.height], 'of the newest 500: 8 above, 483 below').to.deep.equal(['160px', `${483 * 20}px`]);
    expect([above.getAttribute('aria-hidden'), below.getAttribute('aria-hidden')]).to.deep.equal(['true', 'true']);
    expect(above.cells).to.have.length(0);
  });

  it('rowWindow: the rows in view and two more either side, within the rows shown', () => {
    expect(rowWindow(500, unknown)).to.deep.equal([0, 40]);
    expect(rowWindow(10, unknown)).to.deep.equal([0, 10]);
    expect(rowWindow(500, { top: 0, height: 300, row: 20 })).to.deep.equal([0, 19]);
    expect(rowWindow(500, { top: 1000, height: 300, row: 20 })).to.deep.equal([48, 67]);
    expect(rowWindow(500, { top: 9900, height: 300, row: 20 })).to.deep.equal([493, 500]);
    expect(rowWindow(3, { top: 9900, height: 300, row: 20 }), 'scrolled past what is left').to.deep.equal([3, 3]);
  });
});
