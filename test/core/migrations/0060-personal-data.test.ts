import { describe, expect, it } from 'vitest';
import { detectorNews } from '../../../electron/core/curation/scan.ts';
import { wasErased } from '../../../electron/core/store/erased.ts';
import { upgradeFixture } from '../../helpers/migration.ts';

describe('migration 0060 on a database of the version before it', () => {
  it('keeps every review, and lists the old scans as still to be rescanned by the improved detectors', () => {
    const { db, cleanup } = upgradeFixture(60);
    try {
      // Scans made before detector versions were recorded count as version 1: all three are due for a rescan.
      expect(db.prepare('SELECT thread_rowid, detector_version FROM curation_scans ORDER BY thread_rowid').all()).toEqual([
        { thread_rowid: 1, detector_version: null }, { thread_rowid: 2, detector_version: null }, { thread_rowid: 3, detector_version: null },
      ]);
      expect(detectorNews(db)).toMatchObject({ conversations: 0, threadIds: [], awaitingRescan: 3 });
      // What curators decided before the upgrade is untouched.
      expect(db.prepare('SELECT thread_rowid, finding_id, status, actor FROM pii_reviews').all()).toEqual([{ thread_rowid: 1, finding_id: 'f_1', status: 'accepted', actor: 'ann' }]);
      expect(db.prepare('SELECT key, value FROM private_data ORDER BY key').all()).toEqual([{ key: 'customer.email', value: 'sarah@example.com' }, { key: 'ip', value: '203.0.113.7' }]);
    } finally {
      cleanup();
    }
  });

  it('starts with no erasures: every imported customer is still there and may be imported again', () => {
    const { db, cleanup } = upgradeFixture(60);
    try {
      expect(db.prepare('SELECT count(*) AS n FROM erased_sources').get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT count(*) AS n FROM pii_detector_news').get()).toEqual({ n: 0 });
      expect(db.prepare("SELECT value FROM meta WHERE key = 'erasure.salt'").get()).toBeUndefined();
      for (const [source, id] of [['zendesk', 'Z-1'], ['trustpilot', 'T-2'], ['email', 'E-3']] as const) expect(wasErased(db, source, id), `${source} ${id}`).toBe(false);
      // A finding the new detectors add is listed until reviewed, and goes with its thread.
      db.prepare("INSERT INTO pii_detector_news (thread_rowid, finding_id, version) VALUES (1, 'f_1', '2')").run();
      expect(() => db.prepare("INSERT INTO pii_detector_news (thread_rowid, finding_id, version) VALUES (99, 'f_9', '2')").run()).toThrow(/FOREIGN KEY/);
    } finally {
      cleanup();
    }
  });
});
