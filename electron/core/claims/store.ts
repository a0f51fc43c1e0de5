// The claim register: working copies, the workflow draft -> in review -> approved -> published -> retired (every
// step in the audit log with who and when), and immutable revisions made by publishing.
import { createHash } from 'node:crypto';
import { isAbsolute, resolve } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { transaction } from '../db/transaction.ts';
import { CandorError } from '../errors.ts';
import { appendAudit } from '../store/audit.ts';
import type { Workspace } from '../workspace.ts';
import { assertSecondApprover, claimAuthor } from './approval.ts';
import { readSettings } from '../curation/settings.ts';
import { confinedEvidencePath, hasEvidenceFile, storeEvidenceFile } from './evidence-files.ts';
import { blockingFindings, lintClaim, today } from './lint.ts';
import { workspaceLanguage } from './language.ts';
import { canonical, getClaim, row, toRecord } from './read.ts';
import { Claim, ClaimInput } from '../../shared/claims/model.ts';
import type { ClaimRecord, ClaimStatus, Evidence, EvidenceFile, EvidenceInputShape } from '../../shared/claims/model.ts';
import type { TransitionResult } from '../../shared/claims/views.ts';

function contentHash(claim: Claim): string {
  return createHash('sha256').update(canonical(claim)).digest('hex');
}

function columns(c: Claim): (string | number | null)[] {
  return [
    c.title, c.statement, JSON.stringify(c.markets), c.category, c.scope, c.scope_detail, c.metric, c.unit,
    c.baseline?.value ?? null, c.baseline?.year ?? null, c.target?.value ?? null, c.target?.year ?? null, c.current_value, c.current_as_of,
    c.comparison_basis, c.uses_offsets === null ? null : c.uses_offsets ? 1 : 0, c.label, c.owner, c.language,
  ];
}

const CONTENT_COLUMNS = 'title, statement, markets, category, scope, scope_detail, metric, unit, baseline_value, baseline_year, target_value, target_year, current_value, current_as_of, comparison_basis, uses_offsets, label, owner, language';

function writeEvidence(db: DatabaseSync, rowid: number, evidence: readonly Evidence[]): void {
  db.prepare('DELETE FROM claim_evidence WHERE claim_rowid = ?').run(rowid);
  const insert = db.prepare('INSERT INTO claim_evidence (claim_rowid, position, type, title, issuer, independent_third_party, issued, valid_until, covers, url, file_name, file_size, file_sha256) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)');
  evidence.forEach((e, i) => {
    insert.run(rowid, i, e.type, e.title, e.issuer, e.independent_third_party ? 1 : 0, e.issued, e.valid_until, JSON.stringify(e.covers), e.url, e.file?.name ?? null, e.file?.size ?? null, e.file?.sha256 ?? null);
  });
}

export type SaveOptions = {
  /** Folder that relative evidence file paths are read from (the import file's folder). */
  baseDir?: string;
  /** Evidence paths must stay inside baseDir (an imported file: no "../", no absolute path elsewhere, no links). */
  confine?: boolean;
  now?: string;
  /** Collects evidence files this save copied into the workspace (so a rolled-back import can remove them). */
  newFiles?: string[];
};

export type SaveResult = { record: ClaimRecord; created: boolean; updated: boolean };

/** Turns imported evidence (file paths) into stored evidence (files in the workspace). */
export function resolveEvidenceFiles(ws: Workspace, input: ClaimInput, options: SaveOptions = {}): Claim {
  let maxBytes: number | undefined;
  const evidence = input.evidence.map((e, i) => {
    let file: EvidenceFile | null = null;
    if (typeof e.file === 'string') {
      try {
        const source = options.confine
          ? confinedEvidencePath(options.baseDir ?? process.cwd(), e.file)
          : isAbsolute(e.file) ? e.file : resolve(options.baseDir ?? process.cwd(), e.file);
        maxBytes ??= readSettings(ws.db).evidenceMaxMb * 1024 * 1024;
        const stored = storeEvidenceFile(ws.dir, source, { maxBytes });
        if (stored.created) options.newFiles?.push(stored.path);
        file = stored.file;
      } catch (err) {
        if (err instanceof CandorError) throw new CandorError(err.code, `evidence ${i + 1}: ${err.message}`, { field: `evidence.${i}.file` });
        throw err;
      }
    } else if (e.file) {
      if (!hasEvidenceFile(ws.dir, e.file)) throw new CandorError('EVIDENCE_NOT_FOUND', `evidence ${i + 1}: the file ${e.file.name} (${e.file.sha256.slice(0, 12)}…) is not in this workspace's evidence folder.`, { field: `evidence.${i}.file` });
      file = e.file;
    }
    return { ...e, file };
  });
  return Claim.parse({ ...input, evidence });
}

