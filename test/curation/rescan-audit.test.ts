import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decideCurated } from '../../electron/core/curation/decisions.ts';
import { PUBLISH_GUARDS } from '../../electron/core/publish-guards.ts';
import { scanAhead } from '../../electron/core/curation/scan-ahead.ts';
import { DETECTOR_VERSION, refreshScans } from '../../electron/core/curation/scan.ts';
import { buildSite } from '../../electron/core/site/build.ts';
import { sourceFingerprint } from '../../electron/core/site/build/fingerprint.ts';
import { listAudit } from '../../electron/core/store/audit.ts';
import { auditFacets, searchAudit } from '../../electron/core/store/audit-search.ts';
import { describeEntry } from '../../electron/shared/audit-words.ts';
import type { Workspace } from '../../electron/core/workspace.ts';
import { storeThreads } from './fixture.ts';
import { tempDir, tempWorkspace } from '../helpers/workspace.ts';
import type { ThreadRec } from '../helpers/workspace.ts';

// Conversations scanned again because the personal-data detectors improved leave one audit entry (how many, which
// detector version to which, how many new findings), and the next in-place build renders every page again: a page
// made when the old detectors missed something is not kept.

const thread = (id: string, body: string): ThreadRec => ({
  id, source: 'web', subject: 'Broken kettle', customer: { name: 'Jane Doe', location: 'Leeds' },
  messages: [
    { id: '1', author: { role: 'customer', name: 'Jane Doe' }, sent_at: '2026-03-01T09:00:00Z', body },
    { id: '2', author: { role: 'staff', name: 'Sam' }, sent_at: '2026-03-01T10:00:00Z', body: 'Sorry, a new one is on its way.' },
  ],
});

/** As if the stored scans were made by detector version 1, which knew phone numbers but not national identifiers. */
function asIfScannedByVersion1(ws: Workspace): void {
  ws.db.prepare("DELETE FROM pii_findings WHERE kind = 'national-id'").run();
  ws.db.prepare("UPDATE curation_scans SET detector_version = NULL, pii_config = 'version 1'").run();
  ws.db.prepare("UPDATE meta SET value = replace(value, '\"pii\":\"', '\"pii\":\"v1-') WHERE key = 'curation.scanState'").run();
}

/** Every page and data file of a built site, as one text. */
function siteText(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && /\.(html|json|csv|xml)$/.test(e.name)).map((e) => readFileSync(join(e.parentPath, e.name), 'utf8')).join('\n');
}

const rescanEntries = (ws: Workspace) => listAudit(ws.db).filter((e) => e.action === 'curation.rescan');

describe('re-scans after better detectors', () => {
  it('write one audit entry in plain words, and none when nothing was scanned again', async () => {
    const t = tempWorkspace();
    try {
      storeThreads(t.ws, [thread('a', 'My SSN is 516-89-9449, phone 07700 900123.'), thread('b', 'The kettle broke.'), thread('c', 'Still broken.')]);
      refreshScans(t.ws.db);
      expect(rescanEntries(t.ws)).toEqual([]);
      asIfScannedByVersion1(t.ws);
      await scanAhead(t.ws.db);
      const [entry, ...more] = rescanEntries(t.ws);
      expect(more).toEqual([]);
      expect(entry).toMatchObject({ actor: 'Candor', entityType: 'detector', entityId: DETECTOR_VERSION, before: { detectorVersion: '1' }, after: { detectorVersion: DETECTOR_VERSION, threads: 3, newFindings: 1 } });
      expect(describeEntry(entry!)).toBe(`Personal-data detection improved (version 1 → ${DETECTOR_VERSION}): 3 conversations checked again, 1 new finding to review`);
      // The app's audit screen gets it through the same search, named in its filter.
      expect(searchAudit(t.ws.db, { action: 'curation.rescan' })).toMatchObject([{ actionName: 'Checked again for personal data', summary: describeEntry(entry!) }]);
      expect(auditFacets(t.ws.db).actions).toContainEqual({ code: 'curation.rescan', name: 'Checked again for personal data' });
      // Current scans: later runs, and a refresh on its own, add nothing.
      await scanAhead(t.ws.db);
      refreshScans(t.ws.db);
      expect(rescanEntries(t.ws)).toHaveLength(1);
      // A re-scan that happens through a refresh (a filtered search, a build) is audited the same way.
      asIfScannedByVersion1(t.ws);
      refreshScans(t.ws.db);
      expect(rescanEntries(t.ws)).toHaveLength(2);
    } finally {
      t.cleanup();
    }
  });

  it('make the next build into the same folder render again the pages the old detectors let through', async () => {
    const t = tempWorkspace();
    const d = tempDir('candor-rescan-');
    try {
      storeThreads(t.ws, [thread('a', 'My SSN is 516-89-9449.'), thread('b', 'The kettle broke.'), thread('c', 'Still broken.')]);
      decideCurated(t.ws, { ids: ['web:a', 'web:b', 'web:c'] }, { decision: 'publish' }, PUBLISH_GUARDS);
      refreshScans(t.ws.db);
      // The old detectors did not know national identifiers: the scan is current and found nothing in "a".
      t.ws.db.prepare("DELETE FROM pii_findings WHERE kind = 'national-id'").run();
      const out = join(d.dir, 'site');
      const build = async () => {
        const r = await buildSite({ workspace: t.ws, out, search: false, workers: 0 });
        await r.cleanup;
        return r;
      };
      await build();
      expect(siteText(out)).toContain('516-89-9449');
      // Nothing changed: the in-place rebuild keeps its pages (the control).
      expect((await build()).rendered).toBe(0);
      // The app is upgraded: the new detectors scan every thread again, right after the next import.
      asIfScannedByVersion1(t.ws);
      await scanAhead(t.ws.db);
      expect(rescanEntries(t.ws)).toHaveLength(1);
      const after = await build();
      expect(after.rendered).toBeGreaterThan(0);
      expect(siteText(out)).not.toContain('516-89-9449');
    } finally {
      t.cleanup();
      d.cleanup();
    }
  }, 120_000);

  it('the build fingerprint changes with the detector version: an upgraded app renders every page again', () => {
    const d = tempDir('candor-fp-');
    try {
      const repo = resolve(import.meta.dirname, '../..');
      for (const part of ['core/site', 'core/claims', 'core/model', 'shared']) {
        mkdirSync(join(d.dir, 'electron', part), { recursive: true });
        writeFileSync(join(d.dir, 'electron', part, 'x.ts'), 'export {};\n');
      }
      mkdirSync(join(d.dir, 'electron/core/curation'), { recursive: true });
      const scan = join(d.dir, 'electron/core/curation/scan.ts');
      copyFileSync(join(repo, 'electron/core/curation/scan.ts'), scan);
      copyFileSync(join(repo, 'package-lock.json'), join(d.dir, 'package-lock.json'));
      const before = sourceFingerprint(d.dir);
      const source = readFileSync(scan, 'utf8');
      expect(source).toContain(`export const DETECTOR_VERSION = '${DETECTOR_VERSION}';`);
      writeFileSync(scan, source.replace(`export const DETECTOR_VERSION = '${DETECTOR_VERSION}';`, `export const DETECTOR_VERSION = '${Number(DETECTOR_VERSION) + 1}';`));
      const after = sourceFingerprint(d.dir);
      expect(before).toMatch(/^[0-9a-f]{64}$/);
      expect(after).toMatch(/^[0-9a-f]{64}$/);
      expect(after).not.toBe(before);
    } finally {
      d.cleanup();
    }
  });
});
