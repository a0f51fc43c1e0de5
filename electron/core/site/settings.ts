import { z } from 'zod';
import { transaction } from '../db/transaction.ts';
import { appendAudit } from '../store/audit.ts';
import type { Workspace } from '../workspace.ts';
import { readSiteTexts, siteTextKey } from './data.ts';
import type { SiteTexts } from './data.ts';

// The site's own texts: the home page introduction and the moderation policy (staff Markdown), and the
// organisation's website. Stored in the workspace, every change audited (a change rebuilds every page).

export const SiteSettings = z.object({
  intro: z.string().max(20_000).nullable(),
  policy: z.string().max(50_000).nullable(),
  url: z.url({ protocol: /^https?$/ }).nullable(),
});
export type SiteSettings = z.infer<typeof SiteSettings>;

export function readSiteSettings(ws: Pick<Workspace, 'db'>): SiteTexts {
  return readSiteTexts(ws.db);
}

export function updateSiteSettings(ws: Workspace, patch: Partial<SiteSettings>): SiteTexts {
  const parsed = SiteSettings.partial().parse(patch);
  return transaction(ws.db, () => {
    const before = readSiteTexts(ws.db);
    const set = ws.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    const del = ws.db.prepare('DELETE FROM meta WHERE key = ?');
    for (const name of ['intro', 'policy', 'url'] as const) {
      if (!(name in parsed)) continue;
      const value = parsed[name];
      if (value === null || value === undefined || value.trim() === '') del.run(siteTextKey(name));
      else set.run(siteTextKey(name), value);
    }
    const after = readSiteTexts(ws.db);
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      appendAudit(ws.db, { actor: ws.actor, action: 'site.settings', entityType: 'site', entityId: 'settings', before, after });
    }
    return after;
  });
}
