import { useEffect, useMemo, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useClient } from '../../api.ts';
import { useApp } from '../../app/context.ts';
import { Field } from '../../components/Field.tsx';
import { ErrorNotice, Loading } from '../../components/States.tsx';
import { formatDate } from '../../lib/format.ts';
import { useAction, useCall } from '../../lib/useCall.ts';
import type { Category, ClaimForm, ClaimStatus, FieldKey, LintFinding, Market, Scope } from './claim-form.ts';
import { CATEGORY_LABEL, claimInput, emptyForm, findingsByField, formFromClaim, MARKET_LIST, nextSteps, SCOPE_LABEL, STATUS_LABEL, suggestId } from './claim-form.ts';
import { ClaimHistory } from './ClaimHistory.tsx';
import { EvidenceEditor } from './EvidenceEditor.tsx';
import { FindingList } from './Findings.tsx';
import { PublishDialog, RetireDialog } from './WorkflowDialogs.tsx';

export const NEW_CLAIM = 'new';

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = window.setTimeout(() => setV(value), ms);
    return () => window.clearTimeout(t);
  }, [value, ms]);
  return v;
}

/** Lints the draft as it is typed (after a short pause), so findings sit beside the fields before anything is saved. */
function useLiveLint(form: ClaimForm | null): { findings: LintFinding[]; disclaimer: string; asOf: string; problem: string | null } {
  const client = useClient();
  const key = useDebounced(form ? JSON.stringify(claimInput({ ...form, id: form.id || 'draft' })) : null, 350);
  const [state, setState] = useState<{ findings: LintFinding[]; disclaimer: string; asOf: string; problem: string | null }>({ findings: [], disclaimer: '', asOf: new Date().toISOString().slice(0, 10), problem: null });
  useEffect(() => {
    if (!key) return;
    let live = true;
    void client.invoke('claims.lint', { claim: JSON.parse(key) as ReturnType<typeof claimInput> }).then((r) => {
      if (!live) return;
      if (r.ok) setState({ findings: r.value.findings, disclaimer: r.value.disclaimer, asOf: r.value.asOf, problem: null });
      else setState((s) => ({ ...s, findings: [], problem: r.error.message }));
    });
    return () => {
      live = false;
    };
  }, [client, key]);
  return state;
}

export function ClaimEditor({ claimId, onSaved }: { claimId: string; onSaved: () => void }) {
  const isNew = claimId === NEW_CLAIM;
  const [version, setVersion] = useState(0);
  const detail = useCall('claims.get', isNew ? null : { id: claimId }, version);
  if (!isNew && detail.status === 'loading') return <Loading label="Opening the claim…" />;
  if (!isNew && detail.status === 'error') return <ErrorNotice error={detail.error} onRetry={detail.reload} title="This claim could not be opened" />;
  const record = isNew ? null : detail.data!.record;
  return (
    <EditorForm
      key={`${claimId}-${record?.updatedAt ?? ''}`}
      initial={record ? formFromClaim(record.claim) : emptyForm()}
      status={record?.status ?? null}
      revision={record?.revision ?? 0}
      updated={record ? `${formatDate(record.updatedAt)} by ${record.updatedBy}` : null}
      onChanged={() => {
        setVersion((v) => v + 1);
        onSaved();
      }}
      version={version}
    />
  );
}

const SECTION_OF: Record<FieldKey, { id: string; label: string }> = {
  statement: { id: 'claim-section-claim', label: 'the claim' },
  scope: { id: 'claim-section-scope', label: 'what it covers' },
  figures: { id: 'claim-section-figures', label: 'figures' },
  target: { id: 'claim-section-figures', label: 'figures' },
  comparison_basis: { id: 'claim-section-figures', label: 'figures' },
  uses_offsets: { id: 'claim-section-offsets', label: 'offsets and labels' },
  label: { id: 'claim-section-offsets', label: 'offsets and labels' },
  evidence: { id: 'claim-section-evidence', label: 'evidence' },
};

