import { describe, expect, it } from 'vitest';
import { readSettings } from '../../../electron/core/curation/settings.ts';
import { lastUndoable, undoLast } from '../../../electron/core/curation/undo.ts';
import { getTarget, listTargets, saveTarget } from '../../../electron/core/publish/targets.ts';
import { upgradeFixture } from '../../helpers/migration.ts';
import { PUBLISH_GUARDS } from '../../../electron/core/publish-guards.ts';

describe('migration 0110 on a database of the version before it', () => {
  it('starts with no publish target, and a target added after the upgrade is kept with its defaults', () => {
    const { db, cleanup } = upgradeFixture(110);
    try {
      expect(listTargets(db)).toEqual([]);
      const ws = { db, actor: 'ann' };
      const t = saveTarget(ws, { name: 'production', kind: 's3', settings: { bucket: 'fernhill-transparency' } });
      expect(t).toMatchObject({ name: 'production', kind: 's3', settings: { bucket: 'fernhill-transparency', region: 'us-east-1' }, lastPublish: null });
      expect(getTarget(db, 'production').id).toBe(t.id);
      expect(() => saveTarget(ws, { name: 'production', kind: 'git', settings: { url: 'https://github.com/fernhill/site.git' } })).toThrow(/already a target named "production"/);
      expect(() => db.prepare("INSERT INTO publish_targets (id, name, kind, settings, created_at, updated_at) VALUES ('pt_x', 'ftp', 'ftp', '{}', 'now', 'now')").run()).toThrow(/CHECK/);
      expect(() => db.prepare("INSERT INTO publish_targets (id, name, kind, settings, created_at, updated_at) VALUES ('pt_y', 'broken', 's3', 'not json', 'now', 'now')").run()).toThrow(/CHECK/);
    } finally {
      cleanup();
    }
  });

  it('keeps the undo history and staff naming of the version before: Ben can still undo his publishing', () => {
    const { db, cleanup } = upgradeFixture(110);
    try {
      expect(readSettings(db).staffNaming).toBe('name');
      expect(lastUndoable({ db, actor: 'ann' })).toBeNull();
      const ben = { db, actor: 'ben' };
      expect(lastUndoable(ben)).toMatchObject({ label: 'Published “Sizes?”' });
      undoLast(ben, PUBLISH_GUARDS);
      expect(db.prepare("SELECT decision FROM threads WHERE id = 't_0000000000000003'").get()).toEqual({ decision: 'pending' });
      expect(lastUndoable(ben)).toBeNull();
    } finally {
      cleanup();
    }
  });
});
