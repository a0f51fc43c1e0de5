import { useState } from 'react';
import { Field } from '../../components/Field.tsx';
import { PathInput } from '../../components/PathInput.tsx';
import { formatBytes, formatDate } from '../../lib/format.ts';
import type { EvidenceDraft, EvidenceType, LintFinding } from './claim-form.ts';
import { emptyEvidence, EVIDENCE_LABEL } from './claim-form.ts';
import { FindingList } from './Findings.tsx';

function validity(e: EvidenceDraft, asOf: string): { text: string; tone: 'ok' | 'expired' | 'none' } {
  if (!e.valid_until) return { text: 'No expiry date', tone: 'none' };
  return e.valid_until < asOf ? { text: `Expired ${formatDate(e.valid_until)}`, tone: 'expired' } : { text: `Valid until ${formatDate(e.valid_until)}`, tone: 'ok' };
}

/** Evidence attached to the claim, and a form to attach more (a file, copied into the workspace, or a web page). */
export function EvidenceEditor({ id, evidence, onChange, findings, asOf, disabled }: { id?: string; evidence: EvidenceDraft[]; onChange: (e: EvidenceDraft[]) => void; findings: LintFinding[]; asOf: string; disabled: boolean }) {
  const [adding, setAdding] = useState<EvidenceDraft | null>(null);
  const set = <K extends keyof EvidenceDraft>(k: K, v: EvidenceDraft[K]) => setAdding((a) => (a ? { ...a, [k]: v } : a));
  return (
    <fieldset className="fieldset" id={id}>
      <legend>Evidence</legend>
      {evidence.length === 0 ? <p className="muted">No evidence yet. Every environmental claim needs some before it is published.</p> : null}
      <ul className="evidence-list">
        {evidence.map((e, i) => {
          const v = validity(e, asOf);
          return (
            <li key={i} className="evidence">
              <div className="evidence-main">
                <span className="strong">{e.title || '(untitled)'}</span>
                <span className="muted small">
                  {EVIDENCE_LABEL[e.type]}{e.issuer ? ` · ${e.issuer}` : ''} · {e.independent_third_party ? 'independent' : 'in-house'}
                  {e.covers ? ` · covers ${e.covers}` : ''}
                </span>
                <span className="muted small mono">
                  {e.url ? e.url : e.file && typeof e.file === 'object' ? `${e.file.name} (${formatBytes(e.file.size)}, sha256 ${e.file.sha256.slice(0, 12)}…)` : e.file ? `${e.file} (copied in when saved)` : ''}
                </span>
              </div>
              <span className={`validity validity-${v.tone}`}>{v.text}</span>
              <button type="button" className="btn btn-ghost btn-small" disabled={disabled} onClick={() => onChange(evidence.filter((_, j) => j !== i))} aria-label={`Remove evidence ${e.title}`}>Remove</button>
            </li>
          );
        })}
      </ul>
      <FindingList findings={findings} />
      {adding ? (
        <div className="evidence-form card">
          <div className="grid-2">
            <Field label="Type">
              <select className="input" value={adding.type} onChange={(e) => set('type', e.target.value as EvidenceType)}>
                {(Object.keys(EVIDENCE_LABEL) as EvidenceType[]).map((t) => <option key={t} value={t}>{EVIDENCE_LABEL[t]}</option>)}
              </select>
            </Field>
            <Field label="Title">
              <input className="input" value={adding.title} onChange={(e) => set('title', e.target.value)} placeholder="e.g. GRS certificate 2026" data-autofocus />
            </Field>
            <Field label="Issued by">
              <input className="input" value={adding.issuer} onChange={(e) => set('issuer', e.target.value)} placeholder="e.g. Control Union" />
            </Field>
            <Field label="What it covers" hint="Comma-separated, e.g. recycled content, bottle">
              <input className="input" value={adding.covers} onChange={(e) => set('covers', e.target.value)} />
            </Field>
            <Field label="Issued on">
              <input type="date" className="input" value={adding.issued} onChange={(e) => set('issued', e.target.value)} />
            </Field>
            <Field label="Valid until">
              <input type="date" className="input" value={adding.valid_until} onChange={(e) => set('valid_until', e.target.value)} />
            </Field>
          </div>
          <label className="check">
            <input type="checkbox" checked={adding.independent_third_party} onChange={(e) => set('independent_third_party', e.target.checked)} />
            <span>Issued by an independent third party</span>
          </label>
          {adding.type === 'url' ? (
            <Field label="Web address" hint="http or https">
              <input className="input" value={adding.url} onChange={(e) => set('url', e.target.value)} placeholder="https://" />
            </Field>
          ) : (
            <PathInput label="File" purpose="evidence-file" value={typeof adding.file === 'string' ? adding.file : ''} onChange={(v) => set('file', v)} hint="Copied into the workspace when you save; the original is not touched." />
          )}
          <div className="form-actions">
            <button type="button" className="btn btn-ghost" onClick={() => setAdding(null)}>Cancel</button>
            <button type="button" className="btn btn-primary" disabled={!adding.title.trim()} onClick={() => { onChange([...evidence, adding]); setAdding(null); }}>Add evidence</button>
          </div>
        </div>
      ) : (
        <button type="button" className="btn btn-secondary" disabled={disabled} onClick={() => setAdding(emptyEvidence())}>Attach evidence…</button>
      )}
    </fieldset>
  );
}
