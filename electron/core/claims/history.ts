// A claim's history: every published revision, what changed from the one before (statement, figures, evidence), and
// every workflow step from the audit log. Nothing here can be rewritten: revisions and the log are append-only.
import type { DatabaseSync } from 'node:sqlite';
import { listAudit } from '../store/audit.ts';
import type { Claim, Evidence } from '../../shared/claims/model.ts';
import { canonical, getClaim, listRevisions } from './read.ts';
import type { Change, ClaimHistory, HistoryEvent, RevisionView } from '../../shared/claims/views.ts';

const LABELS: Record<string, string> = {
  title: 'Title', statement: 'Statement', markets: 'Markets', category: 'Category', scope: 'Scope', scope_detail: 'Part',
  metric: 'Metric', unit: 'Unit', baseline: 'Baseline', target: 'Target', current_value: 'Current value', current_as_of: 'Current value as of',
  comparison_basis: 'Comparison basis', uses_offsets: 'Uses offsets', label: 'Label', owner: 'Owner', language: 'Language', evidence: 'Evidence',
};

/** "62%", "600000 tCO2e". */
function withUnit(value: number, unit: string | null): string {
  if (!unit) return String(value);
  return unit.startsWith('%') ? `${value}${unit}` : `${value} ${unit}`;
}

function show(field: string, c: Claim): string | null {
  switch (field) {
    case 'markets': return c.markets.join(', ');
    case 'baseline': return c.baseline ? `${withUnit(c.baseline.value, c.unit)} in ${c.baseline.year}` : null;
    case 'target': return c.target ? `${withUnit(c.target.value, c.unit)} by ${c.target.year}` : null;
    case 'current_value': return c.current_value === null ? null : withUnit(c.current_value, c.unit);
    case 'uses_offsets': return c.uses_offsets === null ? 'unknown' : c.uses_offsets ? 'yes' : 'no';
    case 'evidence': return c.evidence.length ? c.evidence.map(describeEvidence).join('; ') : null;
    default: {
      const v = c[field as keyof Claim];
      return v === null || v === undefined ? null : String(v);
    }
  }
}

function describeEvidence(e: Evidence): string {
  const name = e.title || e.issuer || e.type;
  const parts = [`${e.type}: ${name}`];
  if (e.title && e.issuer) parts.push(`by ${e.issuer}`);
  if (e.valid_until) parts.push(`valid until ${e.valid_until}`);
  if (e.file) parts.push(`file ${e.file.name} (sha256 ${e.file.sha256.slice(0, 12)})`);
  if (e.url) parts.push(e.url);
  return parts.join(', ');
}

/** What changed between two versions of a claim, statement and figures first. */
export function diffClaims(before: Claim, after: Claim): Change[] {
  const out: Change[] = [];
  for (const field of Object.keys(LABELS)) {
    const b = show(field, before);
    const a = show(field, after);
    if (b !== a) out.push({ field, label: LABELS[field]!, before: b, after: a });
  }
  return out;
}

function eventOf(e: ReturnType<typeof listAudit>[number]): HistoryEvent {
  const before = (e.before ?? {}) as Record<string, unknown>;
  const after = (e.after ?? {}) as Record<string, unknown>;
  let detail: string | null = null;
  if (e.action === 'claim.lint-override') detail = `published over ${(after.rules as string[] | undefined)?.join(', ') ?? 'findings'}: ${String(after.reason ?? '')}`;
  else if (e.action === 'claim.update' && after.changes && typeof after.changes === 'object') detail = `changed ${Object.keys(after.changes).map((k) => LABELS[k] ?? k).join(', ')}`;
  else if (e.action === 'claim.publish' && after.revision !== undefined) detail = `revision ${String(after.revision)}`;
  else if (e.action === 'claim.evidence.attach') detail = 'evidence attached';
  else if (e.action === 'claim.retire' && typeof after.reason === 'string') detail = `reason: ${after.reason}`;
  if (typeof after.note === 'string') detail = detail ? `${detail} (${after.note})` : after.note;
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return { at: e.at, actor: e.actor, action: e.action, from: str(before.status), to: str(after.status), detail };
}

export function claimHistory(db: DatabaseSync, id: string): ClaimHistory {
  const record = getClaim(db, id);
  const revisions = listRevisions(db, id);
  const views: RevisionView[] = revisions.map((r, i) => ({ ...r, changes: i === 0 ? [] : diffClaims(revisions[i - 1]!.claim, r.claim) }));
  const latest = revisions[revisions.length - 1];
  const unpublished = latest && canonical(latest.claim) !== canonical(record.claim) ? diffClaims(latest.claim, record.claim) : null;
  return {
    id,
    title: record.claim.title,
    status: record.status,
    revision: record.revision,
    revisions: views,
    unpublished,
    events: listAudit(db, { entityType: 'claim', entityId: id }).map(eventOf),
  };
}
