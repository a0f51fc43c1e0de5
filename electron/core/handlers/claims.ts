import type { claimChannels } from '../../shared/contract/claims.ts';
import { readClaimSettings, writeClaimSettings } from '../claims/approval.ts';
import { claimHistory } from '../claims/history.ts';
import { importClaims } from '../claims/import.ts';
import type { ClaimImportProgress } from '../claims/import.ts';
import { workspaceLanguage } from '../claims/language.ts';
import { inBatches, LINT_DISCLAIMER, lintClaimsInBatches, today } from '../claims/lint.ts';
import { attachEvidence, getClaim, listClaims, resolveEvidenceFiles, saveClaim, transitionClaim } from '../claims/store.ts';
import { claimDetail, claimSummary } from '../claims/summary.ts';
import { CandorError } from '../errors.ts';
import type { HandlersFor } from './context.ts';
import { userPath } from './context.ts';

export const claimHandlers: HandlersFor<typeof claimChannels> = {
  async 'claims.list'(req, ctx) {
    const asOf = req.asOf ?? today();
    const db = ctx.workspace().db;
    const language = workspaceLanguage(db);
    // Each row counts its claim's findings: for thousands of claims that is seconds of rule checks, done in batches
    // so the core answers the window (and a cancel) in between.
    const progress = (done: number, total: number) => ctx.emitProgress({ job: 'claims.list', phase: 'checking', done, total, unit: 'records', message: `${done} of ${total} claims checked` });
    return { asOf, claims: await inBatches(listClaims(db, { status: req.status }), (b) => b.map((r) => claimSummary(r, asOf, language)), progress) };
  },
  'claims.get'(req, ctx) {
    const db = ctx.workspace().db;
    return claimDetail(getClaim(db, req.id), req.asOf ?? today(), workspaceLanguage(db));
  },
  'claims.save'(req, ctx) {
    return saveClaim(ctx.workspace(), req.claim);
  },
  async 'claims.lint'(req, ctx) {
    const asOf = req.asOf ?? today();
    const ws = ctx.workspace();
    if (req.ids && req.claim) throw new CandorError('BAD_REQUEST', 'Lint either stored claims (ids) or one unsaved claim, not both.');
    let claims;
    if (req.claim) {
      // An unsaved claim: its evidence files are only read for their hash when they are already stored.
      const draft = req.claim;
      if (draft.evidence.some((e) => typeof e.file === 'string')) {
        claims = [{ ...draft, evidence: draft.evidence.map((e) => ({ ...e, file: null })) }];
      } else claims = [resolveEvidenceFiles(ws, draft)];
    } else if (req.ids) claims = req.ids.map((id) => getClaim(ws.db, id).claim);
    else claims = listClaims(ws.db, { includeRetired: false }).map((r) => r.claim);
    // A statement too short to tell its language ("100% recycelt") is read in the workspace's (its site's) language,
    // not English: the rules' term lists are per language.
    // Many claims are checked in batches, with progress between them (and a chance to stop).
    const progress = (done: number, total: number) => ctx.emitProgress({ job: 'claims.lint', phase: 'checking', done, total, unit: 'records', message: `${done} of ${total} claims checked` });
    return { asOf, findings: await lintClaimsInBatches(claims, { asOf, language: workspaceLanguage(ws.db) }, progress), disclaimer: LINT_DISCLAIMER };
  },
  'claims.transition'(req, ctx) {
    return transitionClaim(ctx.workspace(), req.id, req.to, { override: req.override, note: req.note, reason: req.reason, asOf: req.asOf });
  },
  'claims.history'(req, ctx) {
    return claimHistory(ctx.workspace().db, req.id);
  },
  'claims.attachEvidence'(req, ctx) {
    return { record: attachEvidence(ctx.workspace(), req.id, req.evidence) };
  },
  'claims.settings.get'(_req, ctx) {
    return readClaimSettings(ctx.workspace().db);
  },
  'claims.settings.set'(req, ctx) {
    const ws = ctx.workspace();
    return writeClaimSettings(ws.db, ws.actor, req);
  },
  async 'claims.import'(req, ctx) {
    const onProgress = (p: ClaimImportProgress) => ctx.emitProgress({ job: 'claims.import', ...p });
    return { reports: await importClaims(ctx.workspace(), req.files.map((f) => userPath(ctx, f)), { format: req.format, evidenceDir: req.evidenceDir === undefined ? undefined : userPath(ctx, req.evidenceDir), onProgress }) };
  },
};
