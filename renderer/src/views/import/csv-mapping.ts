// The CSV column-mapping step's model: which column holds what, turned into the mapping file format the importer
// reads (docs/formats/csv-mapping.md). Guesses come from the header names; people confirm or change them.

export type Layout = 'message-per-row' | 'thread-per-row';
export type FieldId =
  | 'threadId' | 'subject' | 'kind' | 'status' | 'tags' | 'rating' | 'openedAt' | 'resolvedAt' | 'customerName' | 'customerEmail' | 'customerLocation'
  | 'role' | 'authorName' | 'authorEmail' | 'sentAt' | 'body' | 'visibility' | 'replyBody' | 'replyAt' | 'replyAuthor';

export type FieldSpec = { id: FieldId; label: string; hint?: string; required?: boolean; guess: RegExp };

const F: Record<FieldId, Omit<FieldSpec, 'id'>> = {
  threadId: { label: 'Conversation id', hint: 'Rows with the same id form one conversation.', required: true, guess: /^(ticket|thread|conversation|case|review|response|réponse)\s*(id|no|n°|number|#)?$|^id$/i },
  sentAt: { label: 'Date and time', required: true, guess: /(sent|created|date|time|submitted)/i },
  body: { label: 'Message text', required: true, guess: /^(message|body|text|comment|commentaire|content|review( content)?|feedback|description)$/i },
  role: { label: 'Who wrote it (customer or staff)', hint: 'Or give the author’s e-mail and your staff addresses.', guess: /(from type|author type|role|sender type|direction)/i },
  authorName: { label: 'Author name', guess: /^(author|name|from|sender|nom|reviewer|username)$/i },
  authorEmail: { label: 'Author e-mail', guess: /(author|sender|from).*(e-?mail)|^e-?mail$/i },
  visibility: { label: 'Internal note?', hint: 'yes/true/internal mark notes that are never published.', guess: /(internal|private|visibility|note)/i },
  subject: { label: 'Subject or title', guess: /(subject|title|sujet)/i },
  kind: { label: 'Kind', guess: /^(kind|type|category)$/i },
  status: { label: 'Status', guess: /^(status|state)$/i },
  tags: { label: 'Tags', guess: /(tags?|labels?|topics?)$/i },
  rating: { label: 'Rating', guess: /(rating|stars|score|note)/i },
  openedAt: { label: 'Opened at', guess: /^(opened|created)( at)?$/i },
  resolvedAt: { label: 'Resolved at', guess: /(resolved|closed|solved)/i },
  customerName: { label: 'Customer name', guess: /(customer|client|reviewer).*name|^nom$/i },
  customerEmail: { label: 'Customer e-mail', guess: /(customer|client|requester).*(e-?mail)/i },
  customerLocation: { label: 'Customer town', guess: /(city|town|ville|location)/i },
  replyBody: { label: 'Company reply', guess: /(reply|response|réponse)(?!.*(date|time|at))/i },
  replyAt: { label: 'Reply date', guess: /(reply|response|réponse).*(date|time|at)/i },
  replyAuthor: { label: 'Reply author', guess: /(reply|response).*(author|by|name)/i },
};

export const LAYOUT_FIELDS: Record<Layout, FieldId[]> = {
  'message-per-row': ['threadId', 'sentAt', 'body', 'role', 'authorName', 'authorEmail', 'visibility', 'subject', 'tags', 'status', 'rating', 'customerName', 'customerLocation'],
  'thread-per-row': ['threadId', 'sentAt', 'body', 'subject', 'rating', 'customerName', 'customerLocation', 'replyBody', 'replyAt', 'replyAuthor', 'tags', 'status'],
};

export function fieldSpec(id: FieldId): FieldSpec {
  return { id, ...F[id] };
}

export type MappingForm = {
  layout: Layout;
  source: string;
  columns: Partial<Record<FieldId, string>>;
  roleValues: Record<string, 'customer' | 'staff' | 'system' | ''>;
  bodyFormat: 'text' | 'html' | 'markdown';
  dateFormat: 'iso' | 'day-first' | 'month-first' | 'unix' | 'unix-ms';
  ratingMin: string;
  ratingMax: string;
  privateColumns: string[];
};

/** First guesses from the header names: each column is used for at most one field. */
export function guessColumns(header: readonly string[], layout: Layout): Partial<Record<FieldId, string>> {
  const used = new Set<string>();
  const out: Partial<Record<FieldId, string>> = {};
  for (const id of LAYOUT_FIELDS[layout]) {
    const hit = header.find((h) => !used.has(h) && F[id].guess.test(h.trim()));
    if (hit) {
      out[id] = hit;
      used.add(hit);
    }
  }
  return out;
}

/** A thread-per-row file has no repeated ids in its first rows; a message-per-row file usually does. */
export function guessLayout(header: readonly string[], rows: readonly string[][]): Layout {
  const idCol = header.findIndex((h) => F.threadId.guess.test(h.trim()));
  if (idCol < 0) return 'message-per-row';
  const ids = rows.map((r) => r[idCol]);
  return new Set(ids).size < ids.length ? 'message-per-row' : header.some((h) => F.replyBody.guess.test(h)) ? 'thread-per-row' : 'message-per-row';
}

/**
 * A suggested source name from a file name, without what changes from one export to the next (dates, numbers,
 * "export", "copy"), so that next month's file gets the same name and updates the same conversations.
 */
export function sourceFromFile(path: string): string {
  const name = (path.split(/[\\/]/).pop() ?? 'csv').replace(/\.[^.]+$/, '').toLowerCase().replace(/[_.]+/g, ' ')
    .replace(/\b(19|20)\d\d[- ]?\d\d([- ]?\d\d)?\b|\b\d{1,2}[- ]\d{1,2}[- ](19|20)?\d\d\b/g, ' ')
    .replace(/\b(export(ed)?|copy|final|latest|new|\d+)\b/g, ' ');
  return name.replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+|[-_.]+$/g, '').slice(0, 40) || 'csv';
}

export function missingRequired(form: MappingForm): FieldSpec[] {
  const missing = LAYOUT_FIELDS[form.layout].map(fieldSpec).filter((f) => f.required && !form.columns[f.id]);
  if (form.layout === 'message-per-row' && !form.columns.role && !form.columns.authorEmail) missing.push(fieldSpec('role'));
  return missing;
}

/** The mapping in the importer's file format: what the CLI's --mapping reads. */
export function toMapping(form: MappingForm): Record<string, unknown> {
  const columns: Record<string, string> = {};
  for (const id of LAYOUT_FIELDS[form.layout]) {
    const col = form.columns[id];
    if (col) columns[id] = col;
  }
  const roles = Object.fromEntries(Object.entries(form.roleValues).filter(([, v]) => v));
  const mapping: Record<string, unknown> = {
    version: 1,
    source: form.source || 'csv',
    layout: form.layout,
    bodyFormat: form.bodyFormat,
    dateFormat: form.dateFormat,
    columns,
  };
  if (Object.keys(roles).length && columns.role) mapping.values = { role: roles };
  if (form.privateColumns.length) mapping.private = form.privateColumns;
  const min = Number(form.ratingMin);
  const max = Number(form.ratingMax);
  if (columns.rating && form.ratingMin && form.ratingMax && Number.isFinite(min) && Number.isFinite(max) && (min !== 1 || max !== 5)) mapping.ratingScale = { min, max };
  return mapping;
}

/** The distinct values of a column in the sample rows (for the "who wrote it" step). */
export function distinctValues(header: readonly string[], rows: readonly string[][], column: string | undefined): string[] {
  if (!column) return [];
  const i = header.indexOf(column);
  if (i < 0) return [];
  return [...new Set(rows.map((r) => (r[i] ?? '').trim()).filter(Boolean))].slice(0, 12);
}

/** HTML in the text column's first rows means the export wrote HTML (help desks often do). */
export function guessBodyFormat(header: readonly string[], rows: readonly string[][], column: string | undefined): MappingForm['bodyFormat'] {
  const i = column ? header.indexOf(column) : -1;
  if (i < 0) return 'text';
  return rows.some((r) => /<\/?(p|br|div|b|i|a|ul|li|span)\b[^>]*>/i.test(r[i] ?? '')) ? 'html' : 'text';
}
