import { useState } from 'react';
import type { FormEvent } from 'react';
import { Dialog } from '../../components/Dialog.tsx';
import { Field } from '../../components/Field.tsx';
import { formatCount, plural } from '../../lib/format.ts';

/** What can be done to several conversations at once; shown while some are selected. */
export function BulkBar({ count, total, all, onSelectAll, onClear, onPublish, onWithhold, onTag, onReview, busy }: {
  count: number;
  total: number;
  all: boolean;
  onSelectAll: () => void;
  onClear: () => void;
  onPublish: () => void;
  onWithhold: () => void;
  onTag: () => void;
  onReview: () => void;
  busy: boolean;
}) {
  return (
    <div className="bulk-bar" role="region" aria-label="Selected conversations">
      <p className="bulk-count" aria-live="polite">
        <strong>{all ? `All ${plural(total, 'conversation')} matching` : `${formatCount(count)} selected`}</strong>
        {!all && total > count ? <button type="button" className="link-button" onClick={onSelectAll}>Select all {formatCount(total)} matching <kbd aria-hidden="true">*</kbd></button> : null}
      </p>
      <div className="bulk-actions" role="group" aria-label="Actions on the selected conversations">
        <button type="button" className="btn btn-primary btn-small" onClick={onPublish} disabled={busy} aria-keyshortcuts="p">Publish <kbd aria-hidden="true">p</kbd></button>
        <button type="button" className="btn btn-danger-outline btn-small" onClick={onWithhold} disabled={busy} aria-keyshortcuts="w">Withhold… <kbd aria-hidden="true">w</kbd></button>
        <button type="button" className="btn btn-secondary btn-small" onClick={onTag} disabled={busy} aria-keyshortcuts="t">Tag… <kbd aria-hidden="true">t</kbd></button>
        <button type="button" className="btn btn-secondary btn-small" onClick={onReview} disabled={busy} aria-keyshortcuts="r">Mark personal data reviewed <kbd aria-hidden="true">r</kbd></button>
        <button type="button" className="btn btn-ghost btn-small" onClick={onClear} aria-keyshortcuts="Escape">Clear selection</button>
      </div>
    </div>
  );
}

/** Adds a tag to (or removes one from) the chosen conversations. */
export function TagDialog({ what, onCancel, onConfirm }: { what: string; onCancel: () => void; onConfirm: (tag: string, remove: boolean) => void }) {
  const [tag, setTag] = useState('');
  const [remove, setRemove] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (tag.trim()) onConfirm(tag.trim(), remove);
  };
  return (
    <Dialog title="Tag conversations" onClose={onCancel}>
      <form className="form" onSubmit={submit}>
        <p className="muted">{what}. Tags are yours: a new import never removes them. They are shown on the site with the conversation.</p>
        <Field label="Tag">
          <input className="input" value={tag} onChange={(e) => setTag(e.target.value)} required data-autofocus placeholder="e.g. Delivery" />
        </Field>
        <fieldset className="radio-group">
          <legend>Do</legend>
          <label className="check"><input type="radio" name="tag-mode" checked={!remove} onChange={() => setRemove(false)} /> <span>Add this tag</span></label>
          <label className="check"><input type="radio" name="tag-mode" checked={remove} onChange={() => setRemove(true)} /> <span>Remove this tag</span></label>
        </fieldset>
        <div className="form-actions">
          <button type="button" className="btn btn-secondary" onClick={onCancel}>Cancel</button>
          <button type="submit" className="btn btn-primary" disabled={!tag.trim()}>{remove ? 'Remove tag' : 'Add tag'}</button>
        </div>
      </form>
    </Dialog>
  );
}
