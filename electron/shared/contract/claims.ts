import { z } from 'zod';
import { ClaimSettings } from '../claims/settings.ts';
import { ClaimImportReport } from '../claims/import-report.ts';
import { ClaimInput, ClaimRecord, ClaimStatus, EvidenceInput, IsoDate } from '../claims/model.ts';
import { Finding } from '../claims/finding.ts';
import { ClaimDetail, ClaimHistory, ClaimSummary, TransitionResult } from '../claims/views.ts';
import { channels } from './base.ts';

const ClaimRef = z.object({ id: z.string().min(1) });
/** Review date for findings and progress; today when left out. */
const AsOf = z.object({ asOf: IsoDate.optional() });

export const claimChannels = channels({
  /** Every claim (or those with one status) with its findings counts and progress, as of the review date. */
  'claims.list': { req: AsOf.extend({ status: ClaimStatus.optional() }), res: z.object({ asOf: z.string(), claims: z.array(ClaimSummary) }) },
  'claims.get': { req: ClaimRef.extend(AsOf.shape), res: ClaimDetail },
  /** Create or update a claim's working copy; evidence files are absolute paths to copy, or files already stored. */
  'claims.save': { req: z.object({ claim: ClaimInput }), res: z.object({ record: ClaimRecord, created: z.boolean(), updated: z.boolean() }) },
  /** Findings for stored claims (all not retired, or the named ones), or for an unsaved claim being edited. */
  'claims.lint': {
    req: AsOf.extend({ ids: z.array(z.string()).optional(), claim: ClaimInput.optional() }),
    res: z.object({ asOf: z.string(), findings: z.array(Finding), disclaimer: z.string() }),
  },
  /** Move along the workflow; publishing is blocked by error-level findings unless `override` gives a reason. */
  'claims.transition': {
    req: ClaimRef.extend({ to: ClaimStatus, override: z.string().trim().min(1).max(2000).optional(), note: z.string().max(2000).optional(), reason: z.string().trim().max(2000).optional(), ...AsOf.shape }),
    res: TransitionResult,
  },
  'claims.history': { req: ClaimRef, res: ClaimHistory },
  /** Copy a file into the workspace's evidence folder (or record a URL) and add it to the claim. */
  'claims.attachEvidence': { req: ClaimRef.extend({ evidence: EvidenceInput }), res: z.object({ record: ClaimRecord }) },
  /** The register's workspace settings (second approver); a change is audited. */
  'claims.settings.get': { req: z.object({}), res: ClaimSettings },
  'claims.settings.set': { req: ClaimSettings.partial(), res: ClaimSettings },
  'claims.import': { req: z.object({ files: z.array(z.string()).min(1), format: z.enum(['json', 'csv']).optional(), evidenceDir: z.string().min(1).optional() }), res: z.object({ reports: z.array(ClaimImportReport) }) },
});