/** Where the findings are, as links to those parts of the form. */
function FindingPlaces({ byField }: { byField: Map<FieldKey, LintFinding[]> }) {
  const places = [...new Map([...byField.keys()].map((k) => [SECTION_OF[k].id, SECTION_OF[k]])).values()];
  if (places.length === 0) return null;
  return (
    <span className="finding-places">
      {' See '}
      {places.map((p, i) => (
        <span key={p.id}>
          {i > 0 ? (i === places.length - 1 ? ' and ' : ', ') : ''}
          <a href={`#${p.id}`} onClick={(e) => { e.preventDefault(); document.getElementById(p.id)?.scrollIntoView({ behavior: 'smooth', block: 'start' }); }}>{p.label}</a>
        </span>
      ))}
      .
    </span>
  );
}

function Section({ id, title, children, findings }: { id: string; title: string; children: ReactNode; findings?: LintFinding[] }) {
  return (
    <fieldset className="fieldset" id={id}>
      <legend>{title}</legend>
      {children}
      {findings?.length ? <FindingList findings={findings} /> : null}
    </fieldset>
  );
}

function EditorForm({ initial, status, revision, updated, onChanged, version }: { initial: ClaimForm; status: ClaimStatus | null; revision: number; updated: string | null; onChanged: () => void; version: number }) {
  const client = useClient();
  const app = useApp();
  const [form, setForm] = useState<ClaimForm>(initial);
  const [idTouched, setIdTouched] = useState(Boolean(initial.id));
  const [confirming, setConfirming] = useState<'published' | 'retired' | null>(null);
  const action = useAction();
  const lint = useLiveLint(form);
  const byField = useMemo(() => findingsByField(lint.findings), [lint.findings]);
  const at = (k: FieldKey) => byField.get(k) ?? [];
  const dirty = JSON.stringify(form) !== JSON.stringify(initial);
  const isNew = status === null;
  const retired = status === 'retired';
  const counts = { error: lint.findings.filter((f) => f.severity === 'error').length, warning: lint.findings.filter((f) => f.severity === 'warning').length };

  const set = <K extends keyof ClaimForm>(k: K, v: ClaimForm[K]) => setForm((f) => ({ ...f, [k]: v, ...(k === 'title' && !idTouched && isNew ? { id: suggestId(String(v)) } : {}) }));
  const toggleMarket = (m: Market) => set('markets', form.markets.includes(m) ? form.markets.filter((x) => x !== m) : [...MARKET_LIST.filter((x) => x === m || form.markets.includes(x))]);

  const save = async (e?: FormEvent) => {
    e?.preventDefault();
    const r = await action.run(() => client.call('claims.save', { claim: claimInput(form) }));
    if (!r) return;
    app.toast(r.created ? 'Claim created as a draft.' : r.updated ? 'Saved. Changes go back through review before they are published.' : 'No changes to save.');
    if (isNew) app.navigate({ view: 'claims', claimId: r.record.claim.id }, { replace: true });
    onChanged();
  };

  const move = async (to: ClaimStatus, extra: { override?: string; reason?: string } = {}) => {
    const r = await action.run(() => client.call('claims.transition', { id: form.id, to, ...(extra.override ? { override: extra.override } : {}), ...(extra.reason ? { reason: extra.reason } : {}) }));
    if (!r) return;
    app.toast(r.publishedRevision ? `Published as revision ${r.publishedRevision}.` : `Now ${STATUS_LABEL[r.record.status].toLowerCase()}.`);
    onChanged();
  };

  // Publishing and retiring change what the public reads: both ask first.
  const step = (to: ClaimStatus) => {
    if (to === 'published' || to === 'retired') setConfirming(to);
    else void move(to);
  };

  return (
    <form className="claim-editor" onSubmit={(e) => void save(e)} aria-label="Claim">
      <header className="editor-bar">
        <div className="editor-title">
          <h2 className="page-title">{isNew ? 'New claim' : form.title || form.id}</h2>
          <p className="muted small">
            {status ? <span className={`badge badge-status-${status}`}>{STATUS_LABEL[status]}</span> : null}
            {revision ? ` Published revision ${revision}.` : ''}
            {updated ? ` Last changed ${updated}.` : ''}
          </p>
        </div>
        <div className="editor-actions">
          <button type="submit" className="btn btn-primary" disabled={action.pending || retired || (!dirty && !isNew)}>{isNew ? 'Create claim' : 'Save'}</button>
          {status ? nextSteps(status).map((s) => (
            <button key={s.to} type="button" className={`btn ${s.primary ? 'btn-secondary' : 'btn-ghost'}`} disabled={action.pending || dirty} title={dirty ? 'Save your changes first' : undefined} onClick={() => step(s.to)}>
              {s.label}
            </button>
          )) : null}
        </div>
      </header>

      <div className={`lint-banner ${counts.error ? 'lint-banner-error' : counts.warning ? 'lint-banner-warning' : 'lint-banner-ok'}`} role="status" aria-live="polite">
        <strong>Green-claims check{lint.asOf ? ` as of ${formatDate(lint.asOf)}` : ''}: </strong>
        {lint.problem ? <span>fill in the statement and markets to check the claim.</span> : counts.error ? <span>{counts.error} must be fixed before publishing{counts.warning ? `, ${counts.warning} should be` : ''}.</span> : counts.warning ? <span>{counts.warning} to consider.</span> : <span>nothing found.</span>}
        {!lint.problem ? <FindingPlaces byField={byField} /> : null}
        <span className="muted small lint-disclaimer"> This is a check, not legal advice.</span>
      </div>

      {action.error ? <ErrorNotice error={action.error} title={action.error.code === 'LINT_BLOCKED' ? 'Not published' : action.error.code === 'SECOND_APPROVER_REQUIRED' ? 'A colleague must approve this claim' : 'Not saved'} /> : null}
      {retired ? <p className="notice notice-info">This claim is retired. It stays on the site, marked retired, with its history.</p> : null}

      <fieldset className="fieldset-plain" disabled={retired}>
        <Section id="claim-section-claim" title="The claim" findings={at('statement')}>
          <div className="grid-2">
            <Field label="Title" hint="The heading of the public claim page; checked like the statement.">
              <input className="input" value={form.title} onChange={(e) => set('title', e.target.value)} />
            </Field>
            <Field label="Claim id" hint={isNew ? 'Used in the site’s address; cannot change later.' : 'Cannot be changed.'}>
              <input className="input mono" value={form.id} readOnly={!isNew} onChange={(e) => { setIdTouched(true); set('id', e.target.value); }} required />
            </Field>
          </div>
          <Field label="Statement" hint="Exactly the words the public will read.">
            <textarea className="input" rows={3} value={form.statement} onChange={(e) => set('statement', e.target.value)} required />
          </Field>
          <div className="grid-2">
            <div className="field">
              <span className="field-label" id="markets-label">Markets</span>
              <div className="checks" role="group" aria-labelledby="markets-label">
                {MARKET_LIST.map((m) => (
                  <label key={m} className="check"><input type="checkbox" checked={form.markets.includes(m)} onChange={() => toggleMarket(m)} /> <span>{m === 'EU' ? 'European Union' : m === 'UK' ? 'United Kingdom' : 'United States'}</span></label>
                ))}
              </div>
            </div>
            <Field label="Category">
              <select className="input" value={form.category} onChange={(e) => set('category', e.target.value as Category)}>
                {(Object.keys(CATEGORY_LABEL) as Category[]).map((c) => <option key={c} value={c}>{CATEGORY_LABEL[c]}</option>)}
              </select>
            </Field>
          </div>
        </Section>

        <Section id="claim-section-scope" title="What it covers" findings={at('scope')}>
          <div className="grid-2">
            <Field label="Scope">
              <select className="input" value={form.scope} onChange={(e) => set('scope', e.target.value as Scope)}>
                {(Object.keys(SCOPE_LABEL) as Scope[]).map((s) => <option key={s} value={s}>{SCOPE_LABEL[s]}</option>)}
              </select>
            </Field>
            <Field label="Which product, part or site" hint="e.g. “the bottle”, “Lyon site”">
              <input className="input" value={form.scope_detail} onChange={(e) => set('scope_detail', e.target.value)} />
            </Field>
          </div>
        </Section>

        <Section id="claim-section-figures" title="Figures" findings={[...at('figures'), ...at('target')]}>
          <div className="grid-2">
            <Field label="Metric" hint="e.g. recycled content, CO₂e emissions"><input className="input" value={form.metric} onChange={(e) => set('metric', e.target.value)} /></Field>
            <Field label="Unit" hint="e.g. %, tCO2e"><input className="input" value={form.unit} onChange={(e) => set('unit', e.target.value)} /></Field>
          </div>
          <div className="grid-4">
            <Field label="Baseline value"><input className="input" inputMode="decimal" value={form.baselineValue} onChange={(e) => set('baselineValue', e.target.value)} /></Field>
            <Field label="Baseline year"><input className="input" inputMode="numeric" value={form.baselineYear} onChange={(e) => set('baselineYear', e.target.value)} /></Field>
            <Field label="Target value"><input className="input" inputMode="decimal" value={form.targetValue} onChange={(e) => set('targetValue', e.target.value)} /></Field>
            <Field label="Target year"><input className="input" inputMode="numeric" value={form.targetYear} onChange={(e) => set('targetYear', e.target.value)} /></Field>
            <Field label="Current value"><input className="input" inputMode="decimal" value={form.currentValue} onChange={(e) => set('currentValue', e.target.value)} /></Field>
            <Field label="Current as of"><input type="date" className="input" value={form.currentAsOf} onChange={(e) => set('currentAsOf', e.target.value)} /></Field>
          </div>
          <Field label="Compared with" hint="For comparisons: what, and how it was measured (e.g. “our 2021 model, ISO 14067”)." errors={at('comparison_basis').length ? [<FindingList key="c" findings={at('comparison_basis')} compact />] : undefined}>
            <input className="input" value={form.comparison_basis} onChange={(e) => set('comparison_basis', e.target.value)} />
          </Field>
        </Section>

        <Section id="claim-section-offsets" title="Offsets and labels">
          <div className="grid-2">
            <Field label="Uses carbon credits (offsets)?" errors={at('uses_offsets').length ? [<FindingList key="o" findings={at('uses_offsets')} compact />] : undefined}>
              <select className="input" value={form.uses_offsets} onChange={(e) => set('uses_offsets', e.target.value as ClaimForm['uses_offsets'])}>
                <option value="unknown">Not known</option>
                <option value="yes">Yes</option>
                <option value="no">No</option>
              </select>
            </Field>
            <Field label="Label or seal shown with the claim" errors={at('label').length ? [<FindingList key="l" findings={at('label')} compact />] : undefined}>
              <input className="input" value={form.label} onChange={(e) => set('label', e.target.value)} placeholder="e.g. EU Ecolabel" />
            </Field>
          </div>
          <Field label="Owner" hint="Who answers for this claim.">
            <input className="input" value={form.owner} onChange={(e) => set('owner', e.target.value)} />
          </Field>
        </Section>

        <EvidenceEditor id="claim-section-evidence" evidence={form.evidence} onChange={(ev) => set('evidence', ev)} findings={at('evidence')} asOf={lint.asOf} disabled={retired} />
      </fieldset>

      {!isNew ? <ClaimHistory id={form.id} version={version} /> : null}
      {confirming === 'published' ? <PublishDialog title={form.title || form.id} findings={lint.findings} onCancel={() => setConfirming(null)} onPublish={(override) => { setConfirming(null); void move('published', { override }); }} /> : null}
      {confirming === 'retired' ? <RetireDialog title={form.title || form.id} onCancel={() => setConfirming(null)} onRetire={(reason) => { setConfirming(null); void move('retired', { reason }); }} /> : null}
    </form>
  );
}
