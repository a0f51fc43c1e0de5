import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimAuthor, readClaimSettings, writeClaimSettings } from '../../electron/core/claims/approval.ts';
import { claimHistory } from '../../electron/core/claims/history.ts';
import { ClaimInput } from '../../electron/shared/claims/model.ts';
import { publicNotes, targetPassed } from '../../electron/core/claims/public-notes.ts';
import { getClaim, listRevisions, publishedClaims, saveClaim, transitionClaim } from '../../electron/core/claims/store.ts';
import { listAudit } from '../../electron/core/store/audit.ts';
import type { Workspace } from '../../electron/core/workspace.ts';
import { tempWorkspace } from '../helpers/workspace.ts';
import { AS_OF } from './helpers.ts';

const good = (over: Record<string, unknown> = {}) => ClaimInput.parse({
  id: 'CL-1', statement: 'Our shampoo bottle is made from 100% recycled plastic (cap not included).',
  markets: ['EU', 'UK'], category: 'recycled_content', scope: 'part', scope_detail: 'bottle', unit: '%', current_value: 100,
  evidence: [{ type: 'audit', title: 'Recycled-content audit 2026', issuer: 'SGS', independent_third_party: true, valid_until: '2027-09-30' }],
  ...over,
});

let ws: Workspace;
let cleanup: () => void;
beforeEach(() => {
  ({ ws, cleanup } = tempWorkspace());
});
afterEach(() => cleanup());

function as<T>(actor: string, fn: () => T): T {
  const before = ws.actor;
  ws.actor = actor;
  try {
    return fn();
  } finally {
    ws.actor = before;
  }
}

describe('second approver', () => {
  it('is off by default: the author may approve and publish their own claim', () => {
    expect(readClaimSettings(ws.db)).toEqual({ secondApprover: false });
    as('alice', () => saveClaim(ws, good()));
    expect(as('alice', () => transitionClaim(ws, 'CL-1', 'published', { asOf: AS_OF })).publishedRevision).toBe(1);
  });

  it('when on, the author of the current wording cannot approve or publish; a colleague can, and the log says who wrote it', () => {
    as('admin', () => writeClaimSettings(ws.db, 'admin', { secondApprover: true }));
    as('alice', () => saveClaim(ws, good()));
    as('alice', () => transitionClaim(ws, 'CL-1', 'in_review', { asOf: AS_OF }));
    expect(() => as('alice', () => transitionClaim(ws, 'CL-1', 'approved'))).toThrow(expect.objectContaining({ code: 'SECOND_APPROVER_REQUIRED', message: expect.stringMatching(/second person.*Ask a colleague to approve it/) }));
    expect(() => as('alice', () => transitionClaim(ws, 'CL-1', 'published', { asOf: AS_OF }))).toThrow(expect.objectContaining({ code: 'SECOND_APPROVER_REQUIRED' }));
    expect(getClaim(ws.db, 'CL-1').status).toBe('in_review');
    as('bob', () => transitionClaim(ws, 'CL-1', 'approved'));
    // Approval by someone else does not let the author publish: they still may not approve their own words.
    expect(() => as('alice', () => transitionClaim(ws, 'CL-1', 'published', { asOf: AS_OF }))).toThrow(expect.objectContaining({ code: 'SECOND_APPROVER_REQUIRED' }));
    const t = as('bob', () => transitionClaim(ws, 'CL-1', 'published', { asOf: AS_OF }));
    expect(t.publishedRevision).toBe(1);
    const publish = listAudit(ws.db, { entityType: 'claim', entityId: 'CL-1' }).find((e) => e.action === 'claim.publish')!;
    expect(publish.actor).toBe('bob');
    expect(publish.after).toMatchObject({ author: 'alice', revision: 1 });
  });

  it('the author is whoever last changed the wording, not whoever moved it along', () => {
    writeClaimSettings(ws.db, 'admin', { secondApprover: true });
    as('alice', () => saveClaim(ws, good()));
    as('alice', () => transitionClaim(ws, 'CL-1', 'in_review'));
    as('bob', () => saveClaim(ws, good({ statement: 'Our shampoo bottle is made from 100% recycled plastic; the cap is not.' })));
    expect(claimAuthor(ws.db, 'CL-1')).toBe('bob');
    expect(() => as('bob', () => transitionClaim(ws, 'CL-1', 'published', { asOf: AS_OF }))).toThrow(expect.objectContaining({ code: 'SECOND_APPROVER_REQUIRED' }));
    expect(as('alice', () => transitionClaim(ws, 'CL-1', 'published', { asOf: AS_OF })).publishedRevision).toBe(1);
  });

  it('turning it on or off is audited; writing the same value again is not', () => {
    writeClaimSettings(ws.db, 'admin', { secondApprover: true });
    writeClaimSettings(ws.db, 'admin', { secondApprover: true });
    writeClaimSettings(ws.db, 'carol', { secondApprover: false });
    const log = listAudit(ws.db, { entityType: 'setting' }).filter((e) => e.action === 'claims.settings.set');
    expect(log.map((e) => [e.actor, e.before, e.after])).toEqual([
      ['admin', { secondApprover: false }, { secondApprover: true }],
      ['carol', { secondApprover: true }, { secondApprover: false }],
    ]);
  });
});

