import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Res } from '../../../../electron/shared/contract.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Field } from '../../components/Field.tsx';
import { excerpt, plural } from '../../lib/format.ts';
import { PII_LABEL } from '../../lib/labels.ts';
import type { FindingView } from '../../lib/labels.ts';

type Redactions = Res<'curation.findings'>;

function findingState(f: FindingView): { label: string; tone: 'removed' | 'review' | 'kept' } {
  if (f.redacted) return { label: f.status === 'accepted' ? 'Removed (confirmed)' : 'Removed automatically — confirm or keep', tone: 'removed' };
  if (f.status === 'pending') return { label: 'Needs your review', tone: 'review' };
  return { label: f.reason ? `Kept: ${f.reason}` : 'Kept as written', tone: 'kept' };
}

function whereLabel(location: string, messageNumbers: Map<string, number>): string {
  if (location === 'subject') return 'subject';
  const n = messageNumbers.get(location);
  return n ? `message ${n}` : 'a message';
}

/**
 * Every personal-data finding with what publishing will do with it. "Remove" / "Confirm" accepts the suggestion;
 * "Keep" publishes the text as written and, for high-confidence kinds, asks why (recorded in the audit log).
 * "Confirm all" and "Mark reviewed" finish the conversation in one step, so it leaves the review filter.
 */
