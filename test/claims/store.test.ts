import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimHistory } from '../../electron/core/claims/history.ts';
import { ClaimInput } from '../../electron/shared/claims/model.ts';
import { attachEvidence, getClaim, listClaims, listRevisions, publishedClaims, saveClaim, transitionClaim } from '../../electron/core/claims/store.ts';
import { listAudit } from '../../electron/core/store/audit.ts';
import type { Workspace } from '../../electron/core/workspace.ts';
import { tempWorkspace, writeTemp } from '../helpers/workspace.ts';
import { AS_OF } from './helpers.ts';

const good = (over: Record<string, unknown> = {}) => ClaimInput.parse({
  id: 'CL-1', title: 'Recycled bottle', statement: 'Our shampoo bottle is made from 100% recycled plastic (cap not included).',
  markets: ['EU', 'UK'], category: 'recycled_content', scope: 'part', scope_detail: 'bottle', metric: 'recycled content by weight', unit: '%',
  current_value: 100, owner: 'Packaging team',
  evidence: [{ type: 'audit', title: 'Recycled-content audit 2026', issuer: 'SGS', independent_third_party: true, valid_until: '2027-09-30' }],
  ...over,
});

const generic = (over: Record<string, unknown> = {}) => ClaimInput.parse({ id: 'CL-2', statement: 'Our laundry liquid is eco-friendly.', markets: ['EU'], category: 'generic', scope: 'product', ...over });

let ws: Workspace;
let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ ws, dir, cleanup } = tempWorkspace());
});
afterEach(() => cleanup());

describe('saving claims', () => {
  it('creates a draft, audited with the actor', () => {
    const r = saveClaim(ws, good());
    expect(r.created).toBe(true);
    expect(r.record.status).toBe('draft');
    expect(r.record.revision).toBe(0);
    expect(r.record.claim.title).toBe('Recycled bottle');
    const audit = listAudit(ws.db, { entityType: 'claim', entityId: 'CL-1' });
    expect(audit.map((a) => [a.action, a.actor])).toEqual([['claim.create', 'tester']]);
  });

  it('round-trips every field', () => {
    const input = good({ baseline: { value: 40, year: 2020 }, target: { value: 100, year: 2026 }, current_as_of: '2026-06-30', comparison_basis: 'by weight', uses_offsets: false, label: 'RecyClass', evidence: [{ type: 'url', title: 'Public report', url: 'https://example.com/report', covers: ['bottle', 'label'] }] });
    saveClaim(ws, input);
    expect(getClaim(ws.db, 'CL-1').claim).toEqual(input);
  });

  it('does nothing when the content is the same', () => {
    saveClaim(ws, good());
    const again = saveClaim(ws, good());
    expect(again.created || again.updated).toBe(false);
    expect(listAudit(ws.db, { entityType: 'claim' })).toHaveLength(1);
  });

  it('an edit sends an approved claim back to draft and records what changed', () => {
    saveClaim(ws, good());
    transitionClaim(ws, 'CL-1', 'in_review');
    transitionClaim(ws, 'CL-1', 'approved');
    const r = saveClaim(ws, good({ current_value: 95, statement: 'Our shampoo bottle is made from 95% recycled plastic.' }));
    expect(r.updated).toBe(true);
    expect(r.record.status).toBe('draft');
    const upd = listAudit(ws.db, { entityType: 'claim', entityId: 'CL-1' }).find((a) => a.action === 'claim.update')!;
    expect(Object.keys((upd.after as { changes: object }).changes).sort()).toEqual(['current_value', 'statement']);
  });

  it('copies evidence files under their SHA-256, read-only, keeping name and size', () => {
    const src = writeTemp(dir, '..' + '/cert.pdf', '%PDF-1.4 certificate');
    const r = saveClaim(ws, good({ evidence: [{ type: 'certificate', title: 'Cert', issuer: 'SGS', independent_third_party: true, file: src }] }));
    const f = r.record.claim.evidence[0]!.file!;
    expect(f.name).toBe('cert.pdf');
    expect(f.size).toBe(20);
    expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
    const stored = join(dir, 'evidence', f.sha256);
    expect(readFileSync(stored, 'utf8')).toBe('%PDF-1.4 certificate');
    expect(statSync(stored).mode & 0o222).toBe(0);
    // Changing the original afterwards does not touch the stored copy.
    writeFileSync(src, 'changed');
    expect(readFileSync(stored, 'utf8')).toBe('%PDF-1.4 certificate');
  });

  it('stores the same bytes once, whatever their name', () => {
    const a = writeTemp(dir, '../a.pdf', 'same bytes');
    const b = writeTemp(dir, '../b.pdf', 'same bytes');
    const r = saveClaim(ws, good({ evidence: [{ type: 'report', file: a }, { type: 'report', file: b }] }));
    const [fa, fb] = r.record.claim.evidence.map((e) => e.file!);
    expect(fa!.sha256).toBe(fb!.sha256);
    expect([fa!.name, fb!.name]).toEqual(['a.pdf', 'b.pdf']);
    expect(readdirSync(join(dir, 'evidence'))).toEqual([fa!.sha256]);
  });

  it('refuses evidence that points at a file not in the workspace', () => {
    expect(() => saveClaim(ws, good({ evidence: [{ type: 'certificate', file: { name: 'x.pdf', size: 3, sha256: 'a'.repeat(64) } }] }))).toThrow(/not in this workspace/);
    expect(listClaims(ws.db)).toEqual([]);
  });

  it('attaches evidence to a claim', () => {
    saveClaim(ws, generic());
    const src = writeTemp(dir, '../lca.pdf', 'LCA');
    const r = attachEvidence(ws, 'CL-2', { type: 'report', title: 'LCA', issuer: 'Independent LCA reviewer', independent_third_party: true, file: src });
    expect(r.claim.evidence).toHaveLength(1);
    expect(existsSync(join(dir, 'evidence', r.claim.evidence[0]!.file!.sha256))).toBe(true);
  });
});

