// A workspace made before claims kept their language (schema 0050) opens at 0080 with its claims, evidence and
// published revisions as they were; from then on a claim's language is stored, and the linter reads what is stored.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importClaims } from '../../electron/core/claims/import.ts';
import { lintClaim } from '../../electron/core/claims/lint.ts';
import { getClaim, listRevisions, saveClaim } from '../../electron/core/claims/store.ts';
import { migration } from '../../electron/core/db/migrations/0080-claim-language.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { openDatabase, schemaVersion } from '../../electron/core/db/open.ts';
import { DB_FILE, EVIDENCE_DIR, openWorkspace, writeWorkspaceMeta } from '../../electron/core/workspace.ts';
import { tempDir } from '../helpers/workspace.ts';

let root: string;
let cleanup: () => void;
beforeEach(() => ({ dir: root, cleanup } = tempDir()));
afterEach(() => cleanup());

const SHA = 'a'.repeat(64);

/** What the 0050 code wrote: a published claim with a stored evidence file and its revision, and a draft. */
function workspaceAt0050(): void {
  mkdirSync(join(root, EVIDENCE_DIR));
  writeFileSync(join(root, EVIDENCE_DIR, SHA), 'certificate');
  const db = openDatabase(join(root, DB_FILE), { migrations: migrations.filter((m) => m.version <= 50) });
  try {
    expect(schemaVersion(db)).toBe(50);
    const insert = db.prepare(`INSERT INTO claims (id, title, statement, markets, category, scope, metric, unit, target_value, target_year, uses_offsets, owner, status, revision, created_at, created_by, updated_at, updated_by)
      VALUES (?, ?, ?, ?, ?, 'product', ?, ?, ?, ?, ?, 'Sam', ?, ?, '2025-01-02T00:00:00Z', 'sam', '2025-01-03T00:00:00Z', 'sam')`);
    const pub = insert.run('NW-1', 'Recycled bottle', 'Made with 30% recycled plastic.', '["UK","EU"]', 'recycled_content', 'recycled share', '%', 50, 2030, 0, 'published', 1);
    insert.run('NW-2', 'Netto nul', 'Netto nul', '["EU"]', 'climate', null, null, null, null, null, 'draft', 0);
    db.prepare(`INSERT INTO claim_evidence (claim_rowid, position, type, title, issuer, independent_third_party, covers, file_name, file_size, file_sha256)
      VALUES (?, 0, 'certificate', 'GRS certificate', 'Control Union', 1, '["whole product"]', 'grs.txt', 11, ?)`).run(Number(pub.lastInsertRowid), SHA);
    const content = JSON.stringify({ id: 'NW-1', title: 'Recycled bottle', statement: 'Made with 30% recycled plastic.', markets: ['UK', 'EU'], category: 'recycled_content', scope: 'product', scope_detail: null, metric: 'recycled share', unit: '%', baseline: null, target: { value: 50, year: 2030 }, current_value: null, current_as_of: null, comparison_basis: null, uses_offsets: false, label: null, owner: 'Sam', evidence: [] });
    db.prepare(`INSERT INTO claim_revisions (claim_id, revision, published_at, published_by, reviewed_as_of, content, content_sha256) VALUES ('NW-1', 1, '2025-01-03T00:00:00Z', 'sam', '2025-01-03', ?, ?)`).run(content, 'b'.repeat(64));
  } finally {
    db.close();
  }
  writeWorkspaceMeta(root, { format: 'candor-workspace', formatVersion: 1, name: 'Northwind', createdAt: '2025-01-01T00:00:00Z' });
}

describe('migration 0080-claim-language', () => {
  it('is registered, last in version order', () => {
    expect(migrations).toContain(migration);
    expect(migrations.map((m) => m.version)).toEqual([...migrations.map((m) => m.version)].sort((a, b) => a - b));
  });

  it('upgrades a workspace made at 0050 with its claims, evidence and revisions intact', () => {
    workspaceAt0050();
    const ws = openWorkspace(root);
    try {
      expect(schemaVersion(ws.db)).toBeGreaterThanOrEqual(80);
      const nw1 = getClaim(ws.db, 'NW-1');
      expect(nw1).toMatchObject({ status: 'published', revision: 1, createdBy: 'sam' });
      expect(nw1.claim).toMatchObject({ statement: 'Made with 30% recycled plastic.', markets: ['EU', 'UK'], target: { value: 50, year: 2030 }, uses_offsets: false, owner: 'Sam', language: null });
      expect(nw1.claim.evidence).toEqual([expect.objectContaining({ title: 'GRS certificate', covers: ['whole product'], file: { name: 'grs.txt', size: 11, sha256: SHA } })]);
      const [rev] = listRevisions(ws.db, 'NW-1');
      expect(rev).toMatchObject({ revision: 1, contentSha256: 'b'.repeat(64) });
      expect(rev!.claim.statement).toBe('Made with 30% recycled plastic.');
      expect(getClaim(ws.db, 'NW-2').claim.language).toBeNull();
    } finally {
      ws.close();
    }
  });

  it('stores a claim\'s language from then on, and the linter reads the stored one', async () => {
    workspaceAt0050();
    const ws = openWorkspace(root);
    try {
      // "Netto nul" alone has no word or spelling that gives its language away (read as English); recorded as Dutch,
      // the Dutch carbon-neutral terms apply.
      const before = lintClaim(getClaim(ws.db, 'NW-2').claim, { asOf: '2026-10-01' }).map((f) => f.rule);
      expect(before).not.toContain('GC-NEUTRAL-BASIS-UNKNOWN');
      const record = saveClaim(ws, { ...getClaim(ws.db, 'NW-2').claim, language: 'nl' }).record;
      expect(record.claim.language).toBe('nl');
      expect(ws.db.prepare("SELECT language FROM claims WHERE id = 'NW-2'").get()).toEqual({ language: 'nl' });
      expect(lintClaim(getClaim(ws.db, 'NW-2').claim, { asOf: '2026-10-01' }).map((f) => f.rule)).toContain('GC-NEUTRAL-BASIS-UNKNOWN');

      const csv = join(root, 'claims.csv');
      writeFileSync(csv, 'id,statement,markets,category,scope,language\nDE-1,Klimaneutral hergestellt,EU,,product,DE\n');
      expect((await importClaims(ws, [csv]))[0]).toMatchObject({ claimsCreated: 1, rejected: [] });
      expect(getClaim(ws.db, 'DE-1').claim.language).toBe('de');
      expect(() => ws.db.prepare("UPDATE claims SET language = 'Dutch' WHERE id = 'DE-1'").run()).toThrow(/CHECK/);
    } finally {
      ws.close();
    }
  });
});