const FIELDS_FOR_AUDIT = ['title', 'statement', 'markets', 'category', 'scope', 'scope_detail', 'metric', 'unit', 'baseline', 'target', 'current_value', 'current_as_of', 'comparison_basis', 'uses_offsets', 'label', 'owner', 'language', 'evidence'] as const;

function changedFields(before: Claim, after: Claim): Record<string, { before: unknown; after: unknown }> {
  const out: Record<string, { before: unknown; after: unknown }> = {};
  for (const f of FIELDS_FOR_AUDIT) {
    if (JSON.stringify(before[f]) !== JSON.stringify(after[f])) out[f] = { before: before[f], after: after[f] };
  }
  return out;
}

/**
 * Creates or updates a claim's working copy. Changing a claim that was in review, approved or published sends it back
 * to draft (approval was for other words); the published revision stays what the site shows until the next publish.
 * Retired claims are not changed.
 */
export function saveClaim(ws: Workspace, input: ClaimInput | Claim, options: SaveOptions = {}): SaveResult {
  const db = ws.db;
  const now = options.now ?? new Date().toISOString();
  return transaction(db, () => {
    const claim = resolveEvidenceFiles(ws, ClaimInput.parse(input), options);
    const existing = row(db, claim.id);
    if (!existing) {
      const info = db.prepare(`INSERT INTO claims (id, ${CONTENT_COLUMNS}, status, revision, created_at, created_by, updated_at, updated_by) VALUES (?, ${'?, '.repeat(19)}'draft', 0, ?, ?, ?, ?)`)
        .run(claim.id, ...columns(claim), now, ws.actor, now, ws.actor);
      writeEvidence(db, Number(info.lastInsertRowid), claim.evidence);
      appendAudit(db, { actor: ws.actor, action: 'claim.create', entityType: 'claim', entityId: claim.id, at: now, after: { status: 'draft', claim } });
      return { record: getClaim(db, claim.id), created: true, updated: false };
    }
    const before = toRecord(db, existing);
    if (canonical(before.claim) === canonical(claim)) return { record: before, created: false, updated: false };
    if (before.status === 'retired') throw new CandorError('CLAIM_RETIRED', `Claim "${claim.id}" is retired; retired claims are kept as they were.`);
    const status: ClaimStatus = 'draft';
    db.prepare(`UPDATE claims SET ${CONTENT_COLUMNS.split(', ').map((c) => `${c} = ?`).join(', ')}, status = ?, updated_at = ?, updated_by = ? WHERE rowid = ?`)
      .run(...columns(claim), status, now, ws.actor, existing.rowid);
    writeEvidence(db, existing.rowid, claim.evidence);
    appendAudit(db, {
      actor: ws.actor, action: 'claim.update', entityType: 'claim', entityId: claim.id, at: now,
      before: { status: before.status }, after: { status, changes: changedFields(before.claim, claim) },
    });
    return { record: getClaim(db, claim.id), created: false, updated: true };
  });
}