describe('workflow', () => {
  it('moves draft -> in review -> approved -> published -> retired, each step audited with who', () => {
    saveClaim(ws, good());
    transitionClaim(ws, 'CL-1', 'in_review');
    transitionClaim(ws, 'CL-1', 'approved');
    const p = transitionClaim(ws, 'CL-1', 'published', { asOf: AS_OF });
    expect(p.publishedRevision).toBe(1);
    expect(p.record.status).toBe('published');
    transitionClaim(ws, 'CL-1', 'retired');
    const actions = listAudit(ws.db, { entityType: 'claim', entityId: 'CL-1' }).map((a) => `${a.action}:${a.actor}`);
    expect(actions).toEqual(['claim.create:tester', 'claim.submit:tester', 'claim.approve:tester', 'claim.publish:tester', 'claim.retire:tester']);
  });

  it('refuses steps the workflow does not allow', () => {
    saveClaim(ws, good());
    expect(() => transitionClaim(ws, 'CL-1', 'approved')).toThrow(/draft.*cannot move to approved/);
    transitionClaim(ws, 'CL-1', 'retired');
    expect(() => transitionClaim(ws, 'CL-1', 'published')).toThrow(/retired/);
    expect(() => saveClaim(ws, good({ statement: 'Changed.' }))).toThrow(/retired/);
  });

  it('publishing a draft records the review and approval steps', () => {
    saveClaim(ws, good());
    transitionClaim(ws, 'CL-1', 'published', { asOf: AS_OF });
    expect(listAudit(ws.db, { entityType: 'claim', entityId: 'CL-1' }).map((a) => a.action)).toEqual(['claim.create', 'claim.submit', 'claim.approve', 'claim.publish']);
  });

  it('an error-level finding blocks publishing, and nothing changes', () => {
    saveClaim(ws, generic());
    expect(() => transitionClaim(ws, 'CL-2', 'published', { asOf: AS_OF })).toThrow(/GC-GENERIC-TERM.*publish over them with a recorded reason/);
    expect(getClaim(ws.db, 'CL-2').status).toBe('draft');
    expect(listRevisions(ws.db, 'CL-2')).toEqual([]);
  });

  it('an override publishes and records the reason per rule and in the audit log', () => {
    saveClaim(ws, generic());
    const p = transitionClaim(ws, 'CL-2', 'published', { asOf: AS_OF, override: 'Legal reviewed the wording on 2026-09-30' });
    expect(p.overridden.map((f) => f.rule).sort()).toEqual(['GC-GENERIC-TERM', 'GC-NO-EVIDENCE']);
    const rows = ws.db.prepare('SELECT rule, reason, actor FROM claim_lint_overrides WHERE claim_id = ? ORDER BY rule').all('CL-2');
    expect(rows).toEqual([
      { rule: 'GC-GENERIC-TERM', reason: 'Legal reviewed the wording on 2026-09-30', actor: 'tester' },
      { rule: 'GC-NO-EVIDENCE', reason: 'Legal reviewed the wording on 2026-09-30', actor: 'tester' },
    ]);
    const o = listAudit(ws.db, { entityType: 'claim', entityId: 'CL-2' }).find((a) => a.action === 'claim.lint-override')!;
    expect(o.after).toMatchObject({ reason: 'Legal reviewed the wording on 2026-09-30', rules: ['GC-GENERIC-TERM', 'GC-NO-EVIDENCE'] });
    expect(listRevisions(ws.db, 'CL-2')[0]!.overrideReason).toBe('Legal reviewed the wording on 2026-09-30');
  });

  it('a blank override reason does not count', () => {
    saveClaim(ws, generic());
    expect(() => transitionClaim(ws, 'CL-2', 'published', { asOf: AS_OF, override: '   ' })).toThrow(/error-level/);
  });

  it('publishing an unchanged published claim does nothing', () => {
    saveClaim(ws, good());
    transitionClaim(ws, 'CL-1', 'published', { asOf: AS_OF });
    const again = transitionClaim(ws, 'CL-1', 'published', { asOf: AS_OF });
    expect(again.unchanged).toBe(true);
    expect(listRevisions(ws.db, 'CL-1')).toHaveLength(1);
  });
});

