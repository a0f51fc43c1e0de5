import type { DatabaseSync } from 'node:sqlite';

// The claims the public sees: published and retired claims as of their latest published revision (never a draft
// in progress), with progress, evidence and the history of what changed between revisions.

export type SiteEvidence = {
  type: string;
  title: string;
  issuer: string | null;
  independentThirdParty: boolean;
  issued: string | null;
  validUntil: string | null;
  covers: string[];
  url: string | null;
  file: { name: string; size: number; sha256: string } | null;
};

export type SiteChange = { field: string; before: string | null; after: string | null };
export type SiteRevision = { revision: number; publishedAt: string; changes: SiteChange[] };
export type SiteProgress = { status: string; explanation: string; ratio: number | null };
export type YearValue = { value: number; year: number };

export type SiteClaim = {
  id: string;
  title: string;
  statement: string;
  markets: string[];
  category: string;
  scope: string;
  scopeDetail: string | null;
  metric: string | null;
  unit: string | null;
  baseline: YearValue | null;
  target: YearValue | null;
  currentValue: number | null;
  currentAsOf: string | null;
  comparisonBasis: string | null;
  usesOffsets: boolean | null;
  label: string | null;
  status: 'published' | 'retired';
  revision: number;
  publishedAt: string | null;
  progress: SiteProgress;
  evidence: SiteEvidence[];
  revisions: SiteRevision[];
};

export function loadSiteClaims(_db: DatabaseSync, _workspaceDir: string): SiteClaim[] {
  return [];
}
