import { useState } from 'react';
import type { FormEvent } from 'react';
import { AA_TEXT, COLOR_FIELDS, COLOR_LABELS, formatRatio, HEX_COLOR, LOGO_MAX_BYTES } from '../../../../electron/shared/brand.ts';
import type { ColorField } from '../../../../electron/shared/brand.ts';
import { useClient } from '../../api.ts';
import { Field } from '../../components/Field.tsx';
import { PathInput } from '../../components/PathInput.tsx';
import { ErrorNotice } from '../../components/States.tsx';
import { formatBytes } from '../../lib/format.ts';
import { useAction, useCall } from '../../lib/useCall.ts';
import { formFromSettings, patchFromForm, reviewColors, sameForm, THEME_COLORS } from './site-form.ts';
import type { SiteForm, SiteSettings } from './site-form.ts';
import { SiteWordingSection } from './SiteWordingSection.tsx';

const COLOR_HINTS: Record<ColorField, string> = {
  accent: 'Links, buttons and the current page.',
  header: 'Behind the organisation’s name and the navigation (the side index in Ledger).',
  headerText: 'Empty: white or near-black, whichever reads better on the header.',
};

function ColorInput({ field, value, onChange, problem }: { field: ColorField; value: string; onChange: (v: string) => void; problem: string | null }) {
  const label = COLOR_LABELS[field];
  const hex = value.trim();
  const valid = HEX_COLOR.test(hex);
  return (
    <Field
      label={label}
      hint={`${COLOR_HINTS[field]} Written #rrggbb; empty: the theme’s own.`}
      errors={problem ? [<p key="p">{problem}</p>] : undefined}
      extra={(
        <div className="color-tools">
          <input type="color" className="color-picker" aria-label={`${label}: picker`} value={valid ? hex.toLowerCase() : THEME_COLORS[field]} onChange={(e) => onChange(e.target.value)} />
          <button type="button" className="btn btn-ghost btn-small" disabled={hex === ''} onClick={() => onChange('')}>Use the theme’s</button>
        </div>
      )}
    >
      <input className="input input-hex" value={value} onChange={(e) => onChange(e.target.value)} placeholder="the theme’s own" spellCheck={false} autoComplete="off" />
    </Field>
  );
}

