import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { ProgressEvent, Res } from '../../../../electron/shared/contract.ts';
import { useClient } from '../../api.ts';
import { useApp } from '../../app/context.ts';
import { Field } from '../../components/Field.tsx';
import { PathInput } from '../../components/PathInput.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { ErrorNotice, Loading, Notice } from '../../components/States.tsx';
import { formatBytes, formatCount, plural } from '../../lib/format.ts';
import { useAction, useCall } from '../../lib/useCall.ts';

type Texts = Res<'site.settings.get'>;
type Build = Res<'site.build'>;

/** The build options remembered for this window (theme and address are the same for preview and export). */
export type BuildOptions = { theme: string; baseUrl: string; search: boolean };

export function SiteView({ tab }: { tab: 'settings' | 'export' }) {
  const app = useApp();
  const [options, setOptions] = useState<BuildOptions>({ theme: 'default', baseUrl: '', search: true });
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
      {tab === 'settings' ? <SettingsAndPreview options={options} setOptions={setOptions} /> : <Export options={options} setOptions={setOptions} />}
    </main>
  );
}

function ThemeAndAddress({ options, setOptions }: { options: BuildOptions; setOptions: (o: BuildOptions) => void }) {
  const themes = useCall('site.themes', {});
  return (
    <div className="grid-2">
      <Field label="Theme" hint={themes.data?.themes.find((t) => t.name === options.theme)?.description}>
        <select className="input" value={options.theme} onChange={(e) => setOptions({ ...options, theme: e.target.value })}>
          {(themes.data?.themes ?? [{ name: 'default', label: 'Default', description: '' }]).map((t) => <option key={t.name} value={t.name}>{t.label}</option>)}
        </select>
      </Field>
      <Field label="Address of the published site (optional)" hint="e.g. https://transparency.northwind.example — used for links in feeds and the sitemap.">
        <input className="input" value={options.baseUrl} onChange={(e) => setOptions({ ...options, baseUrl: e.target.value })} placeholder="https://" />
      </Field>
    </div>
  );
}

function SettingsAndPreview({ options, setOptions }: { options: BuildOptions; setOptions: (o: BuildOptions) => void }) {
  const client = useClient();
  const app = useApp();
  const texts = useCall('site.settings.get', {});
  const [previewVersion, setPreviewVersion] = useState(0);
  return (
    <div className="site-grid">
      <div className="site-settings">
        {texts.status === 'loading' ? <Loading /> : texts.status === 'error' ? <ErrorNotice error={texts.error} onRetry={texts.reload} /> : (
          <TextsForm
            key={JSON.stringify(texts.data)}
            initial={texts.data}
            organisation={app.workspace?.name ?? ''}
            onSave={async (t) => {
              const r = await client.call('site.settings.set', t);
              app.toast('Site settings saved.');
              texts.reload();
              setPreviewVersion((v) => v + 1);
              return r;
            }}
          />
        )}
        <section className="card">
          <h2 className="subheading">Look</h2>
          <ThemeAndAddress options={options} setOptions={(o) => { setOptions(o); setPreviewVersion((v) => v + 1); }} />
        </section>
      </div>
      <Preview options={options} version={previewVersion} onRefresh={() => setPreviewVersion((v) => v + 1)} />
    </div>
  );
}

