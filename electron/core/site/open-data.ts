import { z } from 'zod';
import type { PublishedThread } from '../curation/model.ts';
import { MESSAGE_ROLES, THREAD_KINDS, THREAD_STATUSES } from '../model/thread.ts';
import type { SiteClaim } from './claims-data.ts';
import { topicNames } from './views.ts';

// The open data files. The zod schemas below are the single definition: the JSON Schemas published beside the
// data are generated from them, and tests read the files back through them.

const Iso = z.string().describe('ISO 8601 date and time, UTC');

export const OpenMessage = z.strictObject({
  role: z.enum(MESSAGE_ROLES).describe('customer, staff (the company) or system'),
  author: z.string().describe('A pseudonym for customers; a display name or role for staff'),
  sent_at: Iso,
  body: z.string().describe('The public text with personal data replaced by placeholders such as [email removed]'),
});

export const OpenThread = z.strictObject({
  id: z.string(),
  source: z.string().describe('Where the conversation came from (zendesk, trustpilot, email, ...)'),
  kind: z.enum(THREAD_KINDS),
  subject: z.string().nullable(),
  rating: z.number().int().min(1).max(5).nullable(),
  status: z.enum(THREAD_STATUSES),
  opened_at: Iso,
  resolved_at: Iso.nullable(),
  tags: z.array(z.string()).describe('Tags and topics'),
  messages: z.array(OpenMessage),
});
export type OpenThread = z.infer<typeof OpenThread>;

export const OpenThreadsFile = z.strictObject({ threads: z.array(OpenThread) }).meta({
  title: 'Published feedback threads',
  description: 'Every published conversation, complaints included, as shown on the site: redacted, pseudonymised, without internal notes.',
});

const YearValue = z.strictObject({ value: z.number(), year: z.number().int() });

export const OpenEvidence = z.strictObject({
  type: z.string(),
  title: z.string(),
  issuer: z.string().nullable(),
  independent_third_party: z.boolean(),
  issued: z.string().nullable(),
  valid_until: z.string().nullable(),
  covers: z.array(z.string()),
  url: z.string().nullable(),
  file: z.strictObject({ name: z.string(), size: z.number().int(), sha256: z.string(), path: z.string().nullable() }).nullable(),
});

