import { html, type TemplateResult } from 'lit';
import { formatValue } from './format.js';

/** Most rows the table shows (the newest): a table of a million rows would stall the page. */
const TABLE_ROWS = 500;

/**
 * The table's frame: a caption saying how many points of how many it shows, the header row (time,
 * then a column per series) and an empty body, which `TableRows` fills.
 */
export function tableTemplate(names: readonly string[], count: number, timeHeader: string): TemplateResult {
  const shown = Math.min(count, TABLE_ROWS);
  const caption =
    count === 0 ? 'No points yet' : shown < count ? `Newest ${shown} of ${count} points` : `${count} ${count === 1 ? 'point' : 'points'}, newest first`;
  return html`<table>
    <caption>${caption}</caption>
    <thead>
      <tr>
        <th scope="col">${timeHeader}</th>
        ${names.map((name) => html`<th scope="col">${name}</th>`)}
      </tr>
    </thead>
    <tbody></tbody>
  </table>`;
}

interface Row {
  element: HTMLTableRowElement;
  values: number[];
}

/**
 * The table's rows, newest first (at most `TABLE_ROWS`): a row per kept point, its time as the row
 * header. A row is made once per point and kept while its point is (checked against its values, as
 * another source may answer other values at the same times): an update adds the rows of the points
 * it brought and removes those of the points it dropped, and formats nothing else.
 */
export class TableRows {
  private _rows = new Map<number, Row>();

  /** Forgets every row (the time zone changed: all times read differently). */
  reset(): void {
    this._rows.clear();
  }

  /** Makes `body` hold the rows of `columns`' newest points, times written by `time`. */
  sync(body: HTMLTableSectionElement, columns: readonly ArrayLike<number>[], time: (ms: number) => string): void {
    const [times, ...values] = columns;
    const n = times.length;
    const rows = new Map<number, Row>();
    let next: ChildNode | null = body.firstChild;
    for (let i = n - 1; i >= Math.max(0, n - TABLE_ROWS); i--) {
      const t = times[i];
      let row = this._rows.get(t);
      if (!row || row.values.length !== values.length || row.values.some((v, c) => !Object.is(v, values[c][i]))) row = makeRow(t, values.map((column) => column[i]), time);
      rows.set(t, row);
      if (row.element !== next) body.insertBefore(row.element, next);
      else next = next.nextSibling;
    }
    while (next) {
      const after: ChildNode | null = next.nextSibling;
      next.remove();
      next = after;
    }
    this._rows = rows;
  }
}

function makeRow(t: number, values: number[], time: (ms: number) => string): Row {
  const element = document.createElement('tr');
  const head = element.appendChild(document.createElement('th'));
  head.scope = 'row';
  head.textContent = time(t);
  for (const value of values) element.appendChild(document.createElement('td')).textContent = formatValue(value);
  return { element, values };
}
