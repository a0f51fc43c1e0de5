import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../electron/core/db/migrations/index.ts';
import { schemaVersion } from '../../../electron/core/db/open.ts';
import { fixtureName, FIXTURES_DIR } from '../../fixtures/migrations/make.ts';
import { rowCounts, upgradeFixture } from '../../helpers/migration.ts';

// Every migration upgrades a database made by the version before it: a small fixture per step
// (test/fixtures/migrations/, made by make.ts) that keeps all its rows, and a test of what the step itself does
// (test/core/migrations/<version>-<name>.test.ts). Adding a migration means adding both; see docs/architecture.md.

const steps = migrations.slice(1);
const tests = readdirSync(import.meta.dirname);

describe.each(steps.map((m) => [String(m.version).padStart(4, '0'), m] as const))('migration %s', (name, m) => {
  it('has a fixture made by the version before it, and a test of its own', () => {
    expect(existsSync(join(FIXTURES_DIR, fixtureName(m.version))), `node test/fixtures/migrations/make.ts makes ${fixtureName(m.version)}`).toBe(true);
    expect(tests.some((f) => f.startsWith(`${name}-`) && f.endsWith('.test.ts')), `test/core/migrations/${name}-${m.name}.test.ts`).toBe(true);
  });

  it('upgrades that database, losing no row, the database sound, and the rest of the way to the latest', () => {
    const previous = migrations[migrations.indexOf(m) - 1]!.version;
    for (const to of ['this', 'latest'] as const) {
      const u = upgradeFixture(m.version, to);
      try {
        expect(u.versionBefore).toBe(previous);
        expect(schemaVersion(u.db)).toBe(to === 'this' ? m.version : migrations.at(-1)!.version);
        const after = rowCounts(u.db);
        for (const [table, n] of Object.entries(u.countsBefore)) expect(after[table], table).toBeGreaterThanOrEqual(n);
        expect(u.countsBefore.threads).toBeGreaterThan(0);
        expect(u.db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
      } finally {
        u.cleanup();
      }
    }
  });
});