/** Adds one piece of evidence (a file copied into the workspace, or a URL) to a claim. */
export function attachEvidence(ws: Workspace, id: string, evidence: EvidenceInputShape, options: SaveOptions = {}): ClaimRecord {
  return transaction(ws.db, () => {
    const current = getClaim(ws.db, id);
    const next = ClaimInput.parse({ ...current.claim, evidence: [...current.claim.evidence, evidence] });
    const result = saveClaim(ws, next, options);
    appendAudit(ws.db, { actor: ws.actor, action: 'claim.evidence.attach', entityType: 'claim', entityId: id, at: options.now, after: result.record.claim.evidence[result.record.claim.evidence.length - 1] });
    return result.record;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Workflow

const TRANSITIONS: Readonly<Record<ClaimStatus, readonly ClaimStatus[]>> = {
  draft: ['in_review', 'retired'],
  in_review: ['approved', 'draft', 'retired'],
  approved: ['published', 'draft', 'retired'],
  published: ['retired'],
  retired: [],
};

const ACTIONS: Record<ClaimStatus, string> = { draft: 'claim.return', in_review: 'claim.submit', approved: 'claim.approve', published: 'claim.publish', retired: 'claim.retire' };

export type TransitionOptions = {
  /** Publish over error-level lint findings; the reason is recorded. */
  override?: string;
  /** Review date for the lint check that gates publishing (YYYY-MM-DD, today by default). */
  asOf?: string;
  note?: string;
  /** Why a claim is retired: shown on the public claim page. */
  reason?: string;
  now?: string;
};

function step(ws: Workspace, r: ClaimRecord, to: ClaimStatus, now: string, extra: Record<string, unknown> = {}): void {
  ws.db.prepare('UPDATE claims SET status = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(to, now, ws.actor, r.claim.id);
  appendAudit(ws.db, { actor: ws.actor, action: ACTIONS[to], entityType: 'claim', entityId: r.claim.id, at: now, before: { status: r.status }, after: { status: to, ...extra } });
  r.status = to;
}

/**
 * Moves a claim along the workflow. Publishing runs the linter as of the review date: an error-level finding blocks
 * it unless `override` gives a reason, which is stored with the revision, per rule, and in the audit log. Publishing a
 * draft or a claim in review records the review and approval steps as taken by the same person.
 */
export function transitionClaim(ws: Workspace, id: string, to: ClaimStatus, options: TransitionOptions = {}): TransitionResult {
  const db = ws.db;
  const now = options.now ?? new Date().toISOString();
  return transaction(db, () => {
    const r = getClaim(db, id);
    if (r.status === to) return { record: r, publishedRevision: null, unchanged: true, overridden: [] };
    const note = options.note ? { note: options.note } : {};
    if (to !== 'published') {
      if (!TRANSITIONS[r.status].includes(to)) {
        throw new CandorError('BAD_TRANSITION', `Claim "${id}" is ${r.status.replace('_', ' ')}; it cannot move to ${to.replace('_', ' ')} (allowed: ${TRANSITIONS[r.status].join(', ') || 'none'}).`);
      }
      if (to === 'approved') assertSecondApprover(db, id, ws.actor, to);
      const reason = to === 'retired' && options.reason?.trim() ? { reason: options.reason.trim() } : {};
      step(ws, r, to, now, { ...note, ...reason });
      return { record: getClaim(db, id), publishedRevision: null, unchanged: false, overridden: [] };
    }
    if (r.status === 'retired') throw new CandorError('BAD_TRANSITION', `Claim "${id}" is retired; retired claims are not published again.`);
    assertSecondApprover(db, id, ws.actor, 'published');
    const asOf = options.asOf ?? today();
    // Read in the workspace's language when the claim is too short to tell its own, as the site reads it.
    const findings = lintClaim(r.claim, { asOf, language: workspaceLanguage(db) });
    const errors = blockingFindings(findings);
    const reason = options.override?.trim();
    if (errors.length > 0 && !reason) {
      throw new CandorError('LINT_BLOCKED', `Claim "${id}" has ${errors.length} error-level finding${errors.length === 1 ? '' : 's'} (${errors.map((f) => f.rule).join(', ')}); fix ${errors.length === 1 ? 'it' : 'them'}, or publish over ${errors.length === 1 ? 'it' : 'them'} with a recorded reason.`, undefined, '--override "<reason>"');
    }
    if (r.status === 'draft') step(ws, r, 'in_review', now, note);
    if (r.status === 'in_review') step(ws, r, 'approved', now, note);
    const revision = r.revision + 1;
    const content = canonical(r.claim);
    db.prepare('INSERT INTO claim_revisions (claim_id, revision, published_at, published_by, reviewed_as_of, content, content_sha256, findings, override_reason) VALUES (?,?,?,?,?,?,?,?,?)')
      .run(id, revision, now, ws.actor, asOf, content, contentHash(r.claim), JSON.stringify(findings), errors.length > 0 ? reason! : null);
    if (errors.length > 0) {
      const insert = db.prepare('INSERT INTO claim_lint_overrides (claim_id, revision, rule, message, reason, actor, at) VALUES (?,?,?,?,?,?,?)');
      for (const f of errors) insert.run(id, revision, f.rule, f.message, reason!, ws.actor, now);
      appendAudit(db, { actor: ws.actor, action: 'claim.lint-override', entityType: 'claim', entityId: id, at: now, after: { revision, reason, rules: errors.map((f) => f.rule), asOf } });
    }
    db.prepare('UPDATE claims SET revision = ? WHERE id = ?').run(revision, id);
    step(ws, r, 'published', now, { revision, asOf, author: claimAuthor(db, id), ...note });
    return { record: getClaim(db, id), publishedRevision: revision, unchanged: false, overridden: errors };
  });
}

// The read side, for the callers that also write.
export { getClaim, listClaims, listRevisions, publishedClaims } from './read.ts';