describe('revisions and history', () => {
  it('revisions are immutable in the database', () => {
    saveClaim(ws, good());
    transitionClaim(ws, 'CL-1', 'published', { asOf: AS_OF });
    expect(() => ws.db.exec("UPDATE claim_revisions SET content = '{}'")).toThrow(/immutable/);
    expect(() => ws.db.exec('DELETE FROM claim_revisions')).toThrow(/immutable/);
    expect(() => ws.db.exec("DELETE FROM claims WHERE id = 'CL-1'")).toThrow(/retired, never deleted/);
  });

  it('the history shows what changed between revisions, and what is not yet published', () => {
    saveClaim(ws, good({ current_value: 100 }));
    transitionClaim(ws, 'CL-1', 'published', { asOf: AS_OF });
    saveClaim(ws, good({ statement: 'Our shampoo bottle is made from 90% recycled plastic (cap not included).', current_value: 90 }));
    expect(getClaim(ws.db, 'CL-1').status).toBe('draft');
    // The site keeps showing revision 1 until the next publish.
    expect(publishedClaims(ws.db).map((p) => [p.revision.revision, p.revision.claim.current_value])).toEqual([[1, 100]]);
    let h = claimHistory(ws.db, 'CL-1');
    expect(h.unpublished?.map((c) => c.field)).toEqual(['statement', 'current_value']);
    transitionClaim(ws, 'CL-1', 'published', { asOf: AS_OF });
    h = claimHistory(ws.db, 'CL-1');
    expect(h.revisions.map((r) => r.revision)).toEqual([1, 2]);
    expect(h.revisions[0]!.changes).toEqual([]);
    expect(h.revisions[1]!.changes).toEqual([
      { field: 'statement', label: 'Statement', before: 'Our shampoo bottle is made from 100% recycled plastic (cap not included).', after: 'Our shampoo bottle is made from 90% recycled plastic (cap not included).' },
      { field: 'current_value', label: 'Current value', before: '100%', after: '90%' },
    ]);
    expect(h.unpublished).toBeNull();
    expect(h.events.map((e) => e.action)).toContain('claim.update');
  });

  it('a retired claim keeps its history and stays visible as retired', () => {
    saveClaim(ws, good());
    transitionClaim(ws, 'CL-1', 'published', { asOf: AS_OF });
    transitionClaim(ws, 'CL-1', 'retired', { note: 'product discontinued' });
    expect(listClaims(ws.db).map((c) => [c.claim.id, c.status])).toEqual([['CL-1', 'retired']]);
    expect(publishedClaims(ws.db).map((p) => p.status)).toEqual(['retired']);
    const h = claimHistory(ws.db, 'CL-1');
    expect(h.revisions).toHaveLength(1);
    expect(h.events[h.events.length - 1]).toMatchObject({ action: 'claim.retire', from: 'published', to: 'retired', detail: 'product discontinued' });
  });
});