export function PersonalData({ redactions, messageNumbers, onAccept, onKeep, onReviewAll, onUnspan, onSpan, texts, focused, busy }: {
  redactions: Redactions;
  messageNumbers: Map<string, number>;
  onAccept: (f: FindingView) => void;
  onKeep: (f: FindingView, reason: string) => void;
  /** confirm: remove every finding still waiting; as-shown: record each as it is shown now. */
  onReviewAll: (mode: 'confirm' | 'as-shown') => void;
  onUnspan: (id: string) => void;
  /** A manual redaction typed instead of selected (keyboard and screen-reader users). */
  onSpan: (location: string, start: number, end: number) => void;
  /** The redactable texts by location (the subject and the public messages). */
  texts: Map<string, string>;
  focused: string | null;
  busy: boolean;
}) {
  const [keeping, setKeeping] = useState<FindingView | null>(null);
  const { findings, manual, summary } = redactions;
  const waiting = findings.filter((f) => f.status === 'pending').length;
  return (
    <section className="card pii-panel" aria-labelledby="pii-heading">
      <header className="card-header">
        <h3 id="pii-heading" className="subheading">Personal data</h3>
        <span className="muted">
          {findings.length === 0 && manual.length === 0 ? 'Nothing found' : `${plural(summary.redacted + manual.length, 'item')} removed when published · ${waiting ? `${waiting} to review` : 'all reviewed'}`}
        </span>
      </header>
      {waiting > 0 ? (
        <div className="pii-review-all" role="group" aria-label="Review all personal data in this conversation">
          <button type="button" className="btn btn-small btn-primary" disabled={busy} onClick={() => onReviewAll('as-shown')} aria-keyshortcuts="r">
            Mark reviewed <kbd aria-hidden="true">r</kbd>
          </button>
          <button type="button" className="btn btn-small btn-secondary" disabled={busy} onClick={() => onReviewAll('confirm')}>Confirm all {waiting} (remove them)</button>
          <span className="muted small">“Mark reviewed” keeps what is shown: removed stays removed, the rest is published as written.</span>
        </div>
      ) : null}
      {findings.length === 0 && manual.length === 0 ? (
        <p className="muted small">Candor found no personal data. Select text in a message to remove anything it missed.</p>
      ) : (
        <ul className="finding-list">
          {findings.map((f) => {
            const state = findingState(f);
            return (
              <li key={f.id} id={`finding-${f.id}`} className={`finding finding-${state.tone}${focused === f.id ? ' finding-focused' : ''}`}>
                <div className="finding-main">
                  <span className="finding-kind">{PII_LABEL[f.kind]}</span>
                  <span className="finding-text">“{excerpt(f.text, 60)}”</span>
                  <span className="muted small">in {whereLabel(f.location, messageNumbers)} · {f.confidence === 'high' ? 'certain' : 'possible'}</span>
                </div>
                <div className="finding-side">
                  <span className={`finding-state state-${state.tone}`}>{state.label}</span>
                  <div className="finding-actions">
                    {!f.redacted ? <button type="button" className="btn btn-small btn-secondary" disabled={busy} onClick={() => onAccept(f)} aria-label={`Remove ${PII_LABEL[f.kind]} “${excerpt(f.text, 40)}”`}>Remove</button> : null}
                    {f.redacted && f.status === 'pending' ? <button type="button" className="btn btn-small btn-secondary" disabled={busy} onClick={() => onAccept(f)} aria-label={`Confirm removing ${PII_LABEL[f.kind]} “${excerpt(f.text, 40)}”`}>Confirm</button> : null}
                    {f.redacted || f.status === 'pending' ? <button type="button" className="btn btn-small btn-ghost" disabled={busy} onClick={() => (f.confidence === 'high' ? setKeeping(f) : onKeep(f, ''))} aria-label={`Keep ${PII_LABEL[f.kind]} “${excerpt(f.text, 40)}”`}>Keep</button> : null}
                  </div>
                </div>
              </li>
            );
          })}
          {manual.map((m) => (
            <li key={m.id} className="finding finding-removed">
              <div className="finding-main">
                <span className="finding-kind">Removed by {m.actor}</span>
                <span className="finding-text">“{excerpt(m.text, 60)}”</span>
                <span className="muted small">in {whereLabel(m.location, messageNumbers)}{m.note ? ` · ${m.note}` : ''}</span>
              </div>
              <div className="finding-side">
                <span className="finding-state state-removed">Removed</span>
                <div className="finding-actions">
                  <button type="button" className="btn btn-small btn-ghost" disabled={busy} onClick={() => onUnspan(m.id)} aria-label={`Undo removal of “${excerpt(m.text, 40)}”`}>Undo</button>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      <TypedRedaction texts={texts} messageNumbers={messageNumbers} onSpan={onSpan} busy={busy} />
      {keeping ? <KeepDialog finding={keeping} onCancel={() => setKeeping(null)} onKeep={(reason) => { onKeep(keeping, reason); setKeeping(null); }} /> : null}
    </section>
  );
}

function KeepDialog({ finding, onCancel, onKeep }: { finding: FindingView; onCancel: () => void; onKeep: (reason: string) => void }) {
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim()) onKeep(reason.trim());
  };
  return (
    <Dialog title={`Publish this ${PII_LABEL[finding.kind].toLowerCase()}?`} onClose={onCancel}>
      <form className="form" onSubmit={submit}>
        <p>“{finding.text}” would appear on the public site as written. Say why — it is recorded in the audit log.</p>
        <Field label="Reason">
          <input className="input" value={reason} onChange={(e) => setReason(e.target.value)} required data-autofocus placeholder="e.g. This is the company’s public support number" />
        </Field>
        <div className="form-actions">
          <button type="button" className="btn btn-secondary" onClick={onCancel}>Cancel</button>
          <button type="submit" className="btn btn-primary" disabled={!reason.trim()}>Keep it</button>
        </div>
      </form>
    </Dialog>
  );
}

/** Finds the first place `text` occurs at or after `from` in `source`: the span a typed redaction removes. */
function findSpan(source: string, text: string): { start: number; end: number } | null {
  const needle = text.trim();
  if (!needle) return null;
  const at = source.indexOf(needle);
  return at < 0 ? null : { start: at, end: at + needle.length };
}

function TypedRedaction({ texts, messageNumbers, onSpan, busy }: { texts: Map<string, string>; messageNumbers: Map<string, number>; onSpan: (location: string, start: number, end: number) => void; busy: boolean }) {
  const locations = [...texts.keys()];
  const [location, setLocation] = useState(locations[0] ?? '');
  const [text, setText] = useState('');
  const span = findSpan(texts.get(location) ?? '', text);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!span) return;
    onSpan(location, span.start, span.end);
    setText('');
  };
  if (locations.length === 0) return null;
  return (
    <details className="typed-redaction">
      <summary>Remove other text by typing it</summary>
      <form className="typed-redaction-form" onSubmit={submit}>
        <Field label="In">
          <select className="input input-small" value={location} onChange={(e) => setLocation(e.target.value)}>
            {locations.map((l) => <option key={l} value={l}>{whereLabel(l, messageNumbers)}</option>)}
          </select>
        </Field>
        <Field label="Text to remove" hint={text.trim() && !span ? 'Not found there: type it exactly as written.' : 'Its first occurrence is removed from the published view.'}>
          <input className="input input-small" value={text} onChange={(e) => setText(e.target.value)} />
        </Field>
        <button type="submit" className="btn btn-secondary btn-small" disabled={busy || !span}>Remove</button>
      </form>
    </details>
  );
}
