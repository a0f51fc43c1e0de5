// What the app and the CLI are shown about claims: plain JSON, checked at the contract.
import { z } from 'zod';
import { Claim, ClaimCategory, ClaimRecord, ClaimScope, ClaimStatus, Market } from './model.ts';
import { Progress } from './progress.ts';
import { Finding } from './finding.ts';

export const SeverityCounts = z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() });

export const ClaimSummary = z.object({
  id: z.string(),
  title: z.string(),
  statement: z.string(),
  status: ClaimStatus,
  revision: z.number().int(),
  markets: z.array(Market),
  category: ClaimCategory,
  scope: ClaimScope,
  owner: z.string().nullable(),
  evidence: z.number().int(),
  findings: SeverityCounts,
  progress: Progress.nullable(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type ClaimSummary = z.infer<typeof ClaimSummary>;

export const ClaimDetail = z.object({
  record: ClaimRecord,
  asOf: z.string(),
  findings: z.array(Finding),
  progress: Progress.nullable(),
  disclaimer: z.string(),
});
export type ClaimDetail = z.infer<typeof ClaimDetail>;

export const Revision = z.object({
  revision: z.number().int().positive(),
  publishedAt: z.string(),
  publishedBy: z.string(),
  reviewedAsOf: z.string(),
  claim: Claim,
  contentSha256: z.string(),
  findings: z.array(Finding),
  overrideReason: z.string().nullable(),
});
export type Revision = z.infer<typeof Revision>;

export const Change = z.object({ field: z.string(), label: z.string(), before: z.string().nullable(), after: z.string().nullable() });
export type Change = z.infer<typeof Change>;

export const RevisionView = Revision.extend({ changes: z.array(Change) });
export type RevisionView = z.infer<typeof RevisionView>;

export const HistoryEvent = z.object({ at: z.string(), actor: z.string(), action: z.string(), from: z.string().nullable(), to: z.string().nullable(), detail: z.string().nullable() });
export type HistoryEvent = z.infer<typeof HistoryEvent>;

export const ClaimHistory = z.object({
  id: z.string(),
  title: z.string(),
  status: ClaimStatus,
  revision: z.number().int(),
  revisions: z.array(RevisionView),
  /** Changes in the working copy not yet published (null when it is what was last published, or never published). */
  unpublished: z.array(Change).nullable(),
  events: z.array(HistoryEvent),
});
export type ClaimHistory = z.infer<typeof ClaimHistory>;

export const TransitionResult = z.object({
  record: ClaimRecord,
  /** The revision publishing created (null when nothing was published). */
  publishedRevision: z.number().int().nullable(),
  /** Nothing to do: the claim was already there (e.g. publishing a claim already published as is). */
  unchanged: z.boolean(),
  /** Error-level findings that were published over with the override reason. */
  overridden: z.array(Finding),
});
export type TransitionResult = z.infer<typeof TransitionResult>;