/** The site's settings: one form, one Save. The logo is its own section: choosing a file applies it at once. */
export function SiteSettingsForm({ initial, onSaved }: { initial: SiteSettings; onSaved: (saved: SiteSettings, before: SiteSettings) => void }) {
  const client = useClient();
  const themes = useCall('site.themes', {});
  const start = formFromSettings(initial);
  const [form, setForm] = useState<SiteForm>(start);
  const action = useAction();
  const dirty = !sameForm(form, start);
  const review = reviewColors(form.colors);
  const set = <K extends keyof SiteForm>(key: K, value: SiteForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setColor = (field: ColorField, value: string) => setForm((f) => ({ ...f, colors: { ...f.colors, [field]: value } }));
  const setWording = (key: string, text: string | null) => setForm((f) => {
    const strings = { ...(f.wording[f.language] ?? {}) };
    if (text === null) delete strings[key];
    else strings[key] = text;
    return { ...f, wording: { ...f.wording, [f.language]: strings } };
  });
  const colorProblem = (field: ColorField): string | null => {
    if (review.malformed.includes(field)) return 'Write the colour as #rrggbb, for example #0e5a57.';
    return review.problem?.field === field ? review.problem.message : null;
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const saved = await client.call('site.settings.set', patchFromForm(form));
      onSaved(saved, initial);
    });
  };

  const themeList = themes.data?.themes ?? [{ name: form.theme, label: form.theme, description: '' }];
  return (
    <form className="card form" onSubmit={submit} aria-label="Site settings" noValidate>
      <h2 className="subheading">About your organisation</h2>
      <Field label="Organisation" hint="The workspace’s name: the header and title of every page.">
        <input className="input" value={form.organisation} onChange={(e) => set('organisation', e.target.value)} required />
      </Field>
      <Field label="Your website" hint="Linked from the site’s header and footer.">
        <input className="input" value={form.url} onChange={(e) => set('url', e.target.value)} placeholder="https://www.northwind.example" />
      </Field>
      <Field label="Introduction" hint="Shown on the home page. Markdown: **bold**, [links](https://…), lists.">
        <textarea className="input" rows={5} value={form.intro} onChange={(e) => set('intro', e.target.value)} />
      </Field>
      <Field label="Moderation policy" hint="Shown with the moderation report: what you withhold and why. Markdown.">
        <textarea className="input" rows={7} value={form.policy} onChange={(e) => set('policy', e.target.value)} />
      </Field>
      <Field label="How you check that reviews are genuine (optional)" hint="Shown on the site’s reviews policy page: how you make sure conversations come from real customers. Empty: the page says only what the sources themselves show. Markdown.">
        <textarea className="input" rows={4} value={form.verification} onChange={(e) => set('verification', e.target.value)} />
      </Field>
      <label className="check">
        <input type="checkbox" checked={form.withheldPlaceholders} onChange={(e) => set('withheldPlaceholders', e.target.checked)} />
        <span>Show a line for each withheld conversation (its month, kind, rating and the reason; never its text)</span>
      </label>

      <h2 className="subheading">Look and address</h2>
      <Field label="Theme" hint={themeList.find((t) => t.name === form.theme)?.description}>
        <select className="input" value={form.theme} onChange={(e) => set('theme', e.target.value)}>
          {themeList.map((t) => <option key={t.name} value={t.name}>{t.label}</option>)}
        </select>
      </Field>
      <Field label="Address of the published site (optional)" hint="e.g. https://transparency.northwind.example — used for links in feeds and the sitemap, and by every export.">
        <input className="input" value={form.baseUrl} onChange={(e) => set('baseUrl', e.target.value)} placeholder="https://" />
      </Field>
      <fieldset className="fieldset">
        <legend className="field-label">Colours</legend>
        <div className="color-grid">
          {COLOR_FIELDS.map((f) => <ColorInput key={f} field={f} value={form.colors[f]} onChange={(v) => setColor(f, v)} problem={colorProblem(f)} />)}
        </div>
        {review.checks.length ? (
          <ul className="contrast-list" aria-label="Contrast of the chosen colours" aria-live="polite">
            {review.checks.map((c) => (
              <li key={`${c.field}-${c.use}`} className={c.ok ? 'contrast-ok' : 'contrast-fail'}>
                <span className="contrast-sample" aria-hidden="true" style={{ color: c.foreground, background: c.background }}>Aa</span>
                <span>{c.use}: <strong>{formatRatio(c.ratio)}</strong> — {c.ok ? 'passes WCAG 2.2 AA' : `below ${AA_TEXT}:1, will be refused`}</span>
              </li>
            ))}
          </ul>
        ) : <p className="muted small">The theme’s own colours are used.</p>}
      </fieldset>

      <SiteWordingSection form={form} onLanguage={(language) => set('language', language)} onWording={setWording} />

      {action.error ? <ErrorNotice error={action.error} title="Not saved" /> : null}
      <div className="form-actions">
        <button type="button" className="btn btn-ghost" disabled={!dirty || action.pending} onClick={() => { setForm(start); action.clearError(); }}>Undo changes</button>
        <button type="submit" className="btn btn-primary" disabled={!dirty || action.pending}>{action.pending ? 'Saving…' : 'Save'}</button>
      </div>
    </form>
  );
}

/** The logo: a preview of the saved one, a file to use instead, or none. */
export function LogoSection({ logo, onChanged }: { logo: SiteSettings['logo']; onChanged: (saved: SiteSettings, message: string) => void }) {
  const client = useClient();
  const [path, setPath] = useState('');
  const action = useAction();
  const use = () => void action.run(async () => {
    const saved = await client.call('site.logo.set', { path: path.trim() });
    setPath('');
    onChanged(saved, 'Logo saved.');
  });
  const remove = () => void action.run(async () => {
    onChanged(await client.call('site.logo.clear', {}), 'Logo removed.');
  });
  return (
    <section className="card form" aria-labelledby="site-logo-heading">
      <h2 className="subheading" id="site-logo-heading">Logo</h2>
      {logo ? (
        <div className="logo-current">
          {logo.dataUrl ? <img className="logo-preview" src={logo.dataUrl} alt="The current logo" /> : null}
          <p className="muted small">{logo.type.replace('image/', '').toUpperCase()}, {formatBytes(logo.size)}. Shown in the header of every page, with the organisation’s name as its text alternative.</p>
        </div>
      ) : <p className="muted small">No logo: the header shows the organisation’s name.</p>}
      <PathInput label={logo ? 'Replace with' : 'Logo file'} purpose="logo-file" value={path} onChange={setPath} hint={`PNG, JPEG or WebP, at most ${formatBytes(LOGO_MAX_BYTES)}. Not SVG: an SVG file can run script.`} />
      {action.error ? <ErrorNotice error={action.error} title="The logo was not changed" /> : null}
      <div className="form-actions form-actions-start">
        <button type="button" className="btn btn-secondary" disabled={!path.trim() || action.pending} onClick={use}>Use this logo</button>
        {logo ? <button type="button" className="btn btn-ghost" disabled={action.pending} onClick={remove}>Remove logo</button> : null}
      </div>
    </section>
  );
}
