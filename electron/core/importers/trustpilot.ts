import { z } from 'zod';
import type { ErrorLocation } from '../errors.ts';
import type { MessageInput, ThreadInput } from '../../shared/model/thread.ts';
import { csvEvents, headerCells, headerKey } from './csv-input.ts';
import { htmlToText, looksLikeHtml } from './html.ts';
import { jsonItems } from './json-input.ts';
import { sampleText } from './source-file.ts';
import type { SourceFile } from './source-file.ts';
import type { Importer, ImportRecord } from './types.ts';
import { addPrivate, firstText, OptText, toIsoTime, toStars, VendorId, VendorTime } from './values.ts';
import { convertItem, jsonKey, markerScore, RecordProblem } from './vendor.ts';

// Trustpilot reviews, from the business CSV export or the API's JSON. A review and the company's reply are one
// thread: the customer's review, then the staff reply. The CSV's column names are not documented, so headers are
// matched without regard to case, spaces or punctuation, and the known variants of each are accepted.

/** Each field and the header names seen for it (compared with headerKey). */
const COLUMNS = {
  id: ['Review Id', 'ReviewId', 'Id'],
  createdAt: ['Review Created (UTC)', 'Review Created', 'Review Date', 'Created At', 'Date'],
  consumerId: ['Review Consumer User Id', 'Consumer Id', 'User Id'],
  username: ['Review Username', 'Review Consumer Name', 'Consumer Name', 'Reviewer Name', 'Username', 'Name', 'Display Name'],
  title: ['Review Title', 'Title'],
  content: ['Review Content', 'Review Text', 'Content', 'Text', 'Review'],
  stars: ['Review Stars', 'Stars', 'Rating', 'Star Rating'],
  sourceOfReview: ['Source Of Review', 'Review Source', 'Source'],
  referenceId: ['Reference Id', 'Reference', 'Order Id', 'Order Number'],
  language: ['Review Language', 'Language'],
  replyDate: ['Business Reply Date (UTC)', 'Company Reply Date (UTC)', 'Business Reply Date', 'Company Reply Date', 'Business Response Date', 'Company Response Date', 'Reply Date (UTC)', 'Reply Date'],
  replyText: ['Company Response', 'Company Reply', 'Business Reply', 'Business Response', 'Company Reply Text', 'Business Reply Text', 'Reply', 'Response'],
  email: ['Review Consumer Email', 'Consumer Email', 'Email', 'Referral Email'],
  location: ['Review Consumer Location', 'Consumer Location', 'Consumer Country', 'Location', 'Country'],
} as const;
type Field = keyof typeof COLUMNS;

const CSV_SIGNATURE = new Set(['reviewid', 'reviewstars', 'reviewcontent', 'reviewcreatedutc', 'reviewtitle', 'reviewusername', 'companyresponse', 'businessreplydateutc', 'companyreplydateutc', 'sourceofreview', 'reviewconsumeruserid']);

/** Column index per field, from the header; the first matching variant wins. */
export function mapTrustpilotHeader(header: readonly string[]): Partial<Record<Field, number>> {
  const keys = header.map(headerKey);
  const out: Partial<Record<Field, number>> = {};
  for (const [field, names] of Object.entries(COLUMNS) as [Field, readonly string[]][]) {
    for (const name of names) {
      const i = keys.indexOf(headerKey(name));
      if (i !== -1) {
        out[field] = i;
        break;
      }
    }
  }
  return out;
}

function plain(text: string): string {
  return looksLikeHtml(text) ? htmlToText(text) : text.trim();
}

type Review = {
  id: string;
  createdAt: string;
  stars: number | null;
  title?: string;
  text: string;
  name?: string;
  location?: string;
  email?: string;
  sourceOfReview?: string;
  privateData: Record<string, string>;
  reply?: { text: string; at: string | null };
};

function reviewToThread(r: Review): ThreadInput {
  const messages: MessageInput[] = [{
    externalId: r.id,
    role: 'customer',
    authorName: r.name ?? null,
    sentAt: r.createdAt,
    body: plain(r.text),
    format: 'text',
    visibility: 'public',
    attachments: [],
    privateData: {},
  }];
  if (r.reply && r.reply.text.trim() !== '') {
    // A reply without a date is placed at the review's time (it cannot come before it; the order is kept).
    messages.push({ externalId: `${r.id}:reply`, role: 'staff', authorName: null, sentAt: r.reply.at ?? r.createdAt, body: plain(r.reply.text), format: 'text', visibility: 'public', attachments: [], privateData: {} });
  }
  return {
    source: 'trustpilot',
    externalId: r.id,
    subject: r.title ? plain(r.title) : null,
    rating: r.stars,
    channel: 'review',
    tags: r.sourceOfReview ? [`source:${r.sourceOfReview.toLowerCase()}`] : [],
    openedAt: r.createdAt,
    ...(r.name || r.email || r.location ? { customer: { ...(r.name ? { name: r.name } : {}), ...(r.email ? { email: r.email } : {}), ...(r.location ? { location: r.location } : {}) } } : {}),
    privateData: r.privateData,
    messages,
  };
}

function starsFrom(value: string | number | null | undefined, field: string): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value.replace(',', '.'));
  const stars = Number.isFinite(n) ? toStars(n, 1, 5) : null;
  if (stars === null) throw new RecordProblem(`${field}: "${value}" is not a star rating from 1 to 5`);
  return stars;
}

