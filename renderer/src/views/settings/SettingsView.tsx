import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useClient } from '../../api.ts';
import { useApp } from '../../app/context.ts';
import { Field } from '../../components/Field.tsx';
import { ErrorNotice, Loading } from '../../components/States.tsx';
import { useAction, useCall } from '../../lib/useCall.ts';
import { changedValues, COUNTRIES, customerPreview, EXAMPLE, formFromSettings, staffPreview } from './settings-form.ts';
import type { SettingsForm, WorkspaceSettings } from './settings-form.ts';

// Everything the workspace's curation policy holds, in words, with the effect on the public text shown beside
// each choice. One Save: every value is checked by the core first, and the whole change is one undoable step.

export function SettingsView() {
  const settings = useCall('curation.settings.get', {});
  return (
    <main className="page" id="main" tabIndex={-1}>
      <header className="page-header">
        <div>
          <h1 className="page-title">Workspace settings</h1>
          <p className="muted">How people are named on the public site, how personal data is handled, and how conversations are sorted into topics. Every change is recorded in the audit log and can be undone.</p>
        </div>
      </header>
      <div className="page-body">
        {settings.status === 'loading' ? <Loading /> : null}
        {settings.status === 'error' ? <ErrorNotice error={settings.error} onRetry={settings.reload} /> : null}
        {settings.status === 'ready' ? <SettingsEditor key={JSON.stringify(settings.data)} saved={settings.data} /> : null}
      </div>
    </main>
  );
}

function Choice<T extends string>({ name, value, current, onChange, label, preview }: { name: string; value: T; current: T; onChange: (v: T) => void; label: string; preview?: ReactNode }) {
  return (
    <label className="choice">
      <input type="radio" name={name} value={value} checked={current === value} onChange={() => onChange(value)} />
      <span className="choice-label">{label}</span>
      {preview ? <span className="choice-preview">{preview}</span> : null}
    </label>
  );
}