describe('what the public claim page is told', () => {
  it('a claim published over error-level findings carries the findings and the recorded reason', () => {
    saveClaim(ws, good({ id: 'CL-2', statement: 'Our laundry liquid is eco-friendly.', category: 'generic', scope: 'product', scope_detail: null, unit: null, current_value: null }));
    transitionClaim(ws, 'CL-2', 'published', { asOf: AS_OF, override: 'Legal approved the wording for the 2026 campaign.' });
    const [p] = publishedClaims(ws.db);
    const notes = publicNotes(ws.db, p!.status, p!.revision, AS_OF);
    expect(notes.override?.reason).toBe('Legal approved the wording for the 2026 campaign.');
    expect(notes.override?.findings.map((f) => f.rule)).toContain('GC-GENERIC-TERM');
    expect(notes.retirement).toBeNull();
  });

  it('a clean claim has no override note', () => {
    saveClaim(ws, good());
    transitionClaim(ws, 'CL-1', 'published', { asOf: AS_OF });
    expect(publicNotes(ws.db, 'published', listRevisions(ws.db, 'CL-1')[0]!, AS_OF).override).toBeNull();
  });

  it('a retired claim says when and why (the reason given when retiring)', () => {
    saveClaim(ws, good());
    transitionClaim(ws, 'CL-1', 'published', { asOf: AS_OF });
    transitionClaim(ws, 'CL-1', 'retired', { reason: '  We changed bottle supplier.  ', now: '2026-11-02T09:00:00.000Z' });
    const [p] = publishedClaims(ws.db);
    expect(publicNotes(ws.db, p!.status, p!.revision, AS_OF).retirement).toEqual({ at: '2026-11-02T09:00:00.000Z', reason: 'We changed bottle supplier.' });
    expect(claimHistory(ws.db, 'CL-1').events.at(-1)).toMatchObject({ action: 'claim.retire', detail: 'reason: We changed bottle supplier.' });
  });

  it('a target is past once its year is over, and a future-target claim is then labelled so', () => {
    expect(targetPassed({ target: { value: 50, year: 2025 } }, '2025-12-31')).toBe(false);
    expect(targetPassed({ target: { value: 50, year: 2025 } }, '2026-01-01')).toBe(true);
    expect(targetPassed({ target: null }, '2030-01-01')).toBe(false);
    saveClaim(ws, good({ id: 'T-1', statement: 'We will halve our emissions by 2025 from 2019.', category: 'future_target', scope: 'company', scope_detail: null, unit: 'tCO2e', baseline: { value: 1000, year: 2019 }, target: { value: 500, year: 2025 }, current_value: 700 }));
    transitionClaim(ws, 'T-1', 'published', { asOf: '2025-06-01', override: 'Plan published separately.' });
    const rev = listRevisions(ws.db, 'T-1')[0]!;
    expect(publicNotes(ws.db, 'published', rev, '2025-06-01')).toMatchObject({ targetPassed: false, categoryLabel: null });
    expect(publicNotes(ws.db, 'published', rev, '2026-03-01')).toMatchObject({ targetPassed: true, categoryLabel: 'Target (deadline passed)' });
  });
});
