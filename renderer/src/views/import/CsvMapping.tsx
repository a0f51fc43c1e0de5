import { useEffect, useMemo, useState } from 'react';
import { Field } from '../../components/Field.tsx';
import { ErrorNotice, Loading } from '../../components/States.tsx';
import { excerpt } from '../../lib/format.ts';
import { useCall } from '../../lib/useCall.ts';
import type { FieldId, Layout, MappingForm } from './csv-mapping.ts';
import { distinctValues, fieldSpec, guessBodyFormat, guessColumns, guessLayout, LAYOUT_FIELDS, missingRequired, sourceFromFile, toMapping } from './csv-mapping.ts';

export type MappingState = { valid: boolean; value: unknown };

export function isCsv(format: string): boolean {
  return format === 'csv';
}

/**
 * Which column is which, for a spreadsheet export. Candor guesses from the header; the preview below updates as
 * the choices change, so people see the conversations come out right before anything is imported.
 */
export function CsvMapping({ file, onChange }: { file: string; onChange: (m: MappingState | null) => void }) {
  const sample = useCall('imports.csvSample', { file, rows: 8 });
  if (sample.status === 'loading') return <Loading label="Reading the columns…" />;
  if (sample.status === 'error') return <ErrorNotice error={sample.error} title="The columns could not be read" />;
  return <MappingEditor key={file} file={file} columns={sample.data.columns} rows={sample.data.rows} onChange={onChange} />;
}

