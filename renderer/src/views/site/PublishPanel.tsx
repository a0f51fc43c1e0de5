import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { ApiError, ProgressEvent } from '../../../../electron/shared/contract.ts';
import type { PublishResult, TargetView } from '../../../../electron/shared/contract/publish.ts';
import { useClient } from '../../api.ts';
import { useApp } from '../../app/context.ts';
import { Field } from '../../components/Field.tsx';
import { PathInput } from '../../components/PathInput.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { EmptyState, ErrorNotice, Loading, Notice } from '../../components/States.tsx';
import { formatBytes, formatCount, plural } from '../../lib/format.ts';
import { PublishTargetForm } from './PublishTargetForm.tsx';

// Putting the exported site online: the workspace's publish targets, their credentials (saved in the system
// keychain, never shown again), and the Publish button with its progress, cancel and result.

const PHASES: Record<string, string> = {
  check: 'Checking the site folder',
  compare: 'Comparing with the copy online',
  upload: 'Uploading changed files',
  cleanup: 'Removing old files',
  verify: 'Reading back and checking',
  done: 'Done',
};

function missingSecrets(t: TargetView): string[] {
  const has = (key: string) => t.secrets.some((s) => s.key === key && (s.saved || s.inEnvironment));
  if (t.kind === 'sftp') return has('password') || has('privateKey') ? [] : ['a password or a private key'];
  return t.secrets.filter((s) => s.required && !s.saved && !s.inEnvironment).map((s) => s.label.toLowerCase());
}

function Credentials({ target, onSaved }: { target: TargetView; onSaved: (t: TargetView) => void }) {
  const client = useClient();
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const given = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
    const r = await client.invoke('publish.credentials.set', { target: target.name, values: given });
    if (r.ok) {
      setValues({});
      onSaved(r.value);
    } else setError(r.error);
  };
  const where = target.secretStore === 'keychain' ? 'in this computer’s keychain' : 'in memory until Candor closes (this browser session has no keychain)';
  return (
    <form className="form" onSubmit={(e) => void save(e)} aria-label={`Credentials for ${target.name}`}>
      <p className="muted small">Saved {where}, never in the workspace or its exports. Saved values are not shown again; type a new one to replace it.</p>
      <div className="grid-2">
        {target.secrets.map((s) => (
          <Field key={s.key} label={`${s.label}${s.required ? '' : ' (optional)'}`} hint={s.saved ? 'Saved.' : s.inEnvironment ? `Taken from ${s.envName}.` : undefined}>
            {s.multiline
              ? <textarea className="input" rows={3} value={values[s.key] ?? ''} onChange={(e) => setValues({ ...values, [s.key]: e.target.value })} spellCheck={false} autoComplete="off" />
              : <input className="input" type="password" value={values[s.key] ?? ''} onChange={(e) => setValues({ ...values, [s.key]: e.target.value })} autoComplete="new-password" />}
          </Field>
        ))}
      </div>
      {error ? <ErrorNotice error={error} title="The credentials were not saved" /> : null}
      <div className="form-actions form-actions-start">
        <button type="submit" className="btn btn-secondary" disabled={Object.values(values).every((v) => v === '')}>Save credentials</button>
      </div>
    </form>
  );
}

function Result({ result, onOpen }: { result: PublishResult; onOpen: (url: string) => void }) {
  const files = result.uploaded.filter((p) => p !== 'manifest.json' && p !== 'manifest.sig').length;
  if (result.dryRun) {
    return (
      <Notice title="What publishing would do">
        <p>{result.uploaded.length === 0 ? 'Nothing: the copy online is up to date.' : `Upload ${plural(files, 'changed file')} (${formatBytes(result.bytes)}) and the manifest, remove ${plural(result.deleted.length, 'old file')}, leave ${formatCount(result.unchanged)} as they are.`}</p>
      </Notice>
    );
  }
  return (
    <Notice tone="success" title={result.uploaded.length ? 'Published' : 'Already up to date'}>
      <p id="publish-done">
        {result.uploaded.length
          ? `${plural(files, 'changed file')} uploaded (${formatBytes(result.bytes)}) with the manifest, ${plural(result.deleted.length, 'old file')} removed, ${formatCount(result.unchanged)} unchanged.`
          : `All ${formatCount(result.unchanged)} files online match the site.`}
        {' '}The manifest and {plural(result.checked - 1, 'file')} were read back and match.
      </p>
      {result.trustedHostKey ? <p className="small">First connection to this server: its host key <code>{result.trustedHostKey}</code> is now saved; a different key will be refused.</p> : null}
      {result.warnings.map((w) => <p key={w} className="small">{w}</p>)}
      {result.url ? <button type="button" className="btn btn-secondary" onClick={() => onOpen(result.url!)}>Open {result.url}</button> : null}
    </Notice>
  );
}

