import { describe, expect, it } from 'vitest';
import { claimLanguage } from '../../../electron/core/claims/language.ts';
import { getClaim } from '../../../electron/core/claims/store.ts';
import { upgradeFixture } from '../../helpers/migration.ts';

describe('migration 0080 on a database of the version before it', () => {
  it('leaves old claims without a recorded language: it is detected from the statement, as before', () => {
    const { db, cleanup } = upgradeFixture(80);
    try {
      expect(db.prepare('SELECT id, language FROM claims ORDER BY id').all()).toEqual([{ id: 'net-zero-2040', language: null }, { id: 'recycled-fleece', language: null }]);
      const record = getClaim(db, 'net-zero-2040');
      expect(record).toMatchObject({ status: 'published', revision: 2, claim: { title: 'Net zero by 2040', language: null } });
      expect(claimLanguage(record.claim)).toBe('en');
      // The published history is untouched.
      expect(db.prepare("SELECT revision, override_reason FROM claim_revisions WHERE claim_id = 'net-zero-2040' ORDER BY revision").all()).toEqual([
        { revision: 1, override_reason: null }, { revision: 2, override_reason: 'Verifier booked.' },
      ]);
      // What the version before wrote is kept: the curator's correction of the size question.
      expect(db.prepare("SELECT status, status_corrected FROM threads WHERE id = 't_0000000000000003'").get()).toEqual({ status: 'resolved', status_corrected: 1 });
    } finally {
      cleanup();
    }
  });

  it('keeps a language set on a claim, and refuses anything but a two-letter lowercase code', () => {
    const { db, cleanup } = upgradeFixture(80);
    try {
      db.prepare("UPDATE claims SET language = 'nl' WHERE id = 'recycled-fleece'").run();
      const fleece = getClaim(db, 'recycled-fleece').claim;
      expect(fleece.language).toBe('nl');
      // Set to Dutch, the English-looking statement is read as Dutch, not detected again.
      expect(claimLanguage(fleece)).toBe('nl');
      for (const bad of ['EN', 'eng', 'e']) {
        expect(() => db.prepare("UPDATE claims SET language = ? WHERE id = 'recycled-fleece'").run(bad), bad).toThrow(/CHECK/);
      }
      expect(getClaim(db, 'recycled-fleece').claim.language).toBe('nl');
    } finally {
      cleanup();
    }
  });
});
