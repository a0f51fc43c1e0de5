import { useState } from 'react';
import type { ProgressEvent } from '../../../../electron/shared/contract.ts';
import { useClient } from '../../api.ts';
import { useApp } from '../../app/context.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { CancelledNotice, isCancelled, JobProgress } from '../../components/JobProgress.tsx';
import { PathInput } from '../../components/PathInput.tsx';
import { EmptyState, ErrorNotice, Loading, Notice } from '../../components/States.tsx';
import { plural } from '../../lib/format.ts';
import { useAction, useCall } from '../../lib/useCall.ts';
import type { ClaimStatus } from './claim-form.ts';
import { STATUS_LABEL } from './claim-form.ts';
import { ClaimEditor, NEW_CLAIM } from './ClaimEditor.tsx';
import { LintSummary } from './Findings.tsx';
import { SecondApproverSetting } from './WorkflowDialogs.tsx';

/** What the claims import's progress bar says in each phase of the job. */
const CLAIM_PHASE_LABEL: Record<string, string> = { reading: 'Reading the claims', evidence: 'Hashing the evidence files', storing: 'Storing the claims' };

const PROGRESS_LABEL: Record<string, string> = { on_track: 'On track', behind: 'Behind', achieved: 'Achieved', missed: 'Missed', unknown: '' };

export function ClaimsView({ claimId }: { claimId?: string }) {
  const app = useApp();
  const [status, setStatus] = useState<ClaimStatus | ''>('');
  const [version, setVersion] = useState(0);
  const [importing, setImporting] = useState(false);
  const list = useCall('claims.list', status ? { status } : {}, version + app.dataVersion);

  return (
    <main className="split" id="main" tabIndex={-1}>
      <section className="split-list" aria-label="Claims list">
        <header className="pane-header">
          <h1 className="page-title">Claims</h1>
          <div className="pane-actions">
            <button type="button" className="btn btn-ghost btn-small" onClick={() => setImporting(true)}>Import…</button>
            <button type="button" className="btn btn-primary btn-small" onClick={() => app.navigate({ view: 'claims', claimId: NEW_CLAIM })}>New claim</button>
          </div>
        </header>
        <div className="filter-bar">
          <label className="filter">
            <span>Show</span>
            <select className="input input-small" value={status} onChange={(e) => setStatus(e.target.value as ClaimStatus | '')}>
              <option value="">All claims</option>
              {(Object.keys(STATUS_LABEL) as ClaimStatus[]).map((s) => <option key={s} value={s}>{STATUS_LABEL[s]}</option>)}
            </select>
          </label>
        </div>
        {list.status === 'loading' ? <Loading label="Loading claims…" /> : null}
        {list.status === 'error' ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
        {list.status === 'ready' && list.data.claims.length === 0 ? (
          <EmptyState title={status ? 'No claims with this status' : 'No claims yet'}>
            <p>Keep each public sustainability claim here with its figures and evidence. Candor checks the wording against green-claims rules.</p>
          </EmptyState>
        ) : null}
        {list.status === 'ready' && list.data.claims.length > 0 ? (
          <ul className="claim-list">
            {list.data.claims.map((c) => (
              <li key={c.id}>
                <a
                  href={`#/claims/${encodeURIComponent(c.id)}`}
                  className={`claim-row${claimId === c.id ? ' claim-row-selected' : ''}`}
                  aria-current={claimId === c.id ? 'true' : undefined}
                  onClick={(e) => { e.preventDefault(); app.navigate({ view: 'claims', claimId: c.id }); }}
                >
                  <span className="claim-row-top">
                    <span className="claim-row-title">{c.title}</span>
                    <span className={`badge badge-status-${c.status}`}>{STATUS_LABEL[c.status]}</span>
                  </span>
                  <span className="claim-row-meta">
                    <LintSummary counts={c.findings} />
                    <span>{c.markets.join(' · ')}</span>
                    <span>{plural(c.evidence, 'evidence item', 'evidence items')}</span>
                    {c.progress && c.progress.status !== 'unknown' ? <span>{PROGRESS_LABEL[c.progress.status]}</span> : null}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        ) : null}
        <SecondApproverSetting />
        <p className="pane-foot muted">The green-claims check is an automated aid, not legal advice.</p>
      </section>
      <section className="split-detail" aria-label="Claim">
        {claimId ? (
          <ClaimEditor key={claimId} claimId={claimId} onSaved={() => setVersion((v) => v + 1)} />
        ) : (
          <EmptyState title="Choose a claim" action={<button type="button" className="btn btn-primary" onClick={() => app.navigate({ view: 'claims', claimId: NEW_CLAIM })}>New claim</button>}>
            <p>Or add a new one: its statement, the figures behind it, and the evidence.</p>
          </EmptyState>
        )}
      </section>
      {importing ? <ImportClaimsDialog onClose={() => setImporting(false)} onDone={() => setVersion((v) => v + 1)} /> : null}
    </main>
  );
}

function ImportClaimsDialog({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const client = useClient();
  const [path, setPath] = useState('');
  const action = useAction();
  const [progress, setProgress] = useState<ProgressEvent | null>(null);
  const [result, setResult] = useState<{ created: number; updated: number; rejected: { location: string; reason: string }[] } | null>(null);
  const run = async () => {
    setProgress(null);
    // Reading, hashing the evidence and storing run as a job: its progress comes here, and Cancel stops it.
    const off = client.onProgress((e) => {
      if (e.job === 'claims.import') setProgress(e);
    });
    try {
      const r = await action.run(() => client.call('claims.import', { files: [path.trim()] }));
      if (!r) return;
      setResult({
        created: r.reports.reduce((n, x) => n + x.claimsCreated, 0),
        updated: r.reports.reduce((n, x) => n + x.claimsUpdated, 0),
        rejected: r.reports.flatMap((x) => x.rejected),
      });
      onDone();
    } finally {
      off();
    }
  };
  return (
    <Dialog title="Import claims" onClose={onClose}>
      <div className="form">
        <p className="muted">A JSON file <code>{'{"claims": [...]}'}</code> or a CSV with Candor’s claim columns.</p>
        {action.pending ? (
          <div aria-live="polite">
            <JobProgress job="claims.import" label={CLAIM_PHASE_LABEL[progress?.phase ?? ''] ?? 'Importing claims…'} progress={progress} />
          </div>
        ) : (
          <PathInput label="Claims file" purpose="import-files" value={path} onChange={setPath} />
        )}
        {isCancelled(action.error) ? <CancelledNotice /> : action.error ? <ErrorNotice error={action.error} title="Nothing was imported" /> : null}
        {result ? (
          <Notice tone={result.rejected.length ? 'warning' : 'success'} title="Imported">
            <p>{plural(result.created, 'new claim')}, {plural(result.updated, 'updated claim')}.</p>
            {result.rejected.length ? <ul className="plain-list">{result.rejected.map((r, i) => <li key={i}><code>{r.location}</code> — {r.reason}</li>)}</ul> : null}
          </Notice>
        ) : null}
        {action.pending ? null : (
          <div className="form-actions">
            <button type="button" className="btn btn-secondary" onClick={onClose}>{result ? 'Close' : 'Cancel'}</button>
            {!result ? <button type="button" className="btn btn-primary" disabled={!path.trim()} onClick={() => void run()}>Import</button> : null}
          </div>
        )}
      </div>
    </Dialog>
  );
}
