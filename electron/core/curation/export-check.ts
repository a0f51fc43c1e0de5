import { listClaims } from '../claims/store.ts';
import { claimSummary } from '../claims/summary.ts';
import { workspaceLanguage } from '../claims/language.ts';
import { today } from '../claims/lint.ts';
import { readSiteSettings } from '../site/settings.ts';
import type { Workspace } from '../workspace.ts';
import { scanningNow } from './scan-mark.ts';
import { refreshScans, toReviewCondition, unscannedCondition } from './scan.ts';
import type { CheckItem, ExportCheck } from '../../shared/curation/export-check.ts';

// What a person should look at before exporting the public site: work left undone, personal data nobody reviewed,
// claims published over their own check, and the texts every transparency site needs. Nothing here blocks the
// export (the app asks the person to confirm having seen the list); each item says where to fix it.

function count(ws: Workspace, sql: string, params: (string | number)[] = []): number {
  return (ws.db.prepare(sql).get(...params) as { n: number }).n;
}

const s = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function exportCheck(ws: Workspace): ExportCheck {
  // While the check after an import runs elsewhere, its work is not done again here (on the thread that answers the
  // window): conversations it has not reached count as holding personal data nobody reviewed.
  const checking = scanningNow(ws.dir);
  const u = checking ? unscannedCondition(ws.db, checking) : null;
  if (!u) refreshScans(ws.db);
  const toReview = toReviewCondition(u);
  const pending = count(ws, "SELECT count(*) AS n FROM threads WHERE decision = 'pending'");
  const published = count(ws, "SELECT count(*) AS n FROM threads WHERE decision = 'publish'");
  const withheld = count(ws, "SELECT count(*) AS n FROM threads WHERE decision = 'withhold'");
  const unreviewed = count(ws, `SELECT count(*) AS n FROM threads t WHERE ${toReview.sql}`, toReview.params);
  const unreviewedPublished = count(ws, `SELECT count(*) AS n FROM threads t WHERE ${toReview.sql} AND t.decision = 'publish'`, toReview.params);
  const items: CheckItem[] = [];
  if (published === 0) {
    items.push({ id: 'nothing-published', tone: 'attention', title: 'No conversation is published', detail: 'The site would show no conversations at all. Publish the ones you want readers to see.', count: 0, link: 'inbox-pending' });
  }
  if (pending > 0) {
    items.push({ id: 'pending', tone: 'attention', title: `${s(pending, 'conversation')} waiting for a decision`, detail: 'They are not on the site and not counted as withheld: decide each one, or export now and come back to them.', count: pending, link: 'inbox-pending' });
  }
  if (unreviewed > 0) {
    items.push({
      id: 'personal-data', tone: unreviewedPublished > 0 ? 'attention' : 'note', title: `${s(unreviewed, 'conversation')} with personal data nobody reviewed`,
      detail: unreviewedPublished > 0
        ? `${s(unreviewedPublished, 'is', 'are')} published. Everything Candor found in them is removed from the site anyway (personal data fails closed); a review confirms that, or keeps as written what may stay.`
        : 'None of them is published, so nothing unreviewed reaches the site.',
      count: unreviewed, link: 'inbox-unreviewed',
    });
  }
  const asOf = today();
  const language = workspaceLanguage(ws.db);
  const flagged = listClaims(ws.db, { status: 'published' }).map((r) => claimSummary(r, asOf, language)).filter((c) => c.findings.error > 0);
  if (flagged.length > 0) {
    items.push({ id: 'claims', tone: 'attention', title: `${s(flagged.length, 'published claim')} with problems the check found`, detail: `${flagged.map((c) => `“${c.title}”`).slice(0, 3).join(', ')}${flagged.length > 3 ? ', …' : ''}: the site shows ${flagged.length === 1 ? 'it' : 'them'} as published.`, count: flagged.length, link: 'claims' });
  }
  const site = readSiteSettings(ws);
  if (!site.url) items.push({ id: 'website', tone: 'attention', title: 'Your website is missing', detail: 'Readers use it to check that the site is really yours. Add it on the Site settings.', count: null, link: 'site-settings' });
  if (!site.policy) items.push({ id: 'policy', tone: 'attention', title: 'The moderation policy is missing', detail: 'The site’s report of what was withheld needs the policy that says why you withhold. Write it on the Site settings.', count: null, link: 'site-settings' });
  if (!site.baseUrl) items.push({ id: 'address', tone: 'note', title: 'No published address', detail: 'Links in the feed and sitemap stay relative until you say where the site will be hosted.', count: null, link: 'site-settings' });
  return { items, published, withheld, pending };
}
