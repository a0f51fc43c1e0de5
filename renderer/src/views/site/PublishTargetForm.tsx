import { useState } from 'react';
import type { FormEvent } from 'react';
import type { ApiError } from '../../../../electron/shared/contract.ts';
import type { TargetView } from '../../../../electron/shared/contract/publish.ts';
import { useClient } from '../../api.ts';
import { Field } from '../../components/Field.tsx';
import { ErrorNotice } from '../../components/States.tsx';

// Adding or changing a publish target: where the site goes. Only settings are typed here; keys, tokens and
// passwords are entered afterwards as credentials, which go to the system keychain.

type Kind = 's3' | 'git' | 'sftp';
type FieldSpec = { key: string; label: string; hint?: string; required?: boolean; number?: boolean; placeholder?: string };

const KINDS: { kind: Kind; label: string; hint: string }[] = [
  { kind: 's3', label: 'Object storage (S3, R2, MinIO, B2)', hint: 'Amazon S3, Cloudflare R2, MinIO, Backblaze B2 and other S3-compatible storage.' },
  { kind: 'git', label: 'Git branch (GitHub, GitLab, Codeberg Pages)', hint: 'A branch the Pages service publishes, such as gh-pages. Needs Git on this computer.' },
  { kind: 'sftp', label: 'SFTP (web hosting)', hint: 'Classic web hosting: the folder your host serves, reached over SFTP.' },
];

const FIELDS: Record<Kind, FieldSpec[]> = {
  s3: [
    { key: 'bucket', label: 'Bucket', required: true, placeholder: 'fernhill-transparency' },
    { key: 'region', label: 'Region', hint: '"auto" for Cloudflare R2; your storage’s region otherwise (us-east-1 if empty).', placeholder: 'eu-west-1' },
    { key: 'endpoint', label: 'Endpoint', hint: 'Leave empty for Amazon S3. R2: https://<account>.r2.cloudflarestorage.com', placeholder: 'https://…' },
    { key: 'prefix', label: 'Folder in the bucket', hint: 'Optional.' },
  ],
  git: [
    { key: 'url', label: 'Repository', required: true, hint: 'https://github.com/org/site.git, git@github.com:org/site.git or a folder.', placeholder: 'https://github.com/…' },
    { key: 'branch', label: 'Branch', hint: 'gh-pages for GitHub Pages, pages for Codeberg Pages (gh-pages if empty).', placeholder: 'gh-pages' },
    { key: 'dir', label: 'Folder in the branch', hint: 'Optional, for example docs.' },
    { key: 'username', label: 'User name for the token', hint: 'Optional: GitHub ignores it; Codeberg wants your user name; GitLab OAuth tokens want oauth2.' },
  ],
  sftp: [
    { key: 'host', label: 'Server', required: true, placeholder: 'ssh.example-host.com' },
    { key: 'port', label: 'Port', number: true, hint: '22 if empty.' },
    { key: 'username', label: 'User name', required: true },
    { key: 'dir', label: 'Folder the web server serves', required: true, placeholder: 'public_html' },
    { key: 'hostKey', label: 'Server’s host key (SHA256:…)', hint: 'Optional: without it, the key seen at the first connection is saved and required from then on.' },
  ],
};

function initialValues(target: TargetView | null): Record<string, string> {
  if (!target) return {};
  return Object.fromEntries(Object.entries(target.settings).map(([k, v]) => [k, typeof v === 'boolean' ? (v ? 'yes' : '') : String(v)]));
}

export function PublishTargetForm({ target, onSaved, onCancel }: { target: TargetView | null; onSaved: (t: TargetView) => void; onCancel: () => void }) {
  const client = useClient();
  const [kind, setKind] = useState<Kind>(target?.kind ?? 's3');
  const [name, setName] = useState(target?.name ?? '');
  const [values, setValues] = useState<Record<string, string>>(initialValues(target));
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const settings: Record<string, unknown> = {};
    for (const f of [...FIELDS[kind], { key: 'publicUrl', label: '' }]) {
      const v = values[f.key]?.trim();
      if (!v) continue;
      settings[f.key] = (f as FieldSpec).number && /^\d+$/.test(v) ? Number(v) : v;
    }
    if (kind === 's3' && values.pathStyle === 'yes') settings.pathStyle = true;
    setSaving(true);
    const r = await client.invoke('publish.targets.save', { name: name.trim(), kind, settings, ...(target ? { previous: target.name } : {}) });
    setSaving(false);
    if (r.ok) onSaved(r.value);
    else setError(r.error);
  };

  const set = (key: string, value: string) => setValues((v) => ({ ...v, [key]: value }));
  const problem = (key: string) => (error?.location?.field === key ? [<p key="p">{error.message}</p>] : undefined);

  return (
    <form className="card form" onSubmit={(e) => void submit(e)} aria-label={target ? `Change the target ${target.name}` : 'Add a publish target'}>
      <h3 className="subheading">{target ? `Change “${target.name}”` : 'Add a place to publish'}</h3>
      {!target ? (
        <fieldset className="fieldset-plain">
          <legend className="field-label">Where</legend>
          {KINDS.map((k) => (
            <label key={k.kind} className="check">
              <input type="radio" name="publish-kind" checked={kind === k.kind} onChange={() => { setKind(k.kind); setError(null); }} />
              <span>{k.label}<br /><span className="muted small">{k.hint}</span></span>
            </label>
          ))}
        </fieldset>
      ) : null}
      <div className="grid-2">
        <Field label="Name" hint="Short, lowercase, for example production." errors={problem('name')}>
          <input className="input" value={name} onChange={(e) => setName(e.target.value)} required autoComplete="off" spellCheck={false} />
        </Field>
        {FIELDS[kind].map((f) => (
          <Field key={`${kind}-${f.key}`} label={`${f.label}${f.required ? '' : ' (optional)'}`} hint={f.hint} errors={problem(f.key)}>
            <input className="input" value={values[f.key] ?? ''} onChange={(e) => set(f.key, e.target.value)} required={f.required} placeholder={f.placeholder} inputMode={f.number ? 'numeric' : undefined} autoComplete="off" spellCheck={false} />
          </Field>
        ))}
        <Field label="Public address (optional)" hint="Where people will see the site, shown after publishing." errors={problem('publicUrl')}>
          <input className="input" value={values.publicUrl ?? ''} onChange={(e) => set('publicUrl', e.target.value)} placeholder="https://transparency.example.com/" autoComplete="off" spellCheck={false} />
        </Field>
      </div>
      {kind === 's3' ? (
        <label className="check">
          <input type="checkbox" checked={values.pathStyle === 'yes'} onChange={(e) => set('pathStyle', e.target.checked ? 'yes' : '')} />
          <span>Bucket name in the path (MinIO and most self-hosted storage; on automatically with an endpoint)</span>
        </label>
      ) : null}
      {error && !FIELDS[kind].some((f) => f.key === error.location?.field) && error.location?.field !== 'name' && error.location?.field !== 'publicUrl' ? <ErrorNotice error={error} title="The target was not saved" /> : null}
      <div className="form-actions form-actions-start">
        <button type="submit" className="btn btn-primary" disabled={saving || !name.trim()}>{saving ? 'Saving…' : target ? 'Save' : 'Add target'}</button>
        <button type="button" className="btn btn-secondary" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
