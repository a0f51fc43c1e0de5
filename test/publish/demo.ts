import { join } from 'node:path';
import { addManualRedaction } from '../../electron/core/curation/findings.ts';
import { buildSite } from '../../electron/core/site/build.ts';
import { createDemoWorkspace } from '../../electron/core/demo/create.ts';
import type { Manifest } from '../../electron/core/site/manifest.ts';
import { readManifest } from '../../electron/core/site/manifest.ts';
import { openWorkspace } from '../../electron/core/workspace.ts';

// The demo company's site, built twice: as it is, and after a curator changed one published conversation (a
// manual redaction of a few words in one message). Files whose SHA-256 differs between the two manifests are what
// a second publish must send, with manifest.json.

export type DemoSites = { ws: string; v1: string; v2: string; changed: string[]; removed: string[]; m1: Manifest; m2: Manifest };

export async function demoSites(dir: string): Promise<DemoSites> {
  const ws = join(dir, 'workspace');
  await createDemoWorkspace(ws);
  const v1 = join(dir, 'site-v1');
  await (await buildSite({ workspace: ws, out: v1 })).cleanup;
  const w = openWorkspace(ws, { actor: 'tester' });
  try {
    const row = w.db.prepare(`SELECT t.id AS thread, m.id AS message FROM threads t JOIN messages m ON m.thread_rowid = t.rowid
      WHERE t.decision = 'publish' AND m.visibility = 'public' AND length(m.body) > 40 ORDER BY t.id, m.sent_at LIMIT 1`).get() as { thread: string; message: string };
    addManualRedaction(w.db, { actor: 'tester' }, row.thread, `message:${row.message}`, 0, 12, 'a name the detectors missed');
  } finally {
    w.close();
  }
  const v2 = join(dir, 'site-v2');
  await (await buildSite({ workspace: ws, out: v2 })).cleanup;
  const m1 = readManifest(v1)!;
  const m2 = readManifest(v2)!;
  const before = new Map(m1.files.map((f) => [f.path, f.sha256]));
  const changed = m2.files.filter((f) => before.get(f.path) !== f.sha256).map((f) => f.path).sort();
  const now = new Set(m2.files.map((f) => f.path));
  const removed = m1.files.filter((f) => !now.has(f.path)).map((f) => f.path).sort();
  return { ws, v1, v2, changed, removed, m1, m2 };
}
