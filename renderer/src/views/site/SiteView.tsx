import { useState } from 'react';
import type { FormEvent } from 'react';
import type { ProgressEvent, Res } from '../../../../electron/shared/contract.ts';
import { useClient } from '../../api.ts';
import { useApp } from '../../app/context.ts';
import { PathInput } from '../../components/PathInput.tsx';
import { CancelledNotice, isCancelled, JobProgress } from '../../components/JobProgress.tsx';
import { ErrorNotice, Loading, Notice } from '../../components/States.tsx';
import { formatBytes, formatCount, plural } from '../../lib/format.ts';
import { useAction, useCall } from '../../lib/useCall.ts';
import { LogoSection, SiteSettingsForm } from './SiteSettingsForm.tsx';
import { PublishPanel } from './PublishPanel.tsx';
import { checkPassed, ExportCheckPanel, HostingGuide } from './ExportCheck.tsx';
import { ShrinkDialog, shrinkOf } from './ShrinkDialog.tsx';

type Build = Res<'site.build'>;

/** The builder's steps, as the progress bar names them. */
const BUILD_STEPS: Record<string, string> = {
  load: 'Reading the workspace',
  threads: 'Making the conversation pages',
  data: 'Writing the open data files',
  search: 'Making the search index',
  manifest: 'Listing and checking every file',
  done: 'Finishing',
};

/** What an export adds to the saved settings (theme and address are the workspace's, saved on the settings tab). */
export type ExportOptions = { search: boolean };

export function SiteView({ tab }: { tab: 'settings' | 'export' }) {
  const app = useApp();
  const [options, setOptions] = useState<ExportOptions>({ search: true });
  return (
    <main className="page site-page" id="main" tabIndex={-1}>
      <header className="page-header">
        <div>
          <h1 className="page-title">Site</h1>
          <p className="muted">The public site: what it says about your organisation, how it looks, and the folder of files you publish.</p>
        </div>
        <div className="segmented" role="tablist" aria-label="Site">
          <button type="button" role="tab" aria-selected={tab === 'settings'} className={`segment${tab === 'settings' ? ' segment-active' : ''}`} onClick={() => app.navigate({ view: 'site' })}>Settings &amp; preview</button>
          <button type="button" role="tab" aria-selected={tab === 'export'} className={`segment${tab === 'export' ? ' segment-active' : ''}`} onClick={() => app.navigate({ view: 'site', tab: 'export' })}>Export</button>
        </div>
      </header>
      {tab === 'settings' ? <SettingsAndPreview /> : <Export options={options} setOptions={setOptions} />}
    </main>
  );
}

function SettingsAndPreview() {
  const app = useApp();
  const settings = useCall('site.settings.get', {});
  const [previewVersion, setPreviewVersion] = useState(0);
  const changed = (message: string) => {
    app.toast(message);
    settings.reload();
    setPreviewVersion((v) => v + 1);
  };
  return (
    <div className="site-grid">
      <div className="site-settings">
        {settings.status === 'loading' ? <Loading /> : settings.status === 'error' ? <ErrorNotice error={settings.error} onRetry={settings.reload} /> : (
          <>
            <SiteSettingsForm
              // A new form after a save; a logo change (its own section) keeps what is being typed here.
              key={JSON.stringify({ ...settings.data, logo: null })}
              initial={settings.data}
              onSaved={(saved, before) => {
                if (saved.organisation !== before.organisation) app.refreshWorkspace();
                changed('Site settings saved.');
              }}
            />
            <LogoSection logo={settings.data.logo} onChanged={(_saved, message) => changed(message)} />
          </>
        )}
      </div>
      <Preview version={previewVersion} onRefresh={() => setPreviewVersion((v) => v + 1)} />
    </div>
  );
}

/** The site as it will be, built by the core into the workspace's preview folder and shown in a sandboxed frame. */
function Preview({ version, onRefresh }: { version: number; onRefresh: () => void }) {
  const app = useApp();
  // The saved theme, address, colours and logo: what an export will publish. A rebuild keeps the last one on screen.
  const preview = useCall('site.preview', { search: false }, version);
  return (
    <section className="site-preview card" aria-label="Preview">
      <header className="card-header">
        <h2 className="subheading">Preview</h2>
        <div className="pane-actions">
          {preview.data ? <span className="muted small">{plural(preview.data.threads, 'conversation')} · {plural(preview.data.claims, 'claim')}</span> : null}
          <button type="button" className="btn btn-ghost btn-small" onClick={onRefresh}>Refresh</button>
        </div>
      </header>
      {preview.status === 'error' ? <ErrorNotice error={preview.error} title="The preview could not be built" onRetry={onRefresh} /> : null}
      {preview.status === 'loading' ? <Loading label="Building the preview…" /> : null}
      {preview.data ? (
        <iframe
          // A new build reloads the frame.
          key={preview.updatedAt}
          className="preview-frame"
          title="Preview of the public site"
          src={`${app.info.previewBase}index.html`}
          sandbox=""
          referrerPolicy="no-referrer"
        />
      ) : null}
      <p className="muted small">Only published conversations appear. Links work inside the preview.</p>
    </section>
  );
}

