import { expect } from '@open-wc/testing';

/** Reads the CSV back as RFC 4180 says: quoted fields may hold commas, quotes and line breaks. */
export function parseCSV(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
      else if (c === '"') (quoted = false), i++;
      else (field += c), i++;
    } else if (c === '"') (quoted = true), i++;
    else if (c === ',') record.push(field), (field = ''), i++;
    else if (c === '\r' && text[i + 1] === '\n') record.push(field), records.push(record), (record = []), (field = ''), (i += 2);
    else (field += c), i++;
  }
  expect(field, 'text after the last CRLF').to.equal('');
  return records;
}

/** An ISO 8601 UTC time read back to ms, fraction of a millisecond included. */
export function readIsoTime(text: string): number {
  const match = /^(.*\.\d{3})(\d*)Z$/.exec(text);
  if (!match) return Number(text);
  return Date.parse(`${match[1]}Z`) + (match[2] ? Number(`0.${match[2]}`) : 0);
}
