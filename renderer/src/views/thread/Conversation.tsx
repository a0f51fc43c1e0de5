import { useCallback } from 'react';
import type { Res } from '../../../../electron/shared/contract.ts';
import { formatDateTime } from '../../lib/format.ts';
import { PII_LABEL, ROLE_LABEL } from '../../lib/labels.ts';
import type { FindingView } from '../../lib/labels.ts';
import { segments, selectionOffsets } from './highlight.ts';
import type { Mark } from './highlight.ts';

type Detail = Res<'curation.findings'>;
type Thread = Res<'threads.get'>;
type Message = Thread['messages'][number];
export type TextSelection = { location: string; start: number; end: number; text: string; where: string };

function findingMark(f: FindingView): Mark {
  const what = PII_LABEL[f.kind];
  if (f.redacted) return { id: f.id, start: f.start, end: f.end, tone: 'accepted', label: `${what}: removed when published` };
  if (f.status === 'pending') return { id: f.id, start: f.start, end: f.end, tone: 'pending', label: `${what}: waiting for your review` };
  return { id: f.id, start: f.start, end: f.end, tone: 'rejected', label: `${what}: kept as written` };
}

export function marksFor(location: string, redactions: Detail | null): Mark[] {
  if (!redactions) return [];
  return [
    ...redactions.findings.filter((f) => f.location === location).map(findingMark),
    ...redactions.manual.filter((m) => m.location === location).map((m): Mark => ({ id: m.id, start: m.start, end: m.end, tone: 'manual', label: 'Removed by a curator' })),
  ];
}

/** Message text with its marks. Always React text: customer text is never HTML. */
export function MarkedText({ text, marks, onMark }: { text: string; marks: Mark[]; onMark?: (id: string) => void }) {
  return (
    <span className="marked-text">
      {segments(text, marks).map((s) =>
        s.mark ? (
          <mark
            key={`${s.start}-${s.mark.id}`}
            className={`pii pii-${s.mark.tone}`}
            title={s.mark.label}
            data-finding={s.mark.id}
            onClick={onMark ? () => onMark(s.mark!.id) : undefined}
          >
            {s.text}
          </mark>
        ) : (
          s.text
        ),
      )}
    </span>
  );
}

/** The current text selection, if it lies inside one redactable text (a public message or the subject). */
export function readTextSelection(win: Window = window): TextSelection | null {
  const sel = win.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  const start = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
  const container = start?.closest<HTMLElement>('[data-location]');
  if (!container) return null;
  const offsets = selectionOffsets(container, range, win.document);
  if (!offsets) return null;
  const text = (container.textContent ?? '').slice(offsets.start, offsets.end);
  if (!text.trim()) return null;
  return { location: container.dataset.location!, ...offsets, text, where: container.dataset.where ?? '' };
}

/** Public messages are numbered as the site numbers them (internal notes are not counted). */
function publicNumbers(messages: readonly Message[]): Map<string, number> {
  const map = new Map<string, number>();
  let n = 0;
  for (const m of messages) if (m.visibility === 'public') map.set(m.id, ++n);
  return map;
}

function roleClass(m: Message): string {
  if (m.visibility === 'internal') return 'message-internal';
  return `message-${m.role}`;
}

export function Conversation({ thread, redactions, onSelectText, onMark }: { thread: Thread; redactions: Detail | null; onSelectText: (sel: TextSelection | null) => void; onMark: (id: string) => void }) {
  const readSelection = useCallback(() => onSelectText(readTextSelection()), [onSelectText]);

  const numbers = publicNumbers(thread.messages);
  return (
    <ol className="conversation" onMouseUp={readSelection} onKeyUp={(e) => { if (e.shiftKey) readSelection(); }}>
      {thread.messages.map((m) => {
        const internal = m.visibility === 'internal';
        const location = `message:${m.id}`;
        const where = internal ? 'an internal note' : `message ${numbers.get(m.id) ?? ''}`;
        return (
          <li key={m.id} className={`message ${roleClass(m)}`} aria-label={`${internal ? 'Internal note' : ROLE_LABEL[m.role]} ${m.authorName ?? ''}, ${formatDateTime(m.sentAt)}`}>
            <div className="message-head">
              <span className="message-author">{m.authorName || ROLE_LABEL[m.role]}</span>
              <span className={`role-badge role-${m.role}`}>{ROLE_LABEL[m.role]}</span>
              {internal ? <span className="internal-label">Internal — never published</span> : null}
              <time className="muted message-time" dateTime={m.sentAt}>{formatDateTime(m.sentAt)}</time>
            </div>
            <div className="message-body">
              {internal ? (
                <span className="marked-text">{m.body}</span>
              ) : (
                <span data-location={location} data-where={where} className="selectable">
                  <MarkedText text={m.body} marks={marksFor(location, redactions)} onMark={onMark} />
                </span>
              )}
            </div>
            {m.attachments.length ? (
              <ul className="attachments">
                {m.attachments.map((a, i) => <li key={`${a.name}-${i}`}>Attachment: {a.name}</li>)}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
