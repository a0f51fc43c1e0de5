import type { Res } from '../../../../electron/shared/contract.ts';
import { useApp } from '../../app/context.ts';
import type { Route } from '../../app/route.ts';
import { ErrorNotice, Loading, Notice } from '../../components/States.tsx';
import { plural } from '../../lib/format.ts';
import { useCall } from '../../lib/useCall.ts';

type Check = Res<'export.check'>;
type Item = Check['items'][number];

const LINKS: Record<Item['link'], { label: string; route: Route }> = {
  'inbox-pending': { label: 'Review them', route: { view: 'inbox', filter: 'pending' } },
  'inbox-unreviewed': { label: 'Show them', route: { view: 'inbox', filter: 'unreviewed' } },
  claims: { label: 'Open claims', route: { view: 'claims' } },
  'site-settings': { label: 'Open site settings', route: { view: 'site' } },
  'workspace-settings': { label: 'Open workspace settings', route: { view: 'settings' } },
};

/** Whether the export may start: the list is loaded, and anything needing attention has been acknowledged. */
export function checkPassed(check: Check | undefined, acknowledged: boolean): boolean {
  if (!check) return false;
  return acknowledged || check.items.every((i) => i.tone !== 'attention');
}

/**
 * What needs attention before the site goes out, each with a link to where it is fixed. The export waits until the
 * person has seen the list (and, when something needs attention, says so).
 */
export function ExportCheckPanel({ acknowledged, onAcknowledge }: { acknowledged: boolean; onAcknowledge: (seen: boolean) => void }) {
  const app = useApp();
  const check = useCall('export.check', {});
  if (check.status === 'loading') return <Loading label="Checking what is ready to publish…" />;
  if (check.status === 'error') return <ErrorNotice error={check.error} onRetry={check.reload} title="The check could not run" />;
  const c = check.data;
  const attention = c.items.filter((i) => i.tone === 'attention');
  return (
    <section className="card export-check" aria-labelledby="check-heading">
      <h2 id="check-heading" className="subheading">Before you export</h2>
      <p className="muted">The site will show {plural(c.published, 'published conversation')} and count {plural(c.withheld, 'withheld conversation')} on its moderation report{c.pending ? `; ${plural(c.pending, 'conversation')} still pending will not appear` : ''}.</p>
      {c.items.length === 0 ? (
        <Notice tone="success" title="Ready to publish">Every conversation is decided, all personal data has been reviewed, and the site has its texts.</Notice>
      ) : (
        <ul className="check-list" aria-label="What needs attention">
          {c.items.map((i) => (
            <li key={i.id} className={`check-item check-${i.tone}`}>
              <div>
                <strong>{i.title}</strong>
                <p className="muted small">{i.detail}</p>
              </div>
              <button type="button" className="btn btn-secondary btn-small" onClick={() => app.navigate(LINKS[i.link].route)}>{LINKS[i.link].label}</button>
            </li>
          ))}
        </ul>
      )}
      {attention.length > 0 ? (
        <label className="check">
          <input type="checkbox" checked={acknowledged} onChange={(e) => onAcknowledge(e.target.checked)} />
          <span>I have read this list and want to export anyway</span>
        </label>
      ) : null}
    </section>
  );
}

/** Where the site is and how to put it online: for people who have never hosted a website. */
export function HostingGuide({ folder, baseUrl }: { folder: string; baseUrl: string | null }) {
  return (
    <section className="card prose hosting-guide" aria-labelledby="hosting-heading">
      <h2 id="hosting-heading" className="subheading">Putting it online</h2>
      <p>The folder <code>{folder}</code> is the whole site: plain files, no database, nothing to install. Copy everything in it, as it is, to any web host.</p>
      <ul>
        <li><strong>Your company’s web server</strong>: copy the folder’s contents into a folder of the website (with your host’s file manager or SFTP), for example <code>/transparency/</code>.</li>
        <li><strong>A static host</strong> such as GitHub Pages, GitLab Pages, Cloudflare Pages or Netlify: upload the folder (Netlify and Cloudflare accept it dragged onto their upload page). There is no build step.</li>
        <li><strong>Check it</strong>: open the address, follow a few conversations, and try the search. <code>manifest.json</code> lists every file with its checksum, so anyone can confirm a copy is complete.</li>
      </ul>
      <p className="muted small">{baseUrl ? <>The site expects to live at <code>{baseUrl}</code>. If it goes elsewhere, change the published address on Site settings and export again.</> : 'Once you know its address, add it as the published address on Site settings and export again: links in the feed and sitemap then point to it.'} After later changes, export into the same folder and upload it again.</p>
    </section>
  );
}