function SettingsEditor({ saved }: { saved: WorkspaceSettings }) {
  const client = useClient();
  const app = useApp();
  const start = formFromSettings(saved);
  const [form, setForm] = useState<SettingsForm>(start);
  const action = useAction();
  const set = <K extends keyof SettingsForm>(key: K, value: SettingsForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const changes = changedValues(form, saved);
  const dirty = Object.keys(changes).length > 0;
  const problemFor = (field: string) => (action.error?.location?.field === field ? [<p key="e">{action.error.message}</p>] : undefined);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await client.call('curation.settings.update', { values: changes });
      await app.afterChange();
    });
  };

  return (
    <form className="settings-form" onSubmit={submit} aria-label="Workspace settings" noValidate>
      <section className="card form" aria-labelledby="naming-heading">
        <h2 id="naming-heading" className="subheading">How people are named on the site</h2>
        <fieldset className="choices">
          <legend>Customers</legend>
          <Choice name="customer" value="location" current={form.customerPseudonym} onChange={(v) => set('customerPseudonym', v)} label="By their town" preview={customerPreview({ ...form, customerPseudonym: 'location' })} />
          <Choice name="customer" value="initial" current={form.customerPseudonym} onChange={(v) => set('customerPseudonym', v)} label="By the first letter of their name" preview={customerPreview({ ...form, customerPseudonym: 'initial' })} />
          <Choice name="customer" value="anonymous" current={form.customerPseudonym} onChange={(v) => set('customerPseudonym', v)} label="Only as a customer" preview={customerPreview({ ...form, customerPseudonym: 'anonymous' })} />
        </fieldset>
        <div className="form-row">
          <Field label="A customer is called" hint="When nothing more is shown (no town known, or “only as a customer”).">
            <input className="input" value={form.customerLabel} onChange={(e) => set('customerLabel', e.target.value)} />
          </Field>
          <Field label="With their town" hint="{location} is replaced by the town; street and postcode are never shown." errors={problemFor('customerLocationFormat')}>
            <input className="input" value={form.customerLocationFormat} onChange={(e) => set('customerLocationFormat', e.target.value)} />
          </Field>
        </div>
        <fieldset className="choices">
          <legend>Staff</legend>
          <Choice name="staff" value="role" current={form.staffNaming} onChange={(v) => set('staffNaming', v)} label="By their role (recommended: staff did not choose to be named in public)" preview={staffPreview({ ...form, staffNaming: 'role' })} />
          <Choice name="staff" value="name" current={form.staffNaming} onChange={(v) => set('staffNaming', v)} label="By the name they sign with in your help desk" preview={staffPreview({ ...form, staffNaming: 'name' })} />
        </fieldset>
        <div className="form-row">
          <Field label="Staff are called" hint="Shown instead of a name.">
            <input className="input" value={form.staffLabel} onChange={(e) => set('staffLabel', e.target.value)} />
          </Field>
          <Field label="Automated messages are called">
            <input className="input" value={form.systemLabel} onChange={(e) => set('systemLabel', e.target.value)} />
          </Field>
        </div>
        <div className="naming-preview" aria-label="Preview of a published conversation" role="figure">
          <p className="muted small">On the site, a conversation between {EXAMPLE.customer} from {EXAMPLE.town} and {EXAMPLE.staff} of your team reads:</p>
          <p><strong>{customerPreview(form)}</strong> wrote: “My order has not arrived.”</p>
          <p><strong>{staffPreview(form)}</strong> replied: “Sorry — it ships today.”</p>
        </div>
      </section>

      <section className="card form" aria-labelledby="pii-settings-heading">
        <h2 id="pii-settings-heading" className="subheading">Personal data</h2>
        <label className="check">
          <input type="checkbox" checked={form.requirePiiHandled} onChange={(e) => set('requirePiiHandled', e.target.checked)} />
          <span><strong>Publish a conversation only after its personal data has been reviewed.</strong> Publishing is refused while a certain finding (a name, e-mail, phone number, card…) is neither confirmed nor kept. “Mark reviewed” in a conversation settles it in one step.</span>
        </label>
        <Field label="Phone numbers are written as in" hint="Numbers without a country code are read the way this country writes them." errors={problemFor('defaultCountry')}>
          <select className="input" value={form.defaultCountry} onChange={(e) => set('defaultCountry', e.target.value)}>
            {COUNTRIES.some(([c]) => c === form.defaultCountry) ? null : <option value={form.defaultCountry}>{form.defaultCountry}</option>}
            {COUNTRIES.map(([code, name]) => <option key={code} value={code}>{name}</option>)}
          </select>
        </Field>
        <div className="form-row">
          <Field label="Your e-mail domains" hint="One per line, e.g. acme.com. Addresses such as support@ there are not treated as personal data." errors={problemFor('companyDomains')}>
            <textarea className="input" rows={3} value={form.companyDomains} onChange={(e) => set('companyDomains', e.target.value)} />
          </Field>
          <Field label="Your own postcodes" hint="One per line: your shops and offices are never flagged." errors={problemFor('companyPostcodes')}>
            <textarea className="input" rows={3} value={form.companyPostcodes} onChange={(e) => set('companyPostcodes', e.target.value)} />
          </Field>
        </div>
        <div className="form-row">
          <Field label="Your own addresses" hint="One per line, as customers write them." errors={problemFor('companyAddresses')}>
            <textarea className="input" rows={2} value={form.companyAddresses} onChange={(e) => set('companyAddresses', e.target.value)} />
          </Field>
          <Field label="Your own phone numbers" hint="One per line, in any notation: your shops and helplines are never removed." errors={problemFor('companyPhones')}>
            <textarea className="input" rows={2} value={form.companyPhones} onChange={(e) => set('companyPhones', e.target.value)} />
          </Field>
        </div>
        <Field label="Order and account numbers look like" hint="One pattern per line (a regular expression), e.g. ORD-\d{6} for ORD-123456. Matches are offered for removal." errors={problemFor('accountPatterns')}>
          <textarea className="input input-mono" rows={2} value={form.accountPatterns} onChange={(e) => set('accountPatterns', e.target.value)} spellCheck={false} />
        </Field>
        <Field label="Largest evidence file (MB)" hint="Claim evidence files larger than this are refused when claims are imported." errors={problemFor('evidenceMaxMb')}>
          <input className="input" type="number" min={1} value={form.evidenceMaxMb} onChange={(e) => set('evidenceMaxMb', e.target.value)} />
        </Field>
      </section>

      <section className="card form" aria-labelledby="new-heading">
        <h2 id="new-heading" className="subheading">Newly imported conversations</h2>
        <fieldset className="choices">
          <legend>Start as</legend>
          <Choice name="default-decision" value="pending" current={form.defaultDecision} onChange={(v) => set('defaultDecision', v)} label="Pending review (recommended): nothing is published until someone decides" />
          <Choice name="default-decision" value="publish" current={form.defaultDecision} onChange={(v) => set('defaultDecision', v)} label="Published: everything imported appears on the next export unless withheld" />
        </fieldset>
      </section>

      <TopicRules topics={form.topics} onChange={(topics) => set('topics', topics)} problem={problemFor('topicRules')} />

      {action.error && !action.error.location?.field ? <ErrorNotice error={action.error} title="The settings were not saved" /> : null}
      <div className="form-actions sticky-actions">
        <span className="muted small" aria-live="polite">{dirty ? `${Object.keys(changes).length} unsaved ${Object.keys(changes).length === 1 ? 'change' : 'changes'}` : 'All changes saved'}</span>
        <button type="button" className="btn btn-secondary" disabled={!dirty || action.pending} onClick={() => { setForm(start); action.clearError(); }}>Undo changes</button>
        <button type="submit" className="btn btn-primary" disabled={!dirty || action.pending}>{action.pending ? 'Saving…' : 'Save settings'}</button>
      </div>
    </form>
  );
}

