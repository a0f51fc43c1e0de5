import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { CsvError, Options } from 'csv-parse';
import { guardLineLength, maxRecordBytes, recordTooLarge, sampleText, textChunks } from './source-file.ts';
import type { Encoding, SourceFile } from './source-file.ts';

// CSV as spreadsheets and help desks write it: any of , ; tab | as the delimiter (sniffed, or Excel's "sep=;" first
// line), quoted fields with newlines and doubled quotes, CRLF or LF, a UTF-8 BOM, UTF-16 with BOM or Windows-1252
// (source-file sniffs the encoding). Streams: memory holds one record, whatever the size of the file.

export type CsvEvent =
  | { kind: 'header'; line: number; cells: string[] }
  | { kind: 'row'; line: number; cells: string[] }
  | { kind: 'bad'; line: number; reason: string };

export type CsvOptions = { delimiter?: string; encoding?: Encoding };

const CANDIDATES = [',', ';', '\t', '|'] as const;

/**
 * The delimiter whose count is the same on the header and the following records (quotes respected), preferring the
 * one found most often on the header; "," when nothing is conclusive.
 */
export function sniffDelimiter(sample: string): string {
  const counts: Record<string, number>[] = [];
  let current: Record<string, number> = {};
  let inQuote = false;
  for (let i = 0; i < sample.length && counts.length < 20; i++) {
    const ch = sample[i]!;
    if (ch === '"') inQuote = !inQuote;
    else if (!inQuote && ch === '\n') {
      counts.push(current);
      current = {};
    } else if (!inQuote && (CANDIDATES as readonly string[]).includes(ch)) current[ch] = (current[ch] ?? 0) + 1;
  }
  if (counts.length === 0) counts.push(current);
  const header = counts[0]!;
  let best = ',';
  let bestScore = -1;
  for (const c of CANDIDATES) {
    const n = header[c] ?? 0;
    if (n === 0) continue;
    const consistent = counts.slice(1).filter((r) => (r[c] ?? 0) === n).length;
    const score = consistent * 1000 + n;
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/** Excel may write "sep=;" on the first line to name the delimiter. */
function excelSeparator(sample: string): string | null {
  const m = /^sep=(.)\r?\n/i.exec(sample);
  return m ? m[1]! : null;
}

function countBreaks(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}

/** A file that ends in a lone CR (a cut-off CRLF) would leave the CR in the last field. */
async function* withFinalNewline(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let last = '';
  for await (const chunk of chunks) {
    if (chunk.length === 0) continue;
    last = chunk;
    yield chunk;
  }
  if (last.endsWith('\r')) yield '\n';
}

/** Header, then rows; a ragged row or a broken quote is reported with its line and the reading goes on. */
export async function* csvEvents(source: SourceFile, options: CsvOptions = {}): AsyncGenerator<CsvEvent> {
  const file = options.encoding ? { ...source, encoding: options.encoding } : source;
  const sample = sampleText(file);
  const sep = excelSeparator(sample);
  const delimiter = options.delimiter ?? sep ?? sniffDelimiter(sample);
  // Line numbers are counted here from each record's raw text while parsing (csv-parse's own count is off for CRLF
  // inside quotes), so a buffered record still carries the right line.
  let pending: { line: number; reason: string }[] = [];
  let consumed = sep ? 1 : 0;
  const place = (raw: string | undefined): number => {
    const text = raw ?? '';
    const leading = /^(?:\r\n|\r|\n)*/.exec(text)![0];
    const start = consumed + 1 + countBreaks(leading);
    consumed += countBreaks(text);
    return start;
  };
  type Parsed = { cells: string[]; line: number; before: { line: number; reason: string }[] };
  const parser = parse({
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    raw: true,
    bom: true,
    // A record larger than this is refused (and reported with its line), not buffered until memory runs out.
    max_record_size: maxRecordBytes(),
    from_line: sep ? 2 : 1,
    // The typings want on_record to return a record of the input type; it may return any value.
    on_record: ((record: { record: string[]; raw: string }): Parsed => {
      const line = place(record.raw);
      const before = pending;
      pending = [];
      return { cells: record.record, line, before };
    }) as unknown as Options['on_record'],
    on_skip: (err: CsvError | undefined, raw: string | undefined) => {
      if (err?.code === 'CSV_MAX_RECORD_SIZE') {
        // Refused at once, naming where it starts: reading on would only find more of the same record.
        parser.destroy(recordTooLarge(file, consumed + 1, 'record at line'));
        return undefined;
      }
      pending.push({ line: place(raw), reason: (err?.message ?? 'unreadable row').replace(/ at line \d+/, '') });
      return undefined;
    },
  });
  const input = Readable.from(withFinalNewline(guardLineLength(textChunks(file), file)));
  input.on('error', (err: Error) => parser.destroy(err));
  input.pipe(parser);
  let header: string[] | null = null;
  for await (const rec of parser as AsyncIterable<Parsed>) {
    for (const bad of rec.before) yield { kind: 'bad', ...bad };
    const line = rec.line;
    const cells = rec.cells;
    if (cells.length === 1 && cells[0]!.trim() === '') continue;
    if (!header) {
      header = cells;
      yield { kind: 'header', line, cells };
      continue;
    }
    if (cells.length !== header.length) {
      // Trailing empty cells (a trailing delimiter) are harmless; anything else is a ragged row.
      const extraEmpty = cells.length > header.length && cells.slice(header.length).every((c) => c === '');
      if (!extraEmpty) {
        yield { kind: 'bad', line, reason: `this row has ${cells.length} field${cells.length === 1 ? '' : 's'} but the header has ${header.length} columns` };
        continue;
      }
    }
    yield { kind: 'row', line, cells: cells.length > header.length ? cells.slice(0, header.length) : cells };
  }
  for (const bad of pending) yield { kind: 'bad', ...bad };
}

export type CsvRecord = { ok: true; line: number; values: Record<string, string> } | { ok: false; line: number; reason: string };

/** Rows as objects keyed by the header (the csv-spectrum shape). Duplicate header names keep the first column. */
export async function* csvObjects(file: SourceFile, options: CsvOptions = {}): AsyncGenerator<CsvRecord> {
  let header: string[] = [];
  for await (const ev of csvEvents(file, options)) {
    if (ev.kind === 'header') header = ev.cells;
    else if (ev.kind === 'bad') yield { ok: false, line: ev.line, reason: ev.reason };
    else {
      const values: Record<string, string> = {};
      header.forEach((h, i) => {
        if (!(h in values)) values[h] = ev.cells[i] ?? '';
      });
      yield { ok: true, line: ev.line, values };
    }
  }
}

/** Header names compared the forgiving way: case, spaces and punctuation ignored ("Review Created (UTC)" = "reviewcreatedutc"). */
export function headerKey(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The first line of a CSV sample, decoded, for detection. */
function csvHeaderLine(sample: string): string {
  const body = excelSeparator(sample) ? sample.slice(sample.indexOf('\n') + 1) : sample;
  const nl = body.indexOf('\n');
  return (nl === -1 ? body : body.slice(0, nl)).replace(/^\uFEFF/, '').replace(/\r$/, '');
}

/** Splits a header line with the sniffed delimiter (quotes respected), for detection only. */
export function headerCells(sample: string): string[] {
  const line = csvHeaderLine(sample);
  const delimiter = excelSeparator(sample) ?? sniffDelimiter(sample);
  const cells: string[] = [];
  let cur = '';
  let inQuote = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '"') {
      if (inQuote && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else inQuote = !inQuote;
    } else if (ch === delimiter && !inQuote) {
      cells.push(cur);
      cur = '';
    } else cur += ch;
  }
  cells.push(cur);
  return cells.map((c) => c.trim());
}
