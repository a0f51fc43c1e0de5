import type { DatabaseSync } from 'node:sqlite';
import { CandorError } from '../errors.ts';
import { Claim, ClaimStatus, Evidence } from '../../shared/claims/model.ts';
import type { ClaimRecord, Market } from '../../shared/claims/model.ts';
import type { Revision } from '../../shared/claims/views.ts';
import type { Finding } from '../../shared/claims/finding.ts';

// Claims as stored, read only: what the site, the history and the app's lists need. Kept apart from the write side
// (store.ts), which lints a claim before publishing it and so loads the claim checker and its language tools: a
// site build reads published claims and never checks one.

type ClaimRow = {
  rowid: number; id: string; title: string; statement: string; markets: string; category: string; scope: string; scope_detail: string | null;
  metric: string | null; unit: string | null; baseline_value: number | null; baseline_year: number | null; target_value: number | null;
  target_year: number | null; current_value: number | null; current_as_of: string | null; comparison_basis: string | null;
  uses_offsets: number | null; label: string | null; owner: string | null; language: string | null; status: string; revision: number;
  created_at: string; created_by: string; updated_at: string; updated_by: string;
};

type EvidenceRow = {
  position: number; type: string; title: string; issuer: string | null; independent_third_party: number; issued: string | null;
  valid_until: string | null; covers: string; url: string | null; file_name: string | null; file_size: number | null; file_sha256: string | null;
};

function evidenceOf(db: DatabaseSync, rowid: number): Evidence[] {
  const rows = db.prepare('SELECT * FROM claim_evidence WHERE claim_rowid = ? ORDER BY position').all(rowid) as EvidenceRow[];
  return rows.map((r) => Evidence.parse({
    type: r.type, title: r.title, issuer: r.issuer, independent_third_party: r.independent_third_party === 1, issued: r.issued,
    valid_until: r.valid_until, covers: JSON.parse(r.covers) as unknown, url: r.url,
    file: r.file_sha256 ? { name: r.file_name, size: r.file_size, sha256: r.file_sha256 } : null,
  }));
}

export function toRecord(db: DatabaseSync, r: ClaimRow): ClaimRecord {
  const claim = Claim.parse({
    id: r.id, title: r.title, statement: r.statement, markets: JSON.parse(r.markets) as unknown, category: r.category, scope: r.scope,
    scope_detail: r.scope_detail, metric: r.metric, unit: r.unit,
    baseline: r.baseline_value === null ? null : { value: r.baseline_value, year: r.baseline_year },
    target: r.target_value === null ? null : { value: r.target_value, year: r.target_year },
    current_value: r.current_value, current_as_of: r.current_as_of, comparison_basis: r.comparison_basis,
    uses_offsets: r.uses_offsets === null ? null : r.uses_offsets === 1, label: r.label, owner: r.owner, language: r.language,
    evidence: evidenceOf(db, r.rowid),
  });
  return { claim, status: ClaimStatus.parse(r.status), revision: r.revision, createdAt: r.created_at, createdBy: r.created_by, updatedAt: r.updated_at, updatedBy: r.updated_by };
}

export function row(db: DatabaseSync, id: string): ClaimRow | undefined {
  return db.prepare('SELECT * FROM claims WHERE id = ?').get(id) as ClaimRow | undefined;
}

function findClaim(db: DatabaseSync, id: string): ClaimRecord | null {
  const r = row(db, id);
  return r ? toRecord(db, r) : null;
}

export function getClaim(db: DatabaseSync, id: string): ClaimRecord {
  const c = findClaim(db, id);
  if (!c) throw new CandorError('NOT_FOUND', `No claim "${id}" in this workspace.`);
  return c;
}

export type ClaimListQuery = { status?: ClaimStatus; includeRetired?: boolean };

export function listClaims(db: DatabaseSync, query: ClaimListQuery = {}): ClaimRecord[] {
  const where: string[] = [];
  const params: string[] = [];
  if (query.status) { where.push('status = ?'); params.push(query.status); }
  else if (query.includeRetired === false) where.push("status <> 'retired'");
  const rows = db.prepare(`SELECT * FROM claims ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id`).all(...params) as ClaimRow[];
  return rows.map((r) => toRecord(db, r));
}

/** Canonical JSON of a claim's content: equal content, equal text (the schema fixes the key order). */
export function canonical(claim: Claim): string {
  return JSON.stringify(Claim.parse(claim));
}

// Revisions

type RevisionRow = { revision: number; published_at: string; published_by: string; reviewed_as_of: string; content: string; content_sha256: string; findings: string; override_reason: string | null };

export function listRevisions(db: DatabaseSync, id: string): Revision[] {
  const rows = db.prepare('SELECT * FROM claim_revisions WHERE claim_id = ? ORDER BY revision').all(id) as RevisionRow[];
  return rows.map((r) => ({
    revision: r.revision, publishedAt: r.published_at, publishedBy: r.published_by, reviewedAsOf: r.reviewed_as_of,
    claim: Claim.parse(JSON.parse(r.content)), contentSha256: r.content_sha256, findings: JSON.parse(r.findings) as Finding[], overrideReason: r.override_reason,
  }));
}

export type PublicClaim = { status: 'published' | 'retired'; revision: Revision };

/** What the public site shows: each claim's latest published revision, marked retired when the claim is. */
export function publishedClaims(db: DatabaseSync, markets?: readonly Market[]): PublicClaim[] {
  const out: PublicClaim[] = [];
  for (const r of db.prepare('SELECT id, status FROM claims WHERE revision > 0 ORDER BY id').all() as { id: string; status: string }[]) {
    const revs = listRevisions(db, r.id);
    const latest = revs[revs.length - 1];
    if (!latest) continue;
    if (markets && !latest.claim.markets.some((m) => markets.includes(m))) continue;
    out.push({ status: r.status === 'retired' ? 'retired' : 'published', revision: latest });
  }
  return out;
}