export function PublishPanel({ siteDir }: { siteDir: string | null }) {
  const client = useClient();
  const app = useApp();
  const [targets, setTargets] = useState<TargetView[] | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<TargetView | 'new' | null>(null);
  const [typedDir, setDir] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<ProgressEvent | null>(null);
  const [result, setResult] = useState<PublishResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const [version, setVersion] = useState(0);
  const load = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    let live = true;
    void client.invoke('publish.targets.list', {}).then((r) => {
      if (!live) return;
      if (!r.ok) return setLoadError(r.error);
      setLoadError(null);
      setTargets(r.value.targets);
      setSelected((s) => (s && r.value.targets.some((t) => t.name === s) ? s : (r.value.targets[0]?.name ?? null)));
    });
    return () => {
      live = false;
    };
  }, [client, version, app.workspace?.dir]);
  // The folder just exported, until the person types another.
  const dir = typedDir ?? siteDir ?? '';

  const target = targets?.find((t) => t.name === selected) ?? null;
  const missing = target ? missingSecrets(target) : [];

  const publish = async (dryRun: boolean) => {
    if (!target) return;
    setRunning(true);
    setResult(null);
    setError(null);
    setProgress(null);
    const off = client.onProgress((p) => {
      if (p.job === 'publish') setProgress(p);
    });
    const r = await client.invoke('publish.run', { target: target.name, dir: dir.trim(), dryRun });
    off();
    setRunning(false);
    if (r.ok) {
      setResult(r.value);
      if (!dryRun) app.toast(r.value.uploaded.length ? `Published to ${target.name}.` : `${target.name} is up to date.`);
      load();
    } else setError(r.error);
  };
  const remove = async (t: TargetView) => {
    if (!window.confirm(`Remove the target “${t.name}” and its saved credentials? The site online stays as it is.`)) return;
    const r = await client.invoke('publish.targets.remove', { name: t.name });
    if (r.ok) load();
    else app.toast(r.error.message, 'error');
  };
  const open = (url: string) => void client.invoke('app.openExternal', { url });

  if (loadError) return <ErrorNotice error={loadError} title="The publish targets could not be read" onRetry={() => void load()} />;
  if (!targets) return <Loading label="Reading the publish targets…" />;
  return (
    <section className="card form" aria-labelledby="publish-heading">
      <h2 className="subheading" id="publish-heading">Publish online</h2>
      <p className="muted">Sends the exported folder to where your site is hosted. Only files that changed since the last publish are uploaded, the manifest last, and the copy online is read back and checked.</p>
      {editing ? (
        <PublishTargetForm target={editing === 'new' ? null : editing} onCancel={() => setEditing(null)} onSaved={(t) => { setEditing(null); setSelected(t.name); load(); app.toast(`Target ${t.name} saved.`); }} />
      ) : targets.length === 0 ? (
        <EmptyState title="No place to publish yet" action={<button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>Add a target</button>}>
          <p>Add your S3-compatible storage, a GitHub, GitLab or Codeberg Pages branch, or your web host’s SFTP server.</p>
        </EmptyState>
      ) : (
        <>
          <fieldset className="fieldset-plain" disabled={running}>
            <legend className="field-label">Publish to</legend>
            {targets.map((t) => (
              <div key={t.id} style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 12 }}>
                <label className="check">
                  <input type="radio" name="publish-target" checked={t.name === selected} onChange={() => { setSelected(t.name); setResult(null); setError(null); }} />
                  <span><strong>{t.name}</strong> · {t.kindLabel}<br /><span className="muted small">{t.location}{t.lastPublish ? ` · last published ${new Date(t.lastPublish.at).toLocaleString()}` : ' · not published yet'}</span></span>
                </label>
                <span className="pane-actions">
                  <button type="button" className="btn btn-ghost btn-small" onClick={() => setEditing(t)}>Change</button>
                  <button type="button" className="btn btn-ghost btn-small" onClick={() => void remove(t)}>Remove</button>
                </span>
              </div>
            ))}
            <button type="button" className="btn btn-ghost btn-small" onClick={() => setEditing('new')}>Add a target</button>
          </fieldset>
          {target ? <Credentials key={target.id} target={target} onSaved={() => { app.toast('Credentials saved.'); load(); }} /> : null}
          <PathInput label="Site folder" purpose="export-folder" value={dir} onChange={setDir} hint="The folder you exported the site to." />
          {missing.length ? <p className="field-problems">Enter {missing.join(' and ')} above before publishing.</p> : null}
          {error ? <ErrorNotice error={error} title={error.code === 'CANCELLED' ? 'Publishing was cancelled' : 'The site was not published'} /> : null}
          <div className="form-actions form-actions-start">
            <button type="button" className="btn btn-primary" disabled={running || !target || !dir.trim() || missing.length > 0} onClick={() => void publish(false)}>{running ? 'Publishing…' : 'Publish'}</button>
            <button type="button" className="btn btn-secondary" disabled={running || !target || !dir.trim() || missing.length > 0} onClick={() => void publish(true)}>What would change?</button>
            {running ? <button type="button" className="btn btn-ghost" onClick={() => void client.invoke('publish.cancel', {})}>Cancel</button> : null}
          </div>
          {running ? <ProgressBar label={progress ? (PHASES[progress.phase] ?? progress.phase) : 'Connecting'} progress={progress} /> : null}
          {result ? <Result result={result} onOpen={open} /> : null}
        </>
      )}
    </section>
  );
}