async function* readCsv(file: SourceFile): AsyncGenerator<ImportRecord> {
  let cols: Partial<Record<Field, number>> = {};
  for await (const ev of csvEvents(file)) {
    const location: ErrorLocation = { file: file.name, line: ev.line };
    if (ev.kind === 'header') {
      cols = mapTrustpilotHeader(ev.cells);
      if (cols.id === undefined || cols.content === undefined) {
        yield { ok: false, location, reason: 'the header has no "Review Id" and "Review Content" columns; is this a Trustpilot export?' };
        return;
      }
      continue;
    }
    if (ev.kind === 'bad') {
      yield { ok: false, location, reason: ev.reason };
      continue;
    }
    const get = (f: Field): string | undefined => {
      const i = cols[f];
      const v = i === undefined ? undefined : ev.cells[i];
      return v === undefined || v.trim() === '' ? undefined : v;
    };
    try {
      const id = get('id')?.trim();
      if (!id) throw new RecordProblem('the review has no Review Id');
      const createdRaw = get('createdAt');
      const createdAt = createdRaw ? toIsoTime(createdRaw) : null;
      if (!createdAt) throw new RecordProblem(`Review Created: "${createdRaw ?? ''}" is not a date and time (expected e.g. 2024-03-01 09:30:00, read as UTC)`);
      const replyRaw = get('replyDate');
      const replyAt = replyRaw ? toIsoTime(replyRaw) : null;
      if (replyRaw && !replyAt) throw new RecordProblem(`Reply Date: "${replyRaw}" is not a date and time`);
      const privateData: Record<string, string> = {};
      addPrivate(privateData, 'consumer.id', get('consumerId'));
      addPrivate(privateData, 'reference_id', get('referenceId'));
      const replyText = get('replyText');
      yield {
        ok: true,
        location,
        thread: reviewToThread({
          id,
          createdAt,
          stars: starsFrom(get('stars'), 'Review Stars'),
          title: get('title'),
          text: get('content') ?? '',
          name: get('username')?.trim(),
          location: get('location')?.trim(),
          email: get('email')?.trim(),
          sourceOfReview: get('sourceOfReview')?.trim(),
          privateData,
          ...(replyText ? { reply: { text: replyText, at: replyAt } } : {}),
        }),
      };
    } catch (err) {
      if (err instanceof RecordProblem) yield { ok: false, location, reason: err.message };
      else throw err;
    }
  }
}

const ApiReview = z.object({
  id: VendorId,
  stars: z.union([z.number(), z.string()]).nullish(),
  title: OptText,
  text: OptText,
  language: OptText,
  createdAt: VendorTime,
  consumer: z.object({ id: VendorId.nullish(), displayName: OptText, displayLocation: OptText, email: OptText }).nullish(),
  companyReply: z.object({ text: OptText, createdAt: VendorTime.nullish(), updatedAt: VendorTime.nullish() }).nullish(),
  referenceId: OptText,
  referralEmail: OptText,
  email: OptText,
  orderId: OptText,
  source: OptText,
  location: z.unknown().optional(),
});

function apiToThread(r: z.output<typeof ApiReview>): ThreadInput {
  const privateData: Record<string, string> = {};
  addPrivate(privateData, 'consumer.id', r.consumer?.id);
  addPrivate(privateData, 'reference_id', r.referenceId);
  addPrivate(privateData, 'order_id', r.orderId);
  addPrivate(privateData, 'location', r.location);
  const reply = r.companyReply;
  return reviewToThread({
    id: r.id,
    createdAt: r.createdAt,
    stars: starsFrom(r.stars, 'stars'),
    title: r.title ?? undefined,
    text: r.text ?? '',
    name: firstText(r.consumer?.displayName),
    location: firstText(r.consumer?.displayLocation),
    email: firstText(r.consumer?.email, r.referralEmail, r.email),
    sourceOfReview: firstText(r.source),
    privateData,
    ...(reply?.text ? { reply: { text: reply.text, at: reply.createdAt ?? reply.updatedAt ?? null } } : {}),
  });
}

const JSON_MARKERS = ['stars', 'consumer', 'companyReply', 'displayName', 'isVerified', 'createdAt', 'businessUnit'].map(jsonKey);

export const trustpilot: Importer = {
  id: 'trustpilot',
  label: 'Trustpilot reviews (CSV export or API JSON)',
  detect({ text }) {
    const t = text.trimStart();
    if (t.startsWith('{') || t.startsWith('[')) {
      if (/"companyReply"\s*:/.test(t)) return 0.95;
      if (/"starRating"\s*:|"reviewReply"\s*:/.test(t)) return 0;
      return markerScore(t, JSON_MARKERS, 3, 0.85);
    }
    const hits = headerCells(text).map(headerKey).filter((k) => CSV_SIGNATURE.has(k)).length;
    return hits >= 3 ? 0.95 : hits >= 2 ? 0.7 : 0;
  },
  async *read(file) {
    const first = /\S/.exec(sampleText(file, 4096))?.[0];
    if (first === '{' || first === '[') {
      const shape = {
        listKeys: ['reviews', 'items'],
        isItem: (v: Record<string, unknown>) => 'id' in v && ('stars' in v || 'text' in v),
        expected: 'a Trustpilot review or {"reviews": [...]}',
      };
      for await (const item of jsonItems(file, shape)) yield convertItem(item, ApiReview, apiToThread);
      return;
    }
    yield* readCsv(file);
  },
};
