import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSettings, writeSetting } from '../../../electron/core/curation/settings.ts';
import { lastUndoable, undoable, undoLast } from '../../../electron/core/curation/undo.ts';
import { migrations } from '../../../electron/core/db/migrations/index.ts';
import { openDatabase } from '../../../electron/core/db/open.ts';
import { upgradeFixture } from '../../helpers/migration.ts';
import { tempDir, tempWorkspace } from '../../helpers/workspace.ts';
import { PUBLISH_GUARDS } from '../../../electron/core/publish-guards.ts';

describe('migration 0100 on a database of the version before it', () => {
  it('keeps showing staff by name in a workspace that already published conversations that way', () => {
    const { db, cleanup } = upgradeFixture(100);
    try {
      expect(db.prepare("SELECT value FROM meta WHERE key = 'policy.staffNaming'").get()).toEqual({ value: 'name' });
      expect(readSettings(db).staffNaming).toBe('name');
      // The other settings and the claims of the version before are kept (the German claim keeps its language).
      expect(db.prepare("SELECT value FROM meta WHERE key = 'site.intro'").get()).toEqual({ value: 'We publish every conversation.' });
      expect(db.prepare('SELECT id, language FROM claims ORDER BY id').all()).toEqual([
        { id: 'net-zero-2040', language: 'en' }, { id: 'recycled-fleece', language: null }, { id: 'versand-co2', language: 'de' },
      ]);
    } finally {
      cleanup();
    }
  });

  it('starts with nothing to undo, and a change made after the upgrade can be undone', () => {
    const { db, cleanup } = upgradeFixture(100);
    try {
      const ann = { db, actor: 'ann' };
      expect(db.prepare('SELECT count(*) AS n FROM undo_journal').get()).toEqual({ n: 0 });
      expect(lastUndoable(ann)).toBeNull();
      undoable(ann, () => writeSetting(db, 'ann', 'staffNaming', 'role'));
      expect(readSettings(db).staffNaming).toBe('role');
      expect(lastUndoable(ann)).not.toBeNull();
      expect(lastUndoable({ db, actor: 'ben' })).toBeNull();
      undoLast(ann, PUBLISH_GUARDS);
      expect(readSettings(db).staffNaming).toBe('name');
      expect(lastUndoable(ann)).toBeNull();
    } finally {
      cleanup();
    }
  });

  it('gives new workspaces, and old ones never used, the new default: staff shown by their role', () => {
    const fresh = tempWorkspace();
    try {
      expect(readSettings(fresh.ws.db).staffNaming).toBe('role');
      expect(fresh.ws.db.prepare("SELECT value FROM meta WHERE key = 'policy.staffNaming'").get()).toBeUndefined();
    } finally {
      fresh.cleanup();
    }
    const t = tempDir('candor-migration-');
    try {
      const file = join(t.dir, 'candor.sqlite');
      openDatabase(file, { migrations: migrations.filter((m) => m.version < 100) }).close();
      const db = openDatabase(file, { migrations: migrations.filter((m) => m.version <= 100) });
      try {
        expect(readSettings(db).staffNaming).toBe('role');
      } finally {
        db.close();
      }
    } finally {
      t.cleanup();
    }
  });
});
