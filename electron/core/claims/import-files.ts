// Reads claims files: {"claims":[...]} JSON (the reference's field names) or CSV (header in docs/formats/claims.md),
// into records not yet validated, each with its file and record number or line. A file that cannot be read as a
// whole (unreadable, wrong shape, bad header) is an error; a bad record is only marked, for the import to report.
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { CandorError } from '../errors.ts';
import type { ErrorLocation } from '../errors.ts';
import { ClaimFile } from '../../shared/claims/model.ts';
import type { ClaimImportFormat } from '../../shared/claims/import-report.ts';

/** One record read from a file, not yet validated. */
export type RawRecord = { location: ErrorLocation; value: unknown } | { location: ErrorLocation; error: string };

// ---------------------------------------------------------------------------------------------------------------
// JSON

function jsonLineOf(text: string, err: unknown): number | undefined {
  const m = /position (\d+)/.exec(err instanceof Error ? err.message : '');
  if (!m) {
    const lm = /line (\d+)/.exec(err instanceof Error ? err.message : '');
    return lm ? Number(lm[1]) : undefined;
  }
  return text.slice(0, Number(m[1])).split('\n').length;
}

function readJson(file: string, text: string): RawRecord[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const line = jsonLineOf(text, err);
    throw new CandorError('BAD_FILE', `${file}${line ? ` line ${line}` : ''}: not valid JSON (${(err as Error).message}).`, { file, line });
  }
  const shape = ClaimFile.safeParse(data);
  if (!shape.success) {
    throw new CandorError('BAD_FILE', `${file}: expected {"claims": [...]} (one object per claim, fields as in docs/formats/claims.md).`, { file });
  }
  return shape.data.claims.map((value, i) => ({ location: { file, record: i + 1 }, value }));
}

// ---------------------------------------------------------------------------------------------------------------
// CSV

/** The documented CSV header (docs/formats/claims.md). One row per claim, or per evidence item of a claim. */
const CSV_CLAIM_COLUMNS = [
  'id', 'title', 'statement', 'markets', 'category', 'scope', 'scope_detail', 'metric', 'unit', 'baseline_value', 'baseline_year',
  'target_value', 'target_year', 'current_value', 'current_as_of', 'comparison_basis', 'uses_offsets', 'label', 'owner', 'language',
] as const;
const CSV_EVIDENCE_COLUMNS = [
  'evidence_type', 'evidence_title', 'evidence_issuer', 'evidence_independent_third_party', 'evidence_issued', 'evidence_valid_until',
  'evidence_covers', 'evidence_url', 'evidence_file',
] as const;
const CSV_REQUIRED = ['id', 'statement', 'markets', 'category', 'scope'] as const;
const CSV_COLUMNS: readonly string[] = [...CSV_CLAIM_COLUMNS, ...CSV_EVIDENCE_COLUMNS];

type CsvRow = { line: number; cells: Record<string, string> };

function headerName(h: string): string {
  return h.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

function csvRows(file: string, text: string): CsvRow[] {
  let parsed: { record: string[]; info: { lines: number; empty_lines: number } }[];
  try {
    parsed = parseCsv(text, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true, trim: false }) as unknown as typeof parsed;
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw new CandorError('BAD_FILE', `${file}${line ? ` line ${line}` : ''}: not valid CSV (${(err as Error).message}).`, { file, line });
  }
  const [head, ...body] = parsed;
  if (!head) throw new CandorError('EMPTY_FILE', `${file}: the file is empty; nothing to import.`, { file });
  const names = head.record.map(headerName);
  const unknown = names.filter((n) => n && !CSV_COLUMNS.includes(n));
  if (unknown.length) {
    throw new CandorError('BAD_FILE', `${file} line ${head.info.lines}: unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}. The columns are: ${CSV_COLUMNS.join(', ')}.`, { file, line: head.info.lines });
  }
  const missing = CSV_REQUIRED.filter((c) => !names.includes(c));
  if (missing.length) throw new CandorError('BAD_FILE', `${file} line ${head.info.lines}: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}.`, { file, line: head.info.lines });
  const dup = names.find((n, i) => n && names.indexOf(n) !== i);
  if (dup) throw new CandorError('BAD_FILE', `${file} line ${head.info.lines}: the column "${dup}" appears twice.`, { file, line: head.info.lines });
  let prev = head.info;
  return body.map(({ record, info }) => {
    const line = prev.lines + 1 + (info.empty_lines - prev.empty_lines);
    prev = info;
    const cells: Record<string, string> = {};
    names.forEach((n, i) => { if (n) cells[n] = (record[i] ?? '').trim(); });
    return { line, cells };
  });
}

/** "1,200,000" / "0.3" / "" -> number | null; anything else is kept for the schema to reject with its column. */
function numberCell(v: string): number | string | null {
  if (v === '') return null;
  const plain = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(v) ? v.replace(/,/g, '') : v;
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : v;
}

