import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { lintClaims } from '../../electron/core/claims/lint.ts';
import { listClaims } from '../../electron/core/claims/store.ts';
import { verifySite } from '../../electron/core/site/manifest.ts';
import { NODE, ROOT, tempDir } from '../helpers/workspace.ts';
import { spawnSync } from 'node:child_process';

// `npm run demo -- --no-serve`: the README's way to see the product without the desktop app.
describe('npm run demo', () => {
  it('creates a realistic demo workspace, builds its site, and says where', () => {
    const t = tempDir('candor-demo-');
    try {
      const dir = join(t.dir, 'ws');
      const out = join(t.dir, 'site');
      const r = spawnSync(NODE, [join(ROOT, 'electron/cli/demo.ts'), '--dir', dir, '--out', out, '--no-serve', '--json'], { encoding: 'utf8', cwd: ROOT });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const report = JSON.parse(r.stdout) as { workspace: string; site: { out: string; pages: number; threads: number; claims: number } };
      expect(report.site.out).toBe(out);
      expect(verifySite(out)).toMatchObject({ ok: true });

      const db = new DatabaseSync(join(dir, 'candor.sqlite'), { readOnly: true });
      const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
      expect(one('SELECT count(*) AS n FROM threads')).toBeGreaterThanOrEqual(200);
      expect(one('SELECT count(DISTINCT kind) AS n FROM threads')).toBe(5);
      expect(one('SELECT count(DISTINCT source) AS n FROM threads')).toBeGreaterThanOrEqual(4);
      expect(one("SELECT count(*) AS n FROM threads WHERE kind = 'complaint' AND status <> 'resolved'")).toBeGreaterThan(10);
      expect(one("SELECT count(*) AS n FROM messages WHERE visibility = 'internal'")).toBeGreaterThan(20);
      expect(one("SELECT count(*) AS n FROM pii_findings WHERE confidence = 'high'")).toBeGreaterThan(30);
      expect(one("SELECT count(*) AS n FROM threads WHERE decision = 'withhold'")).toBeGreaterThan(5);
      expect(one("SELECT count(*) AS n FROM threads WHERE decision = 'pending'")).toBeGreaterThan(0);
      const claims = listClaims(db);
      expect(claims.length).toBeGreaterThanOrEqual(10);
      expect(claims.every((c) => c.claim.evidence.length > 0 || c.status === 'draft')).toBe(true);
      const findings = lintClaims(claims.map((c) => c.claim), { asOf: '2026-06-30' });
      expect(new Set(findings.map((f) => f.claim)).size).toBeGreaterThanOrEqual(3);
      db.close();

      // What the demo shows: internal notes and personal data never reach the site.
      const threads = readFileSync(join(out, 'data/threads.json'), 'utf8');
      expect(threads).not.toContain('Internal:');
      expect(threads).not.toContain('@example.com');
      expect(threads).not.toContain('4111 1111 1111 1111');
      expect(threads).toContain('[email removed]');
      expect(existsSync(join(out, 'claims/fh-net-zero-2040.html'))).toBe(true);
      expect(readFileSync(join(out, 'claims/fh-organic-cotton-tees.html'), 'utf8')).toContain('retired');
    } finally {
      t.cleanup();
    }
  }, 120_000);
});