function TopicRules({ topics, onChange, problem }: { topics: SettingsForm['topics']; onChange: (t: SettingsForm['topics']) => void; problem?: ReactNode[] }) {
  const update = (i: number, patch: Partial<SettingsForm['topics'][number]>) => onChange(topics.map((t, j) => (j === i ? { ...t, ...patch } : t)));
  return (
    <section className="card form" aria-labelledby="topics-heading">
      <h2 id="topics-heading" className="subheading">Topics</h2>
      <p className="muted small">Conversations that mention any of a topic’s words get that topic: the inbox can filter by it and the site lists conversations by topic. Words match whole words in any case; end one with * to match endings (courier* matches couriers).</p>
      {topics.length === 0 ? <p className="muted">No topics yet.</p> : null}
      <ul className="topic-rules">
        {topics.map((t, i) => (
          <li key={i} className="topic-rule">
            <Field label={`Topic ${i + 1}`}>
              <input className="input" value={t.name} onChange={(e) => update(i, { name: e.target.value })} placeholder="e.g. Delivery" />
            </Field>
            <Field label="Words and phrases" hint="Separated by commas.">
              <input className="input" value={t.keywords} onChange={(e) => update(i, { keywords: e.target.value })} placeholder="late delivery, courier*, parcel" />
            </Field>
            <button type="button" className="btn btn-ghost btn-small" onClick={() => onChange(topics.filter((_, j) => j !== i))} aria-label={`Remove topic ${t.name || i + 1}`}>Remove</button>
          </li>
        ))}
      </ul>
      {problem ? <div className="field-problems">{problem}</div> : null}
      <button type="button" className="btn btn-secondary btn-small" onClick={() => onChange([...topics, { name: '', keywords: '' }])}>Add a topic</button>
    </section>
  );
}
