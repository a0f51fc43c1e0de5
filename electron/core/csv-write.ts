import { stringify } from 'csv-stringify/sync';

// CSV as spreadsheets read it: RFC 4180, CRLF line ends, fields quoted when they hold a quote, a comma or a line
// break. A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return, or their full-width forms)
// as a formula; csv-stringify's escape_formulas gives such text cells a leading apostrophe, the OWASP-recommended
// neutraliser, so the text reads the same and never runs. Numbers are written as numbers (-5 stays -5).

export type CsvCell = string | number | boolean | null;

const OPTIONS = {
  record_delimiter: 'windows',
  quote_record_delimiter: true,
  escape_formulas: true,
  eof: false,
  cast: { boolean: (value: boolean) => String(value) },
} as const;

/**
 * Text csv-stringify writes as it is: no quote, comma or line break, and no first character that could start a
 * formula. csv-stringify makes several arrays and closures per cell; a site's open data has half a million cells,
 * most of them ids, dates and names like these, so only the others are handed to it.
 */
const AS_IS = /^(?:[^=+\-@\t\r\uff1d\uff0b\uff0d\uff20",\n][^",\n\r]*)?$/;

function cell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return AS_IS.test(value) ? value : stringify([[value]], OPTIONS);
}

/** The rows as CSV text, each ending with CRLF. */
export function csvRows(rows: readonly (readonly CsvCell[])[]): string {
  let out = '';
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) out += i === 0 ? cell(row[i]!) : `,${cell(row[i]!)}`;
    out += '\r\n';
  }
  return out;
}
