import { statSync } from 'node:fs';
import { CandorError } from '../errors.ts';
import { openSourceFile, sampleText } from './source-file.ts';

// Companion files: what a help desk's API returns beside the tickets, fetched separately because the ticket list does
// not carry it (Zendesk comments, ticket audits and satisfaction ratings; Freshdesk's conversations past the ten that
// include=conversations returns). They are recognised by content, whether given with --comments or as files to
// import next to the tickets, and merged into the tickets of the same import.

export type CompanionKind = 'zendesk-comments' | 'zendesk-audits' | 'zendesk-satisfaction' | 'freshdesk-conversations';

/** What each kind is, in words, for messages. */
export const COMPANION_WORDS: Record<CompanionKind, string> = {
  'zendesk-comments': 'Zendesk ticket comments',
  'zendesk-audits': 'Zendesk ticket audits',
  'zendesk-satisfaction': 'Zendesk satisfaction ratings',
  'freshdesk-conversations': 'Freshdesk ticket conversations (replies and notes)',
};

/** The importer a companion kind belongs to. */
export function companionVendor(kind: CompanionKind): 'zendesk' | 'freshdesk' {
  return kind.startsWith('zendesk') ? 'zendesk' : 'freshdesk';
}

const FRESHDESK_CONVERSATION = /"body_text"\s*:/;
const FRESHDESK_TICKET = /"(subject|description|description_text|requester_id)"\s*:/;

/** The kind of companion a sample is, or null when it is something else (tickets, say). Pure, for tests. */
export function companionKindOf(text: string): CompanionKind | null {
  const t = text.trimStart();
  // {"audit", "ticket"} (what creating a ticket returns) carries its ticket: that is a tickets file.
  if (/^\{\s*"(audits|audit)"\s*:/.test(t) && !/"ticket"\s*:\s*\{/.test(t)) return 'zendesk-audits';
  if (/^\{\s*"satisfaction_ratings?"\s*:/.test(t)) return 'zendesk-satisfaction';
  if (/^\{\s*"(ticket_events|comments)"\s*:/.test(t) || /^\{\s*"\d+"\s*:\s*[[{]/.test(t)) return 'zendesk-comments';
  if (/^\{\s*"ticket_id"\s*:/.test(t) && /"(body|html_body|plain_body)"\s*:/.test(t) && !FRESHDESK_CONVERSATION.test(t) && !/"subject"\s*:/.test(t)) return 'zendesk-comments';
  // Freshdesk: a conversations list, or one conversation (a reply or a note as the API returns it on creation).
  if ((t.startsWith('[') || t.startsWith('{')) && FRESHDESK_CONVERSATION.test(t) && /"ticket_id"\s*:/.test(t) && /"(incoming|private)"\s*:/.test(t)) {
    const first = t.startsWith('[') ? t.slice(0, t.indexOf('}') + 1) : t;
    if (!FRESHDESK_TICKET.test(first)) return 'freshdesk-conversations';
  }
  return null;
}

/** The companion kind of a file on disk, or null (folders are never companions). */
export function companionKind(path: string): CompanionKind | null {
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) return null;
  const file = openSourceFile(path);
  if (file.size === 0) return null;
  return companionKindOf(sampleText(file, 16 * 1024));
}

/** A file given with --comments must be one Candor can use: anything else is an error, never passed over. */
export function requireCompanion(path: string): CompanionKind {
  const kind = companionKind(path);
  if (!kind) {
    throw new CandorError('COMPANION_FILE', `${path}: --comments takes a file of ${Object.values(COMPANION_WORDS).join(', ')}; this file is none of these, so it cannot be used.`, { file: path });
  }
  return kind;
}
