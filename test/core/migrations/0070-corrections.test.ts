import { describe, expect, it } from 'vitest';
import { correctMessageRole, correctThread } from '../../../electron/core/store/corrections.ts';
import { wasErased } from '../../../electron/core/store/erased.ts';
import { upgradeFixture } from '../../helpers/migration.ts';

describe('migration 0070 on a database of the version before it', () => {
  it('marks nothing as corrected: every kind, status and role is still what the import said', () => {
    const { db, cleanup } = upgradeFixture(70);
    try {
      expect(db.prepare('SELECT id, kind, status, kind_corrected, status_corrected FROM threads ORDER BY id').all()).toEqual([
        { id: 't_0000000000000001', kind: 'complaint', status: 'resolved', kind_corrected: 0, status_corrected: 0 },
        { id: 't_0000000000000002', kind: 'praise', status: 'resolved', kind_corrected: 0, status_corrected: 0 },
        { id: 't_0000000000000003', kind: 'question', status: 'open', kind_corrected: 0, status_corrected: 0 },
      ]);
      expect(db.prepare('SELECT count(*) AS n FROM messages WHERE role_corrected <> 0').get()).toEqual({ n: 0 });
      expect(db.prepare("SELECT id, role FROM messages WHERE thread_rowid = 1 ORDER BY position").all()).toEqual([
        { id: 'm_1', role: 'customer' }, { id: 'm_2', role: 'staff' }, { id: 'm_3', role: 'staff' },
      ]);
      // What the version before wrote is kept: the erased customer stays erased, the improved detectors' finding listed.
      expect(wasErased(db, 'trustpilot', 'T-9')).toBe(true);
      expect(db.prepare('SELECT thread_rowid, finding_id, version FROM pii_detector_news').all()).toEqual([{ thread_rowid: 1, finding_id: 'f_2', version: '2' }]);
    } finally {
      cleanup();
    }
  });

  it('lets a curator correct a thread and a message of an old workspace, and marks only what was corrected', () => {
    const { db, cleanup } = upgradeFixture(70);
    try {
      const r = correctThread(db, 't_0000000000000003', { status: 'resolved' }, { actor: 'ann', now: '2025-05-01T10:00:00.000Z' });
      expect(r).toEqual({ thread: 't_0000000000000003', changed: true, kind: 'question', status: 'resolved', resolvedAt: '2025-01-06T09:00:00.000Z' });
      expect(db.prepare("SELECT kind_corrected, status_corrected FROM threads WHERE id = 't_0000000000000003'").get()).toEqual({ kind_corrected: 0, status_corrected: 1 });
      correctMessageRole(db, 'm_5', { role: 'customer' }, { actor: 'ann', now: '2025-05-01T10:00:00.000Z' });
      expect(db.prepare('SELECT id, role, role_corrected FROM messages WHERE role_corrected = 1').all()).toEqual([{ id: 'm_5', role: 'customer', role_corrected: 1 }]);
      expect((db.prepare("SELECT action FROM audit_log WHERE action IN ('thread.correct','message.correct') ORDER BY seq").all() as { action: string }[]).map((a) => a.action)).toEqual(['thread.correct', 'message.correct']);
    } finally {
      cleanup();
    }
  });
});
