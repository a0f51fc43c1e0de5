import type { DatabaseSync } from 'node:sqlite';
import type { PiiKind } from '../../shared/curation/pii-finding.ts';
import type { FindingView, ManualRedaction, ReviewStatus } from '../../shared/curation/model.ts';

// What curation has recorded about threads' personal data (the scans' findings with their reviews, and manual
// redactions), read as it is stored. Apart from findings.ts, which scans and reviews: a site build's render worker
// reads these without loading the detectors it never runs.

type FindingRow = { finding_id: string; location: string; kind: string; start: number; end: number; text: string; confidence: 'high' | 'low'; status: 'accepted' | 'rejected' | null; reason: string | null };
type ManualRow = { id: string; location: string; start: number; end: number; text: string; note: string | null; actor: string; created_at: string };

/**
 * Whether publishing removes a finding. Personal data fails closed: every finding is removed, whatever its
 * confidence, unless a curator kept it (audited; a high-confidence one only with a reason). Low confidence only
 * means "shown for review first".
 */
export function isRedacted(_confidence: 'high' | 'low', status: ReviewStatus): boolean {
  return status !== 'rejected';
}

export function findingViews(db: DatabaseSync, rowids: readonly number[]): Map<number, FindingView[]> {
  const out = new Map<number, FindingView[]>();
  if (rowids.length === 0) return out;
  const rows = db.prepare(`SELECT f.thread_rowid, f.finding_id, f.location, f.kind, f.start, f."end" AS "end", f.text, f.confidence, r.status, r.reason
      FROM pii_findings f LEFT JOIN pii_reviews r ON r.thread_rowid = f.thread_rowid AND r.finding_id = f.finding_id
      WHERE f.thread_rowid IN (${rowids.map(() => '?').join(',')})`).all(...rowids) as (FindingRow & { thread_rowid: number })[];
  for (const r of rows) {
    const status: ReviewStatus = r.status ?? 'pending';
    const view: FindingView = { id: r.finding_id, location: r.location, kind: r.kind as PiiKind, start: r.start, end: r.end, text: r.text, confidence: r.confidence, status, reason: r.reason, redacted: isRedacted(r.confidence, status) };
    let list = out.get(r.thread_rowid);
    if (!list) out.set(r.thread_rowid, (list = []));
    list.push(view);
  }
  for (const list of out.values()) list.sort((a, b) => locationOrder(a.location) - locationOrder(b.location) || a.location.localeCompare(b.location) || a.start - b.start);
  return out;
}

function locationOrder(location: string): number {
  return location === 'subject' ? 0 : 1;
}

export function manualRedactions(db: DatabaseSync, rowids: readonly number[]): Map<number, ManualRedaction[]> {
  const out = new Map<number, ManualRedaction[]>();
  if (rowids.length === 0) return out;
  const rows = db.prepare(`SELECT thread_rowid, id, location, start, "end" AS "end", text, note, actor, created_at FROM manual_redactions WHERE thread_rowid IN (${rowids.map(() => '?').join(',')}) ORDER BY rowid`)
    .all(...rowids) as (ManualRow & { thread_rowid: number })[];
  for (const r of rows) {
    let list = out.get(r.thread_rowid);
    if (!list) out.set(r.thread_rowid, (list = []));
    list.push({ id: r.id, location: r.location, start: r.start, end: r.end, text: r.text, note: r.note, actor: r.actor, createdAt: r.created_at });
  }
  return out;
}
