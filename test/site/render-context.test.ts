import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteViewRules } from '../../electron/core/curation/published.ts';
import { englishText } from '../../electron/core/site/i18n.ts';
import { publishedThreadKeys } from '../../electron/core/site/site-data.ts';
import { namingWords } from '../../electron/core/site/thread-reader.ts';
import { templateRoots } from '../../electron/core/site/themes.ts';
import { siteGlobals } from '../../electron/core/site/pages.ts';
import { RenderContext } from '../../electron/core/site/render/context.ts';
import type { ThreadResult } from '../../electron/core/site/render/context.ts';
import { tempDir } from '../helpers/workspace.ts';
import { fixtureThreads, siteWorkspace } from './helpers.ts';
import type { SiteWorkspace } from './helpers.ts';

// A render worker reads a chunk's threads a few dozen at a time. Every published thread of the chunk must come back
// in the order asked for, with its own data rows, and a thread that is no longer published must be reported missing
// (the build then stops and says to build again) rather than shift the others.

describe('a render worker\'s chunk', () => {
  let fx: SiteWorkspace;
  const out = tempDir('candor-render-');
  beforeAll(async () => {
    const { threads, withheld } = fixtureThreads(130);
    fx = await siteWorkspace(threads, { withhold: withheld });
  }, 120_000);
  afterAll(() => {
    fx.cleanup();
    out.cleanup();
  });

  it('renders more threads than one read holds, in order, and names the one no longer published', () => {
    const db = new DatabaseSync(join(fx.dir, 'candor.sqlite'), { readOnly: true });
    const keys = publishedThreadKeys(db);
    const unpublished = db.prepare("SELECT rowid, id FROM threads WHERE decision <> 'publish' ORDER BY id LIMIT 1").get() as { rowid: number; id: string };
    const view = siteViewRules({ db }, namingWords(englishText()));
    db.close();
    expect(keys.length).toBeGreaterThan(100);
    const items = keys.map((k) => ({ id: k.id, rowid: k.rowid, prevPageHash: null, search: false }));
    items.splice(77, 0, { id: unpublished.id, rowid: unpublished.rowid, prevPageHash: null, search: false });
    const globals = siteGlobals({ name: 'Acme Test Ltd', url: null, baseUrl: null, theme: 'default', generator: 'test', hasClaims: false, hasSearch: false, keyFingerprint: null });
    const ctx = new RenderContext({ workspaceDir: fx.dir, roots: templateRoots('default', fx.dir), temp: out.dir, previous: null, fingerprint: 'test', globals, view });
    try {
      const r = ctx.run({ type: 'threads', seq: 0, items }) as ThreadResult;
      expect(r.missing).toEqual([unpublished.id]);
      expect(r.threads.map((t) => t.id)).toEqual(keys.map((k) => k.id));
      for (const t of r.threads) expect(JSON.parse(Buffer.from(t.json).toString('utf8')).id).toBe(t.id);
    } finally {
      ctx.close();
    }
  });
});
