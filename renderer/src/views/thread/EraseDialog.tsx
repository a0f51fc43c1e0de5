import { useState } from 'react';
import type { FormEvent } from 'react';
import { useClient } from '../../api.ts';
import { useApp } from '../../app/context.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Field } from '../../components/Field.tsx';
import { ErrorNotice } from '../../components/States.tsx';
import { plural } from '../../lib/format.ts';
import { useAction } from '../../lib/useCall.ts';
import type { Res } from '../../../../electron/shared/contract.ts';

type Counts = Res<'curation.erase'>;

/**
 * "Erase this customer" (GDPR Art. 17): this conversation, or every conversation of the customer's e-mail address.
 * The dialog first counts what would go (a dry run), then asks for the word "erase": there is no undo.
 */
export function EraseAction({ threadId, customerEmail, onErased }: { threadId: string; customerEmail: string | null; onErased: () => void }) {
  const client = useClient();
  const app = useApp();
  const action = useAction();
  const [open, setOpen] = useState(false);
  const [scope, setScope] = useState<'thread' | 'customer'>('thread');
  const [counts, setCounts] = useState<Counts | null>(null);
  const [typed, setTyped] = useState('');
  const target = scope === 'customer' && customerEmail ? { customer: customerEmail } : { threadIds: [threadId] };

  const count = async (next: 'thread' | 'customer') => {
    setScope(next);
    setCounts(null);
    const r = await action.run(() => client.call('curation.erase', { target: next === 'customer' && customerEmail ? { customer: customerEmail } : { threadIds: [threadId] }, dryRun: true }));
    if (r) setCounts(r);
  };
  const openDialog = () => {
    setOpen(true);
    setTyped('');
    void count('thread');
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (typed.trim().toLowerCase() !== 'erase') return;
    const r = await action.run(() => client.call('curation.erase', { target }));
    if (!r) return;
    setOpen(false);
    app.toast(`Erased ${plural(r.threads, 'conversation')} (${plural(r.records, 'record')}). Build the site again to remove ${r.threads === 1 ? 'it' : 'them'} from it.`);
    app.navigate({ view: 'inbox' }, { replace: true });
    onErased();
  };

  return (
    <>
      <button type="button" className="btn btn-danger-outline btn-small erase-action" onClick={openDialog}>Erase customer’s data…</button>
      {open ? (
        <Dialog title="Erase a customer’s data" onClose={() => setOpen(false)}>
          <form className="form" onSubmit={(e) => void submit(e)}>
            <p>For a customer who asked to be forgotten (GDPR Art. 17). Their messages, name, e-mail, location, personal-data findings and decisions leave the workspace for good; a re-import of the same export will not bring them back. The audit log only records that an erasure happened and how many records went.</p>
            <fieldset className="field">
              <legend>What to erase</legend>
              <label><input type="radio" name="erase-scope" checked={scope === 'thread'} onChange={() => void count('thread')} /> This conversation</label>
              {customerEmail ? <label><input type="radio" name="erase-scope" checked={scope === 'customer'} onChange={() => void count('customer')} /> Every conversation of this customer’s e-mail address</label> : null}
            </fieldset>
            <p className="muted" aria-live="polite">{counts ? `${plural(counts.threads, 'conversation')}, ${plural(counts.messages, 'message')} and ${plural(counts.findings, 'personal-data finding')} will be erased.` : 'Counting…'}</p>
            {action.error ? <ErrorNotice error={action.error} title="Nothing was erased" /> : null}
            <Field label="Type “erase” to confirm" hint="There is no undo.">
              <input className="input" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" data-autofocus />
            </Field>
            <div className="form-actions">
              <button type="button" className="btn btn-secondary" onClick={() => setOpen(false)}>Cancel</button>
              <button type="submit" className="btn btn-danger" disabled={action.pending || !counts || typed.trim().toLowerCase() !== 'erase'}>Erase for good</button>
            </div>
          </form>
        </Dialog>
      ) : null}
    </>
  );
}
