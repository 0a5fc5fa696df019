import { html, type TemplateResult } from 'lit';
import { formatValue } from './format.js';

/** A kept point's values and its formatted cells (time first). */
export interface Row {
  values: number[];
  cells: string[];
}

/** Most rows the table shows (the newest): a table of a million rows would stall the page. */
const TABLE_ROWS = 500;

/**
 * The kept points as a table, newest first: a row per point, its time as the row header, a
 * column per series. At most `TABLE_ROWS` rows; the caption says how many of how many.
 */
export function tableTemplate(
  names: readonly string[],
  columns: readonly ArrayLike<number>[],
  time: (ms: number) => string,
  timeHeader: string,
  cache = new Map<number, Row>(),
): TemplateResult {
  const [times, ...values] = columns;
  const n = times.length;
  const shown = Math.min(n, TABLE_ROWS);
  const caption = n === 0 ? 'No points yet' : shown < n ? `Newest ${shown} of ${n} points` : `${n} ${n === 1 ? 'point' : 'points'}, newest first`;
  // A kept point's texts are formatted once: an update formats only the points it brought.
  const rows: Row[] = [];
  const kept = new Map<number, Row>();
  for (let i = n - 1; i >= n - shown; i--) {
    const t = times[i];
    let row = cache.get(t);
    if (!row || row.values.some((v, c) => !Object.is(v, values[c][i]))) {
      const rowValues = values.map((column) => column[i]);
      row = { values: rowValues, cells: [time(t), ...rowValues.map(formatValue)] };
    }
    kept.set(t, row);
    rows.push(row);
  }
  cache.clear();
  for (const [t, row] of kept) cache.set(t, row);
  return html`<table>
    <caption>${caption}</caption>
    <thead>
      <tr>
        <th scope="col">${timeHeader}</th>
        ${names.map((name) => html`<th scope="col">${name}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        ({ cells: [head, ...cells] }) => html`<tr>
          <th scope="row">${head}</th>
          ${cells.map((cell) => html`<td>${cell}</td>`)}
        </tr>`,
      )}
    </tbody>
  </table>`;
}