export const OpenClaim = z.strictObject({
  id: z.string(),
  title: z.string(),
  statement: z.string(),
  markets: z.array(z.string()),
  category: z.string(),
  scope: z.string(),
  scope_detail: z.string().nullable(),
  metric: z.string().nullable(),
  unit: z.string().nullable(),
  baseline: YearValue.nullable(),
  target: YearValue.nullable(),
  current_value: z.number().nullable(),
  current_as_of: z.string().nullable(),
  comparison_basis: z.string().nullable(),
  uses_offsets: z.boolean().nullable(),
  label: z.string().nullable(),
  status: z.enum(['published', 'retired']),
  revision: z.number().int(),
  published_at: z.string().nullable(),
  progress: z.strictObject({ status: z.string(), explanation: z.string() }),
  evidence: z.array(OpenEvidence),
  revisions: z.array(z.strictObject({
    revision: z.number().int(),
    published_at: z.string(),
    changes: z.array(z.strictObject({ field: z.string(), label: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
  })),
});
export type OpenClaim = z.infer<typeof OpenClaim>;

export const OpenClaimsFile = z.strictObject({ claims: z.array(OpenClaim) }).meta({
  title: 'Published sustainability claims',
  description: 'Every published or retired claim with its figures, computed progress, evidence and revision history.',
});

export function jsonSchemaOf(schema: z.ZodType, id: string): string {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return `${JSON.stringify({ $schema: json.$schema, $id: id, ...json }, null, 2)}\n`;
}

/** `topics`: the thread's topic names when the caller has them already (the builder's summary); else worked out here. */
export function openThread(t: PublishedThread, topics: string[] = topicNames(t)): OpenThread {
  return {
    id: t.id,
    source: t.source,
    kind: t.kind,
    subject: t.subject,
    rating: t.rating,
    status: t.status,
    opened_at: t.openedAt,
    resolved_at: t.resolvedAt,
    tags: topics,
    messages: t.messages.map((m) => ({ role: m.role, author: m.author, sent_at: m.sentAt, body: m.body })),
  };
}

export function openClaim(c: SiteClaim, evidencePath: (sha256: string, name: string) => string | null): OpenClaim {
  return {
    id: c.id,
    title: c.title,
    statement: c.statement,
    markets: c.markets,
    category: c.category,
    scope: c.scope,
    scope_detail: c.scopeDetail,
    metric: c.metric,
    unit: c.unit,
    baseline: c.baseline,
    target: c.target,
    current_value: c.currentValue,
    current_as_of: c.currentAsOf,
    comparison_basis: c.comparisonBasis,
    uses_offsets: c.usesOffsets,
    label: c.label,
    status: c.status,
    revision: c.revision,
    published_at: c.publishedAt,
    progress: { status: c.progress.status, explanation: c.progress.explanation },
    evidence: c.evidence.map((e) => ({
      type: e.type,
      title: e.title,
      issuer: e.issuer,
      independent_third_party: e.independentThirdParty,
      issued: e.issued,
      valid_until: e.validUntil,
      covers: e.covers,
      url: e.url,
      file: e.file ? { ...e.file, path: evidencePath(e.file.sha256, e.file.name) } : null,
    })),
    revisions: c.revisions.map((r) => ({ revision: r.revision, published_at: r.publishedAt, changes: r.changes })),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// CSV (RFC 4180, CRLF). A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a
// formula; such cells get a leading apostrophe, the OWASP-recommended neutraliser, so the text reads the same.

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let s = typeof value === 'string' ? value : String(value);
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(cells: readonly (string | number | boolean | null)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export const THREADS_CSV_HEADER = csvRow(['id', 'source', 'kind', 'subject', 'rating', 'status', 'opened_at', 'resolved_at', 'tags', 'messages']);
export const MESSAGES_CSV_HEADER = csvRow(['thread_id', 'position', 'role', 'author', 'sent_at', 'body']);
export const CLAIMS_CSV_HEADER = csvRow(['id', 'title', 'statement', 'markets', 'category', 'scope', 'scope_detail', 'metric', 'unit', 'baseline_value', 'baseline_year',
  'target_value', 'target_year', 'current_value', 'current_as_of', 'comparison_basis', 'uses_offsets', 'label', 'status', 'revision', 'published_at', 'progress', 'evidence']);
export const EVIDENCE_CSV_HEADER = csvRow(['claim_id', 'type', 'title', 'issuer', 'independent_third_party', 'issued', 'valid_until', 'covers', 'url', 'file_name', 'file_sha256']);

export function threadCsvRow(t: OpenThread): string {
  return csvRow([t.id, t.source, t.kind, t.subject, t.rating, t.status, t.opened_at, t.resolved_at, t.tags.join('; '), t.messages.length]);
}

export function messageCsvRows(t: OpenThread): string {
  return t.messages.map((m, i) => csvRow([t.id, i + 1, m.role, m.author, m.sent_at, m.body])).join('');
}

export function claimCsvRow(c: OpenClaim): string {
  return csvRow([c.id, c.title, c.statement, c.markets.join('; '), c.category, c.scope, c.scope_detail, c.metric, c.unit, c.baseline?.value ?? null, c.baseline?.year ?? null,
    c.target?.value ?? null, c.target?.year ?? null, c.current_value, c.current_as_of, c.comparison_basis, c.uses_offsets, c.label, c.status, c.revision, c.published_at,
    c.progress.status, c.evidence.length]);
}

export function evidenceCsvRows(c: OpenClaim): string {
  return c.evidence.map((e) => csvRow([c.id, e.type, e.title, e.issuer, e.independent_third_party, e.issued, e.valid_until, e.covers.join('; '), e.url, e.file?.name ?? null, e.file?.sha256 ?? null])).join('');
}
