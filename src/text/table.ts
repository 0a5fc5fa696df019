import { html, type TemplateResult } from 'lit';
import { formatValue } from './format.js';

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
): TemplateResult {
  const [times, ...values] = columns;
  const n = times.length;
  const shown = Math.min(n, TABLE_ROWS);
  const caption = n === 0 ? 'No points yet' : shown < n ? `Newest ${shown} of ${n} points` : `${n} ${n === 1 ? 'point' : 'points'}, newest first`;
  const rows: number[] = [];
  for (let i = n - 1; i >= n - shown; i--) rows.push(i);
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
        (i) => html`<tr>
          <th scope="row">${time(times[i])}</th>
          ${values.map((column) => html`<td>${formatValue(column[i])}</td>`)}
        </tr>`,
      )}
    </tbody>
  </table>`;
}