function boolCell(v: string): boolean | string | null {
  const s = v.trim().toLowerCase();
  if (['', 'unknown', 'null', 'n/a', '?'].includes(s)) return null;
  if (['true', 'yes', 'y', '1'].includes(s)) return true;
  if (['false', 'no', 'n', '0'].includes(s)) return false;
  return v;
}

function listCell(v: string): string[] {
  return v.split(/[;|]/).map((s) => s.trim()).filter(Boolean);
}

function yearValue(value: string, year: string, name: string): unknown {
  if (value === '' && year === '') return null;
  const v = numberCell(value);
  const y = numberCell(year);
  if (value === '' || year === '') return { value: v ?? `(missing ${name}_value)`, year: y ?? `(missing ${name}_year)` };
  return { value: v, year: y };
}

/** Claim columns of one row (empty cells left out, so a continuation row can leave them blank). */
function claimCells(c: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const text = (k: string) => { if (c[k]) out[k] = c[k]; };
  ['id', 'title', 'statement', 'category', 'scope', 'scope_detail', 'metric', 'unit', 'current_as_of', 'comparison_basis', 'label', 'owner', 'language'].forEach(text);
  if (c.markets) out.markets = c.markets.split(/[;,|\s]+/).filter(Boolean);
  if (c.current_value) out.current_value = numberCell(c.current_value);
  if (c.uses_offsets !== undefined && c.uses_offsets !== '') out.uses_offsets = boolCell(c.uses_offsets);
  if (c.baseline_value || c.baseline_year) out.baseline = yearValue(c.baseline_value ?? '', c.baseline_year ?? '', 'baseline');
  if (c.target_value || c.target_year) out.target = yearValue(c.target_value ?? '', c.target_year ?? '', 'target');
  return out;
}

function evidenceCells(c: Record<string, string>): Record<string, unknown> | null {
  if (!CSV_EVIDENCE_COLUMNS.some((k) => c[k])) return null;
  const out: Record<string, unknown> = {};
  if (c.evidence_type) out.type = c.evidence_type.toLowerCase();
  if (c.evidence_title) out.title = c.evidence_title;
  if (c.evidence_issuer) out.issuer = c.evidence_issuer;
  if (c.evidence_independent_third_party) out.independent_third_party = boolCell(c.evidence_independent_third_party);
  if (c.evidence_issued) out.issued = c.evidence_issued;
  if (c.evidence_valid_until) out.valid_until = c.evidence_valid_until;
  if (c.evidence_covers) out.covers = listCell(c.evidence_covers);
  if (c.evidence_url) out.url = c.evidence_url;
  if (c.evidence_file) out.file = c.evidence_file;
  return out;
}

/** Groups rows by claim id: the first row carries the claim, each row may add one piece of evidence. */
function readCsv(file: string, text: string): RawRecord[] {
  const groups = new Map<string, { line: number; claim: Record<string, unknown>; evidence: unknown[]; error?: string }>();
  const out: RawRecord[] = [];
  for (const { line, cells } of csvRows(file, text)) {
    const id = cells.id ?? '';
    if (!id) {
      out.push({ location: { file, line }, error: 'id: every row needs the claim id' });
      continue;
    }
    const fields = claimCells(cells);
    const ev = evidenceCells(cells);
    const g = groups.get(id);
    if (!g) {
      groups.set(id, { line, claim: fields, evidence: ev ? [ev] : [] });
      continue;
    }
    for (const [k, v] of Object.entries(fields)) {
      if (g.claim[k] === undefined) g.claim[k] = v;
      else if (JSON.stringify(g.claim[k]) !== JSON.stringify(v) && !g.error) g.error = `line ${line}: ${k} differs from line ${g.line} for the same claim id`;
    }
    if (ev) g.evidence.push(ev);
  }
  for (const g of groups.values()) {
    if (g.error) out.push({ location: { file, line: g.line }, error: g.error });
    else out.push({ location: { file, line: g.line }, value: { ...g.claim, evidence: g.evidence } });
  }
  return out.sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0));
}

// ---------------------------------------------------------------------------------------------------------------

function detectClaimFormat(file: string, text: string): ClaimImportFormat {
  const ext = extname(file).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.csv') return 'csv';
  return text.trimStart().startsWith('{') ? 'json' : 'csv';
}

/** Reads one file whole: its format (given, or told by its name or first character) and its records. */
export function readClaimFile(path: string, format?: ClaimImportFormat): { format: ClaimImportFormat; records: RawRecord[] } {
  let text: string;
  try {
    if (!statSync(path).isFile()) throw new Error('not a file');
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new CandorError('BAD_FILE', `${path}: cannot read the file (${(err as Error).message}).`, { file: path });
  }
  if (text.trim() === '') throw new CandorError('EMPTY_FILE', `${path}: the file is empty; nothing to import.`, { file: path });
  const chosen = format ?? detectClaimFormat(path, text);
  return { format: chosen, records: chosen === 'json' ? readJson(path, text) : readCsv(path, text) };
}