function Export({ options, setOptions }: { options: ExportOptions; setOptions: (o: ExportOptions) => void }) {
  const settings = useCall('site.settings.get', {});
  const client = useClient();
  const app = useApp();
  const [out, setOut] = useState('');
  const [progress, setProgress] = useState<ProgressEvent | null>(null);
  const [result, setResult] = useState<Build | null>(null);
  const action = useAction();
  const check = useCall('export.check', {});
  const [acknowledged, setAcknowledged] = useState(false);
  const ready = checkPassed(check.data, acknowledged);

  const build = async (allowShrink: boolean) => {
    setResult(null);
    setProgress(null);
    const off = client.onProgress((p) => {
      if (p.job === 'site.build') setProgress(p);
    });
    try {
      const r = await action.run(() => client.call('site.build', { out: out.trim(), search: options.search, ...(allowShrink ? { allowShrink } : {}) }));
      if (r) {
        setResult(r);
        app.toast('The site is ready.');
      }
    } finally {
      off();
    }
  };
  const run = (e: FormEvent) => {
    e.preventDefault();
    void build(false);
  };
  const shrink = shrinkOf(action.error);

  const openFolder = () => void client.invoke('app.openPath', { path: result!.out }).then((r) => { if (!r.ok) app.toast(r.error.message, 'error'); });
  const openBrowser = () => void client.invoke('app.openPath', { path: `${result!.out.replace(/[\\/]$/, '')}/index.html` }).then((r) => { if (!r.ok) app.toast(r.error.message, 'error'); });

  return (
    <div className="page-body">
      <ExportCheckPanel acknowledged={acknowledged} onAcknowledge={setAcknowledged} />
      <form className="card form" onSubmit={run} aria-label="Export the site">
        <h2 className="subheading">Export the site</h2>
        <p className="muted">One folder of plain files — pages, open data, feeds and a manifest with every file’s checksum — that any web host can serve. Exporting again into the same folder replaces the previous site only when the new one is complete.</p>
        <PathInput label="Folder" purpose="export-folder" value={out} onChange={setOut} hint="A new or empty folder, or one you exported to before." />
        {settings.status === 'ready' ? (
          <p className="muted small">
            Theme {settings.data.theme}, {settings.data.baseUrl ? <>published at <code>{settings.data.baseUrl}</code></> : 'no address saved (links in the feed and sitemap stay relative)'}; change them under <button type="button" className="link-button" onClick={() => app.navigate({ view: 'site' })}>Settings &amp; preview</button>.
          </p>
        ) : null}
        <label className="check">
          <input type="checkbox" checked={options.search} onChange={(e) => setOptions({ ...options, search: e.target.checked })} />
          <span>Include search (adds a search index; the site works without it)</span>
        </label>
        {isCancelled(action.error) ? <CancelledNotice /> : action.error && !shrink ? <ErrorNotice error={action.error} title="The site was not exported" /> : null}
        <div className="form-actions form-actions-start">
          <button type="submit" className="btn btn-primary" disabled={!out.trim() || action.pending || !ready}>{action.pending ? 'Exporting…' : 'Export site'}</button>
          {!ready && check.status === 'ready' ? <span className="muted small">Read the list above first.</span> : null}
        </div>
        {action.pending ? <JobProgress job="site.build" label={progress ? (BUILD_STEPS[progress.phase] ?? 'Building the site') : 'Building the site'} progress={progress} /> : null}
      </form>
      {shrink ? <ShrinkDialog shrink={shrink} onCancel={action.clearError} onBuild={() => void build(true)} /> : null}
      {result ? (
        <section className="card" aria-labelledby="export-done">
          <Notice tone="success" title="The site is ready">
            <p id="export-done">
              {formatCount(result.pages)} pages ({formatBytes(result.bytes)}) in <code>{result.out}</code>: {plural(result.threads, 'published conversation')}, {plural(result.withheld, 'withheld conversation')} counted on the moderation report, {plural(result.claims, 'claim')}. Built in {(result.ms / 1000).toFixed(1)} s.
            </p>
          </Notice>
          {result.warnings.length ? (
            <Notice tone="warning" title="Worth a look">
              <ul className="plain-list">{result.warnings.map((w) => <li key={w}>{w}</li>)}</ul>
            </Notice>
          ) : null}
          <div className="form-actions form-actions-start">
            {app.info.openPaths ? (
              <>
                <button type="button" className="btn btn-primary" onClick={openFolder}>Open folder</button>
                <button type="button" className="btn btn-secondary" onClick={openBrowser}>Open in browser</button>
              </>
            ) : (
              <>
                <a className="btn btn-primary" href={app.info.previewBase} target="_blank" rel="noreferrer noopener">Open in browser</a>
                <span className="muted small">The folder is <code>{result.out}</code>.</span>
              </>
            )}
          </div>
        </section>
      ) : null}
      <PublishPanel siteDir={result?.out ?? null} />
      {result ? <HostingGuide folder={result.out} baseUrl={settings.data?.baseUrl ?? null} /> : null}
    </div>
  );
}
