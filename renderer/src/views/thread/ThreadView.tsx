import { useEffect, useMemo, useState } from 'react';
import { shortcutsBlocked } from '../../components/Dialog.tsx';
import { useClient } from '../../api.ts';
import { useApp } from '../../app/context.ts';
import { ErrorNotice, Loading } from '../../components/States.tsx';
import { excerpt, formatDateTime, stars } from '../../lib/format.ts';
import { KIND_LABEL, STATUS_LABEL, sourceLabel } from '../../lib/labels.ts';
import type { FindingView } from '../../lib/labels.ts';
import { useAction, useCall } from '../../lib/useCall.ts';
import type { DecideFn } from '../inbox/Inbox.tsx';
import { Conversation, MarkedText, marksFor, readTextSelection } from './Conversation.tsx';
import type { TextSelection } from './Conversation.tsx';
import { DecisionBar } from './DecisionBar.tsx';
import { PersonalData } from './PersonalData.tsx';
import { PublishedView } from './PublishedView.tsx';
import { Tags } from './Tags.tsx';
import { EraseAction } from './EraseDialog.tsx';
import { CorrectDialog } from './CorrectDialog.tsx';
import type { Correction } from './CorrectDialog.tsx';

export function ThreadView({ id, publishedView, onPublishedView, onDecide, onWithhold }: {
  id: string;
  publishedView: boolean;
  onPublishedView: (on: boolean) => void;
  onDecide: DecideFn;
  onWithhold: (subject: string) => void;
}) {
  const client = useClient();
  const app = useApp();
  const thread = useCall('threads.get', { id });
  const redactions = useCall('curation.findings', { threadId: id });
  const tags = useCall('curation.tags', { threadId: id });
  const action = useAction();
  const [selection, setSelection] = useState<TextSelection | null>(null);
  const [focusedFinding, setFocusedFinding] = useState<string | null>(null);
  const [correcting, setCorrecting] = useState(false);

  // c: correct the open conversation (kind, status, authors), like the header's button.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'c' || e.ctrlKey || e.metaKey || e.altKey || shortcutsBlocked(e.target)) return;
      e.preventDefault();
      setCorrecting(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const texts = useMemo(() => {
    const map = new Map<string, string>();
    if (thread.data?.subject) map.set('subject', thread.data.subject);
    for (const m of thread.data?.messages ?? []) if (m.visibility === 'public') map.set(`message:${m.id}`, m.body);
    return map;
  }, [thread.data]);

  const messageNumbers = useMemo(() => {
    const map = new Map<string, number>();
    let n = 0;
    for (const m of thread.data?.messages ?? []) if (m.visibility === 'public') map.set(`message:${m.id}`, ++n);
    return map;
  }, [thread.data]);

  // Every change here is journalled by the core: the toast says what was done and offers to undo it.
  const run = async (fn: () => Promise<unknown>) => {
    const ok = await action.run(fn);
    if (ok !== undefined) await app.afterChange();
  };

  const accept = (f: FindingView) => void run(() => client.call('curation.accept', { threadId: id, findingId: f.id }));
  const keep = (f: FindingView, reason: string) => void run(
    () => (reason ? client.call('curation.keep', { threadId: id, findingId: f.id, reason }) : client.call('curation.reject', { threadId: id, findingId: f.id })),
  );
  const reviewAll = (mode: 'confirm' | 'as-shown') => void run(() => client.call('curation.review', { target: { ids: [id] }, mode }));
  const unspan = (redactionId: string) => void run(() => client.call('curation.unspan', { threadId: id, redactionId }));
  const redactSelection = () => {
    if (!selection) return;
    const s = selection;
    setSelection(null);
    window.getSelection()?.removeAllRanges();
    void run(() => client.call('curation.span', { threadId: id, location: s.location, start: s.start, end: s.end }));
  };
  // Kind and status first, then each author: one audited change each, all undoable.
  const correct = (c: Correction) => {
    setCorrecting(false);
    void run(async () => {
      if (c.kind !== undefined || c.status !== undefined) await client.call('corrections.threadKindStatus', { thread: id, ...(c.kind ? { kind: c.kind } : {}), ...(c.status ? { status: c.status } : {}) });
      for (const r of c.roles) await client.call('corrections.messageRole', { message: r.messageId, role: r.role });
      return true;
    });
  };
  const changeTags = (change: { add?: string[]; remove?: string[] }) => void run(() => client.call('curation.tags', { threadId: id, ...change }));

  const onMark = (findingId: string) => {
    setFocusedFinding(findingId);
    document.getElementById(`finding-${findingId}`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  };

  if (thread.status === 'loading') return <Loading label="Opening the conversation…" />;
  if (thread.status === 'error') return <ErrorNotice error={thread.error} onRetry={thread.reload} title="This conversation could not be opened" />;
  const t = thread.data;
  const subject = t.subject?.trim() || '(no subject)';
  const internalCount = t.messages.filter((m) => m.visibility === 'internal').length;

  return (
    <article className="thread" aria-labelledby="thread-subject">
      <header className="thread-header">
        <h2 id="thread-subject" className="thread-subject">
          {t.subject ? (
            <span data-location="subject" data-where="the subject" className="selectable" onMouseUp={() => setSelection(readTextSelection())}>
              <MarkedText text={t.subject} marks={marksFor('subject', redactions.data ?? null)} onMark={onMark} />
            </span>
          ) : subject}
        </h2>
        <p className="thread-meta">
          <span className={`kind kind-${t.kind}`}>{KIND_LABEL[t.kind]}</span>
          <span>{STATUS_LABEL[t.status]}</span>
          <span>{sourceLabel(t.source)} #{t.externalId}</span>
          <span>Opened {formatDateTime(t.openedAt)}</span>
          {t.rating != null ? <span className="stars" aria-label={`${t.rating} of 5 stars`}>{stars(t.rating)}</span> : null}
          {t.satisfaction ? <span>Satisfaction: {t.satisfaction}</span> : null}
          <button type="button" className="btn btn-small btn-ghost thread-correct" onClick={() => setCorrecting(true)} disabled={action.pending} aria-keyshortcuts="c">Correct kind, status or authors… <kbd aria-hidden="true">c</kbd></button>
        </p>
        {correcting ? <CorrectDialog thread={t} pending={action.pending} onCancel={() => setCorrecting(false)} onSave={correct} /> : null}
      </header>

      <DecisionBar
        decision={t.decision}
        reason={t.decisionReason}
        note={t.decisionNote}
        by={t.decidedBy}
        at={t.decidedAt}
        pending={action.pending}
        onPublish={() => void onDecide(id, 'publish')}
        onWithhold={() => onWithhold(subject)}
        onPending={() => void onDecide(id, 'pending')}
      />

      {action.error ? <ErrorNotice error={action.error} title="That change was not saved" /> : null}

      <div className="view-toggle segmented" role="group" aria-label="Show">
        <button type="button" className={`segment${!publishedView ? ' segment-active' : ''}`} aria-pressed={!publishedView} onClick={() => onPublishedView(false)}>
          Full conversation{internalCount ? ` (incl. ${internalCount} internal)` : ''}
        </button>
        <button type="button" className={`segment${publishedView ? ' segment-active' : ''}`} aria-pressed={publishedView} onClick={() => onPublishedView(true)} aria-keyshortcuts="v">
          Published view <kbd aria-hidden="true">v</kbd>
        </button>
      </div>

      {publishedView ? (
        <PublishedView threadId={id} decision={t.decision} />
      ) : (
        <div className="thread-body">
          {redactions.status === 'ready' ? (
            <PersonalData
              redactions={redactions.data}
              messageNumbers={messageNumbers}
              texts={texts}
              onAccept={accept}
              onKeep={keep}
              onReviewAll={reviewAll}
              onUnspan={unspan}
              onSpan={(location, start, end) => void run(() => client.call('curation.span', { threadId: id, location, start, end }))}
              focused={focusedFinding}
              busy={action.pending}
            />
          ) : redactions.status === 'error' ? (
            <ErrorNotice error={redactions.error} onRetry={redactions.reload} title="Personal data could not be checked" />
          ) : null}
          {redactions.data && redactions.data.findings.length + redactions.data.manual.length > 0 ? <p className="muted small redact-hint">To remove anything else from the published view, select the text in a message.</p> : null}
          <Conversation thread={t} redactions={redactions.data ?? null} onSelectText={setSelection} onMark={onMark} />
          <Tags tags={tags.data ?? null} busy={action.pending} onAdd={(tag) => changeTags({ add: [tag] })} onRemove={(tag) => changeTags({ remove: [tag] })} />
          <EraseAction threadId={id} customerEmail={t.privateData?.['customer.email'] ?? null} onErased={() => void app.afterChange()} />
        </div>
      )}

      {selection ? (
        <div className="selection-bar" role="region" aria-label="Selected text">
          <span>Selected “{excerpt(selection.text, 50)}” in {selection.where}</span>
          <button type="button" className="btn btn-primary btn-small" onClick={redactSelection}>Remove from published view</button>
          <button type="button" className="btn btn-ghost btn-small" onClick={() => { setSelection(null); window.getSelection()?.removeAllRanges(); }}>Cancel</button>
        </div>
      ) : null}
    </article>
  );
}
