import { columnAnchor } from '../figures.ts';

// The columns of data/threads.csv and data/messages.csv, described once for the open data page: each has an anchor
// (data/index.html#col-threads-kind) the headline figures link to, so a reader can recompute a figure from the data.

type Column = { file: 'threads.csv' | 'messages.csv'; name: string; description: string };

const COLUMNS: Column[] = [
  { file: 'threads.csv', name: 'id', description: 'The conversation\'s id, as in its page address and in messages.csv.' },
  { file: 'threads.csv', name: 'source', description: 'Where the conversation came from (a help desk, a review site, e-mail).' },
  { file: 'threads.csv', name: 'kind', description: 'complaint, praise, question, suggestion or other. The complaint and praise figures count this column.' },
  { file: 'threads.csv', name: 'subject', description: 'The subject line, with personal data replaced by labels.' },
  { file: 'threads.csv', name: 'rating', description: 'A star rating from 1 to 5 as given in the source; empty when there is none.' },
  { file: 'threads.csv', name: 'status', description: 'open, resolved or unresolved. The resolved figures count “resolved”.' },
  { file: 'threads.csv', name: 'opened_at', description: 'When the conversation started (ISO 8601, UTC): the month it counts in, and the start of the time to resolve.' },
  { file: 'threads.csv', name: 'resolved_at', description: 'When it was resolved; empty when it was not. The end of the time to resolve.' },
  { file: 'threads.csv', name: 'tags', description: 'Topics, separated by “; ”.' },
  { file: 'threads.csv', name: 'messages', description: 'How many public messages the conversation has (its rows in messages.csv).' },
  { file: 'messages.csv', name: 'thread_id', description: 'The conversation the message belongs to (id in threads.csv).' },
  { file: 'messages.csv', name: 'position', description: 'The message\'s place in its conversation, from 1.' },
  { file: 'messages.csv', name: 'role', description: 'customer, staff (us) or system. A conversation “got a reply” when a staff message follows the customer\'s first one.' },
  { file: 'messages.csv', name: 'author', description: 'A pseudonym for customers; a display name or role for staff.' },
  { file: 'messages.csv', name: 'sent_at', description: 'When the message was sent (ISO 8601, UTC): the times to first reply are computed from it.' },
  { file: 'messages.csv', name: 'body', description: 'The public text, with personal data replaced by labels such as [email removed].' },
];

export function openDataColumns(): (Column & { anchor: string })[] {
  return COLUMNS.map((c) => ({ ...c, anchor: columnAnchor(c) }));
}