function TextsForm({ initial, organisation, onSave }: { initial: Texts; organisation: string; onSave: (t: { intro: string | null; policy: string | null; url: string | null }) => Promise<unknown> }) {
  const [intro, setIntro] = useState(initial.intro ?? '');
  const [policy, setPolicy] = useState(initial.policy ?? '');
  const [url, setUrl] = useState(initial.url ?? '');
  const action = useAction();
  const dirty = intro !== (initial.intro ?? '') || policy !== (initial.policy ?? '') || url !== (initial.url ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(() => onSave({ intro: intro.trim() || null, policy: policy.trim() || null, url: url.trim() || null }));
  };
  return (
    <form className="card form" onSubmit={submit} aria-label="Site texts">
      <h2 className="subheading">About your organisation</h2>
      <Field label="Organisation" hint="The workspace’s name, shown in every page’s header.">
        <input className="input" value={organisation} readOnly />
      </Field>
      <Field label="Your website" hint="Linked from the site’s header and footer.">
        <input className="input" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://www.northwind.example" />
      </Field>
      <Field label="Introduction" hint="Shown on the home page. Markdown: **bold**, [links](https://…), lists.">
        <textarea className="input" rows={5} value={intro} onChange={(e) => setIntro(e.target.value)} />
      </Field>
      <Field label="Moderation policy" hint="Shown with the moderation report: what you withhold and why. Markdown.">
        <textarea className="input" rows={7} value={policy} onChange={(e) => setPolicy(e.target.value)} />
      </Field>
      {action.error ? <ErrorNotice error={action.error} title="Not saved" /> : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={!dirty || action.pending}>{action.pending ? 'Saving…' : 'Save'}</button>
      </div>
    </form>
  );
}

/** The site as it will be, built by the core into the workspace's preview folder and shown in a sandboxed frame. */
function Preview({ options, version, onRefresh }: { options: BuildOptions; version: number; onRefresh: () => void }) {
  const client = useClient();
  const app = useApp();
  const [state, setState] = useState<{ status: 'building' | 'ready' | 'error'; result?: Build; error?: { code: string; message: string }; at: number }>({ status: 'building', at: 0 });
  const key = JSON.stringify(options);
  useEffect(() => {
    let live = true;
    const o = JSON.parse(key) as BuildOptions;
    void client.invoke('site.preview', { theme: o.theme, ...(o.baseUrl.trim() ? { baseUrl: o.baseUrl.trim() } : {}), search: false }).then((r) => {
      if (!live) return;
      setState(r.ok ? { status: 'ready', result: r.value, at: Date.now() } : { status: 'error', error: r.error, at: Date.now() });
    });
    return () => {
      live = false;
    };
  }, [client, key, version, app.dataVersion]);
  return (
    <section className="site-preview card" aria-label="Preview">
      <header className="card-header">
        <h2 className="subheading">Preview</h2>
        <div className="pane-actions">
          {state.result ? <span className="muted small">{plural(state.result.threads, 'conversation')} · {plural(state.result.claims, 'claim')}</span> : null}
          <button type="button" className="btn btn-ghost btn-small" onClick={() => { setState((s) => ({ ...s, status: 'building' })); onRefresh(); }}>Refresh</button>
        </div>
      </header>
      {state.status === 'error' && state.error ? <ErrorNotice error={state.error} title="The preview could not be built" onRetry={onRefresh} /> : null}
      {state.status === 'building' && !state.result ? <Loading label="Building the preview…" /> : null}
      {state.result ? (
        <iframe
          key={state.at}
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

function Export({ options, setOptions }: { options: BuildOptions; setOptions: (o: BuildOptions) => void }) {
  const client = useClient();
  const app = useApp();
  const [out, setOut] = useState('');
  const [progress, setProgress] = useState<ProgressEvent | null>(null);
  const [result, setResult] = useState<Build | null>(null);
  const action = useAction();

  const run = async (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    setProgress(null);
    const off = client.onProgress((p) => {
      if (p.job === 'site.build') setProgress(p);
    });
    try {
      const r = await action.run(() => client.call('site.build', { out: out.trim(), theme: options.theme, ...(options.baseUrl.trim() ? { baseUrl: options.baseUrl.trim() } : {}), search: options.search }));
      if (r) {
        setResult(r);
        app.toast('The site is ready.');
      }
    } finally {
      off();
    }
  };

  const openFolder = () => void client.invoke('app.openPath', { path: result!.out }).then((r) => { if (!r.ok) app.toast(r.error.message, 'error'); });
  const openBrowser = () => void client.invoke('app.openPath', { path: `${result!.out.replace(/[\\/]$/, '')}/index.html` }).then((r) => { if (!r.ok) app.toast(r.error.message, 'error'); });

  return (
    <div className="page-body">
      <form className="card form" onSubmit={(e) => void run(e)} aria-label="Export the site">
        <h2 className="subheading">Export the site</h2>
        <p className="muted">One folder of plain files — pages, open data, feeds and a manifest with every file’s checksum — that any web host can serve. Exporting again into the same folder replaces the previous site only when the new one is complete.</p>
        <PathInput label="Folder" purpose="export-folder" value={out} onChange={setOut} hint="A new or empty folder, or one you exported to before." />
        <ThemeAndAddress options={options} setOptions={setOptions} />
        <label className="check">
          <input type="checkbox" checked={options.search} onChange={(e) => setOptions({ ...options, search: e.target.checked })} />
          <span>Include search (adds a search index; the site works without it)</span>
        </label>
        {action.error ? <ErrorNotice error={action.error} title="The site was not exported" /> : null}
        <div className="form-actions form-actions-start">
          <button type="submit" className="btn btn-primary" disabled={!out.trim() || action.pending}>{action.pending ? 'Exporting…' : 'Export site'}</button>
        </div>
        {action.pending ? <ProgressBar label={progress ? `Building ${progress.phase}` : 'Building the site'} progress={progress} /> : null}
      </form>
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
    </div>
  );
}