function MappingEditor({ file, columns, rows, onChange }: { file: string; columns: string[]; rows: string[][]; onChange: (m: MappingState | null) => void }) {
  const [form, setForm] = useState<MappingForm>(() => {
    const layout = guessLayout(columns, rows);
    const guessed = guessColumns(columns, layout);
    return { layout, source: sourceFromFile(file), columns: guessed, roleValues: {}, bodyFormat: guessBodyFormat(columns, rows, guessed.body), dateFormat: 'iso', ratingMin: '1', ratingMax: '5', privateColumns: [] };
  });
  const missing = missingRequired(form);
  const mapping = useMemo(() => toMapping(form), [form]);
  const key = JSON.stringify(mapping);
  useEffect(() => {
    onChange({ valid: missing.length === 0, value: JSON.parse(key) as unknown });
  }, [key, missing.length, onChange]);

  const setColumn = (id: FieldId, col: string) => setForm((f) => ({ ...f, columns: { ...f.columns, [id]: col || undefined } }));
  const setLayout = (layout: Layout) => setForm((f) => ({ ...f, layout, columns: { ...guessColumns(columns, layout), ...Object.fromEntries(Object.entries(f.columns).filter(([k]) => (LAYOUT_FIELDS[layout] as string[]).includes(k))) } }));
  const roleValues = distinctValues(columns, rows, form.columns.role);
  const example = (col: string | undefined) => {
    const i = col ? columns.indexOf(col) : -1;
    const v = i >= 0 ? rows.find((r) => (r[i] ?? '').trim())?.[i] : undefined;
    return v ? `e.g. “${excerpt(v, 40)}”` : undefined;
  };

  return (
    <div className="mapping">
      <Field label="Source name" hint="Where these conversations come from, e.g. shop-reviews. Use the same name for next month's export of the same kind: the conversations it already has are updated, not duplicated.">
        <input className="input" value={form.source} onChange={(e) => setForm((f) => ({ ...f, source: e.target.value }))} pattern="[A-Za-z0-9][A-Za-z0-9._-]*" required />
      </Field>
      <div className="segmented" role="radiogroup" aria-label="How the file is organised">
        {(['message-per-row', 'thread-per-row'] as Layout[]).map((l) => (
          <button key={l} type="button" role="radio" aria-checked={form.layout === l} className={`segment${form.layout === l ? ' segment-active' : ''}`} onClick={() => setLayout(l)}>
            {l === 'message-per-row' ? 'One row per message' : 'One row per conversation (e.g. a review and its reply)'}
          </button>
        ))}
      </div>
      <div className="mapping-grid">
        {LAYOUT_FIELDS[form.layout].map((id) => {
          const spec = fieldSpec(id);
          const required = spec.required || (form.layout === 'message-per-row' && id === 'role' && !form.columns.authorEmail);
          return (
            <Field key={id} label={<>{spec.label}{required ? <span className="required"> (needed)</span> : null}</>} hint={example(form.columns[id]) ?? spec.hint}>
              <select className="input input-small" value={form.columns[id] ?? ''} onChange={(e) => setColumn(id, e.target.value)}>
                <option value="">— not in this file —</option>
                {columns.map((c) => <option key={c} value={c}>{c}</option>)}
              </select>
            </Field>
          );
        })}
      </div>

      {form.columns.role && roleValues.length ? (
        <fieldset className="fieldset">
          <legend>Who is who</legend>
          <p className="muted small">Candor understands words like “customer”, “client”, “agent” and “staff” by itself. Set any others here.</p>
          <div className="grid-4">
            {roleValues.map((v) => (
              <Field key={v} label={`“${v}” means`}>
                <select className="input input-small" value={form.roleValues[v] ?? ''} onChange={(e) => setForm((f) => ({ ...f, roleValues: { ...f.roleValues, [v]: e.target.value as MappingForm['roleValues'][string] } }))}>
                  <option value="">Let Candor decide</option>
                  <option value="customer">Customer</option>
                  <option value="staff">Staff</option>
                  <option value="system">Automated</option>
                </select>
              </Field>
            ))}
          </div>
        </fieldset>
      ) : null}

      <div className="grid-4">
        <Field label="Text is written as">
          <select className="input input-small" value={form.bodyFormat} onChange={(e) => setForm((f) => ({ ...f, bodyFormat: e.target.value as MappingForm['bodyFormat'] }))}>
            <option value="text">Plain text</option>
            <option value="html">HTML (converted to text)</option>
            <option value="markdown">Markdown</option>
          </select>
        </Field>
        <Field label="Dates are written as">
          <select className="input input-small" value={form.dateFormat} onChange={(e) => setForm((f) => ({ ...f, dateFormat: e.target.value as MappingForm['dateFormat'] }))}>
            <option value="iso">2026-03-31 14:00 (ISO)</option>
            <option value="day-first">31/03/2026 (day first)</option>
            <option value="month-first">03/31/2026 (month first)</option>
            <option value="unix">Unix seconds</option>
            <option value="unix-ms">Unix milliseconds</option>
          </select>
        </Field>
        {form.columns.rating ? (
          <>
            <Field label="Lowest rating"><input className="input input-small" inputMode="numeric" value={form.ratingMin} onChange={(e) => setForm((f) => ({ ...f, ratingMin: e.target.value }))} /></Field>
            <Field label="Highest rating"><input className="input input-small" inputMode="numeric" value={form.ratingMax} onChange={(e) => setForm((f) => ({ ...f, ratingMax: e.target.value }))} /></Field>
          </>
        ) : null}
      </div>

      <fieldset className="fieldset">
        <legend>Columns with personal data</legend>
        <p className="muted small">Kept privately in the workspace, never shown in conversations or published (order numbers, phone numbers, addresses…).</p>
        <div className="checks">
          {columns.filter((c) => !Object.values(form.columns).includes(c)).map((c) => (
            <label key={c} className="check">
              <input type="checkbox" checked={form.privateColumns.includes(c)} onChange={(e) => setForm((f) => ({ ...f, privateColumns: e.target.checked ? [...f.privateColumns, c] : f.privateColumns.filter((x) => x !== c) }))} />
              <span>{c}</span>
            </label>
          ))}
        </div>
      </fieldset>

      {missing.length ? <p className="notice notice-warning" role="status">Still needed: {missing.map((m) => m.label).join(', ')}.</p> : null}
      <details className="mapping-json">
        <summary>The column matching as a file (to keep with your exports)</summary>
        <pre>{JSON.stringify(mapping, null, 2)}</pre>
      </details>
    </div>
  );
}
