import { z } from 'zod';
import type { MessageInput, ThreadInput } from '../../shared/model/thread.ts';
import { jsonItems } from './json-input.ts';
import type { Importer } from './types.ts';
import { addPrivate, OptText, VendorTime } from './values.ts';
import { convertItem, jsonKey, markerScore, RecordProblem } from './vendor.ts';

// Google Business Profile reviews ({"reviews": [...]} from the API's reviews.list or from Takeout; JSON or NDJSON).
// starRating is an enum; a review may be a rating without text; Google bundles machine translations into the
// comment as "(Translated by Google) … (Original) …": the original is the message, the translation is kept aside.

const STARS: Record<string, number | null> = { ONE: 1, TWO: 2, THREE: 3, FOUR: 4, FIVE: 5, STAR_RATING_UNSPECIFIED: null };

const Review = z.object({
  name: OptText,
  reviewId: OptText,
  reviewer: z.object({ displayName: OptText, isAnonymous: z.boolean().nullish(), profilePhotoUrl: OptText }).nullish(),
  starRating: z.union([z.string(), z.number()]).nullish(),
  comment: OptText,
  createTime: VendorTime,
  updateTime: VendorTime.nullish(),
  reviewReply: z.object({ comment: OptText, updateTime: VendorTime.nullish() }).nullish(),
});
type Review = z.output<typeof Review>;

const TRANSLATED = '(Translated by Google)';
const ORIGINAL = '(Original)';

/**
 * Splits Google's bundled translation. Seen forms: "(Translated by Google) T\n\n(Original)\nO",
 * "O\n\n(Translated by Google)\nT", and the same with the parts swapped. Text without markers is the original.
 */
export function splitGoogleTranslation(comment: string): { original: string; translation: string | null } {
  const ti = comment.indexOf(TRANSLATED);
  if (ti === -1) return { original: comment.trim(), translation: null };
  const oi = comment.indexOf(ORIGINAL);
  if (oi === -1) {
    // "O (Translated by Google) T": the original comes first; a bare translation is all there is.
    const before = comment.slice(0, ti).trim();
    const after = comment.slice(ti + TRANSLATED.length).trim();
    return before ? { original: before, translation: after || null } : { original: after, translation: null };
  }
  if (ti < oi) {
    return { original: comment.slice(oi + ORIGINAL.length).trim(), translation: comment.slice(ti + TRANSLATED.length, oi).trim() || null };
  }
  return { original: comment.slice(oi + ORIGINAL.length, ti).trim(), translation: comment.slice(ti + TRANSLATED.length).trim() || null };
}

function starsOf(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 1 && value <= 5) return value;
    throw new RecordProblem(`starRating: ${value} is not 1 to 5`);
  }
  const key = value.trim().toUpperCase();
  if (key in STARS) return STARS[key]!;
  if (/^[1-5]$/.test(key)) return Number(key);
  throw new RecordProblem(`starRating: "${value}" is not one of ONE, TWO, THREE, FOUR, FIVE`);
}

function reviewToThread(r: Review): ThreadInput {
  const id = r.reviewId ?? r.name?.split('/').pop();
  if (!id) throw new RecordProblem('the review has no reviewId or name');
  const messagePrivate: Record<string, string> = {};
  const comment = splitGoogleTranslation(r.comment ?? '');
  // The machine translation is not what the customer wrote; it is kept, unpublished, for curators.
  addPrivate(messagePrivate, 'google.translation', comment.translation);
  const anonymous = r.reviewer?.isAnonymous === true;
  const name = anonymous ? undefined : (r.reviewer?.displayName ?? undefined);
  const messages: MessageInput[] = [{
    externalId: id,
    role: 'customer',
    authorName: name ?? null,
    sentAt: r.createTime,
    body: comment.original,
    format: 'text',
    visibility: 'public',
    attachments: [],
    privateData: messagePrivate,
  }];
  const reply = r.reviewReply;
  if (reply?.comment && reply.comment.trim() !== '') {
    const text = splitGoogleTranslation(reply.comment);
    const replyPrivate: Record<string, string> = {};
    addPrivate(replyPrivate, 'google.translation', text.translation);
    messages.push({ externalId: `${id}:reply`, role: 'staff', authorName: null, sentAt: reply.updateTime ?? r.updateTime ?? r.createTime, body: text.original, format: 'text', visibility: 'public', attachments: [], privateData: replyPrivate });
  }
  const privateData: Record<string, string> = {};
  addPrivate(privateData, 'reviewer.profile_photo_url', r.reviewer?.profilePhotoUrl);
  return {
    source: 'google',
    externalId: id,
    subject: null,
    rating: starsOf(r.starRating),
    channel: 'review',
    tags: [],
    openedAt: r.createTime,
    ...(name ? { customer: { name } } : {}),
    privateData,
    messages,
  };
}

const MARKERS = ['starRating', 'reviewReply', 'reviewId', 'reviewer', 'createTime', 'totalReviewCount', 'averageRating'].map(jsonKey);

export const google: Importer = {
  id: 'google',
  label: 'Google Business Profile reviews (API or Takeout JSON)',
  detect({ text }) {
    if (/"starRating"\s*:/.test(text)) return 0.95;
    return markerScore(text, MARKERS, 2, 0.85);
  },
  async *read(file) {
    const shape = {
      listKeys: ['reviews'],
      isItem: (v: Record<string, unknown>) => 'starRating' in v || 'reviewId' in v,
      expected: 'a Google review or {"reviews": [...]}',
    };
    for await (const item of jsonItems(file, shape)) yield convertItem(item, Review, reviewToThread);
  },
};
