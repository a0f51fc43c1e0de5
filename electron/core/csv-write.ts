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
  cast: { boolean: (value: boolean) => String(value) },
} as const;

/** The rows as CSV text, each ending with CRLF. */
export function csvRows(rows: readonly (readonly CsvCell[])[]): string {
  return stringify(rows as CsvCell[][], OPTIONS);
}
